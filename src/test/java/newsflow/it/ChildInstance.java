package newsflow.it;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

import newsflow.clean.ArticleCleaner;
import newsflow.clean.CleaningPolicy;
import newsflow.entities.CapitalisedPhraseTagger;
import newsflow.pipeline.NewsflowTopology;
import newsflow.pipeline.Pipeline;
import newsflow.pipeline.PipelineConfig;
import newsflow.pipeline.StreamsSettings;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * A newsflow instance in a JVM of its own, for tests that kill it with SIGKILL: the same
 * topology and settings as {@link BrokerHarness.Run#startInstance()}, on the application's own
 * topics. Prints {@value #READY} once RUNNING, then runs until killed.
 *
 * <p>Arguments: bootstrap servers, application id, state directory.
 */
public final class ChildInstance {

    static final String READY = "newsflow-child-running";

    private ChildInstance() {
    }

    public static void main(String[] args) throws InterruptedException {
        String bootstrap = args[0];
        String appId = args[1];
        Path state = Path.of(args[2]);
        PipelineConfig config = BrokerHarness.configFor(appId, PipelineConfig.defaults());
        Properties overrides = new Properties();
        overrides.put(StreamsConfig.APPLICATION_ID_CONFIG, appId);
        overrides.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        // Killed members leave the group after this, not after the 45 s default.
        overrides.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), 6000);
        NewsflowTopology.Stages stages = new NewsflowTopology.Stages(
            new ArticleCleaner(CleaningPolicy.newsDefaults()), new CapitalisedPhraseTagger());
        Pipeline.start(NewsflowTopology.build(config, stages),
            StreamsSettings.streamsConfig(bootstrap, state, config.topics(), overrides), Duration.ofSeconds(60));
        System.out.println(READY);
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
