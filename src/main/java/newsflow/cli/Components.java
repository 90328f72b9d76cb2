package newsflow.cli;

import newsflow.clean.ArticleCleaner;
import newsflow.clean.CleaningPolicy;
import newsflow.entities.CapitalisedPhraseTagger;
import newsflow.pipeline.NewsflowTopology;

/** The production stage implementations. */
final class Components {

    private Components() {
    }

    static NewsflowTopology.Stages defaults() {
        return new NewsflowTopology.Stages(new ArticleCleaner(CleaningPolicy.newsDefaults()),
            new CapitalisedPhraseTagger());
    }
}
