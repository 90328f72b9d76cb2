package newsflow.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Properties;

import org.junit.jupiter.api.Test;

/** Settings read from --config: defaults, units, and settings that contradict each other. */
class PipelineConfigTest {

    private static PipelineConfig read(String... keyValues) {
        Properties p = new Properties();
        for (int i = 0; i < keyValues.length; i += 2) {
            p.setProperty(keyValues[i], keyValues[i + 1]);
        }
        return PipelineConfig.fromProperties(p);
    }

    @Test
    void trendsAreKeptEightDaysByDefault() {
        assertEquals(Duration.ofDays(8), read().trendRetention());
    }

    @Test
    void trendRetentionFollowsALongerDedupeHorizonByDefault() {
        assertEquals(Duration.ofDays(30), read("dedupe.horizon", "P30D").trendRetention());
    }

    @Test
    void trendRetentionIsReadInDaysOrHours() {
        assertEquals(Duration.ofDays(10), read("trends.retention", "P10D").trendRetention());
        assertEquals(Duration.ofHours(200), read("trends.retention", "200").trendRetention());
    }

    @Test
    void trendRetentionShorterThanTheDedupeHorizonIsRefusedWithTheReason() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> read("dedupe.horizon", "P7D", "trends.retention", "P1D"));
        assertTrue(e.getMessage().contains("trends.retention") && e.getMessage().contains("dedupe.horizon"), e.getMessage());
    }

    @Test
    void aDurationThatIsNotOneNamesItsSetting() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> read("trends.retention", "a week"));
        assertTrue(e.getMessage().startsWith("trends.retention: not a duration"), e.getMessage());
    }
}
