package newsflow.entities;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import newsflow.core.Mention;
import newsflow.core.TaggedEntity;

/**
 * The baselines the entity stage is measured against: one of CoreNLP's cased CRFs alone (the
 * CoNLL 4-class model or the broad 3-class model), one entity per recognised span, with no
 * truecasing, ensemble, knowledge base or linking. For evaluation only ({@code newsflow eval
 * entities --baseline conll|broad}).
 */
public final class CrfOnlyTagger implements EntityTagger {

    private final CrfRecognizer recogniser;
    private final CrfRecognizer.Single model;

    public CrfOnlyTagger(CrfRecognizer recogniser, CrfRecognizer.Single model) {
        this.recogniser = Objects.requireNonNull(recogniser, "recogniser");
        this.model = Objects.requireNonNull(model, "model");
    }

    @Override
    public List<TaggedEntity> tag(String title, String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return oneEntityPerSpan(text, recogniser.recogniseWith(model, text));
    }

    /** One entity per span, named by its text, with no linking: what a recogniser alone gives. */
    static List<TaggedEntity> oneEntityPerSpan(String text, List<Span> spans) {
        List<TaggedEntity> out = new ArrayList<>();
        for (Span s : spans) {
            String name = s.text(text);
            out.add(new TaggedEntity(EntityIds.ofFolded(s.type(), name), name, s.type(), 0,
                    List.of(new Mention(name, s.start(), s.end()))));
        }
        return out;
    }
}
