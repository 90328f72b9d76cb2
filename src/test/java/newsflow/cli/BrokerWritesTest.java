package newsflow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** {@link BrokerWrites}: what a bench run wrote to the broker, per input record. */
class BrokerWritesTest {

    @Test
    void describesTheWritesPerInputRecordWithTheThreeLargestChangelogsFirst() {
        BrokerWrites writes = new BrokerWrites(
            Map.of("dedupe-band-members", 900L, "entity-trend-counts", 150L, "entity-trend-counts-expiry", 200L,
                "dedupe-pending-verdicts", 20L),
            Map.of("dedupe-probes-by-shard", 30L, "entity-trend-changes-by-entity-hour", 200L), 250L);
        assertEquals("written to the broker, per input record (offsets, transaction markers included): 175.0 in all: "
                + "127.0 to 4 changelogs (most: dedupe-band-members 90.0, entity-trend-counts-expiry 20.0, "
                + "entity-trend-counts 15.0), 23.0 to 2 repartition topics, 25.0 to the outputs",
            writes.describe(10));
    }
}
