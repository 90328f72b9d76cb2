package newsflow.pipeline;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import newsflow.bench.StoreGrowthBench;
import newsflow.serving.ServingViews;
import org.junit.jupiter.api.Test;

/**
 * Every store levels off: over a run of many horizons, what a store holds at the end is no
 * more than what it held halfway (the long run, 200,000 articles, is in BENCHMARKS.md).
 */
class StoreBoundsTest {

    @Test
    void everyStoreLevelsOffOnceArticlesLeaveTheHorizon() throws Exception {
        // One article a minute; a 2-hour horizon and trend retention, 3-hour serving retention,
        // expiry every 100 minutes: 2,400 articles are 20 horizons.
        List<Map<String, Long>> sizes = new ArrayList<>();
        StoreGrowthBench.run(2_400, 400, new StoreGrowthBench.Settings(Duration.ofHours(2), Duration.ofHours(3), 100),
            (i, s) -> sizes.add(s));

        Map<String, Long> half = sizes.get(2);
        Map<String, Long> end = sizes.get(5);
        for (String store : end.keySet()) {
            if (store.equals(ServingViews.ENTITY_HOURS_STORE)) {
                continue; // kept a fixed eight days, longer than this run
            }
            assertTrue(end.get(store) <= half.get(store) * 1.25 + 50,
                store + " grows: " + half.get(store) + " entries at 1,200 articles, " + end.get(store) + " at 2,400");
            assertTrue(end.get(store) < 600 || store.startsWith("dedupe-band") || store.startsWith("serving-entity-index"),
                store + " holds more than its horizon: " + end.get(store));
        }
    }
}
