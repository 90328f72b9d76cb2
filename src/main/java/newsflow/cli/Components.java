package newsflow.cli;

import newsflow.clean.ArticleCleaner;
import newsflow.clean.CleaningPolicy;
import newsflow.entities.EntityTagger;
import newsflow.entities.NewsEntityTagger;
import newsflow.pipeline.NewsflowTopology;
import newsflow.pipeline.PipelineConfig;

/** The production stage implementations. */
public final class Components {

    private Components() {
    }

    /** The cleaner with the configured page limit, and the statistical entity tagger. */
    public static NewsflowTopology.Stages forConfig(PipelineConfig config) {
        return new NewsflowTopology.Stages(cleaner(config), Tagger.INSTANCE);
    }

    /** The same cleaner with a tagger that finds nothing: to measure the other stages alone. */
    public static NewsflowTopology.Stages withoutEntities(PipelineConfig config) {
        return new NewsflowTopology.Stages(cleaner(config), (title, text) -> java.util.List.of());
    }

    private static ArticleCleaner cleaner(PipelineConfig config) {
        return new ArticleCleaner(CleaningPolicy.newsDefaults().withMaxPageBytes(config.maxPageBytes()));
    }

    /** The tagger's models are read-only and take a second to load: one per process, on first use. */
    private static final class Tagger {
        static final EntityTagger INSTANCE = NewsEntityTagger.load();
    }
}
