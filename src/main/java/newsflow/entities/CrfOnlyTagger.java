package newsflow.entities;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The baseline the entity stage is measured against: CoreNLP's cased CoNLL CRF alone, one
 * entity per recognised span, with no truecasing, knowledge base or linking. For evaluation
 * only ({@code newsflow eval entities --baseline}).
 */
public final class CrfOnlyTagger implements EntityTagger {

    private final CrfRecognizer recogniser;

    public CrfOnlyTagger(CrfRecognizer recogniser) {
        this.recogniser = Objects.requireNonNull(recogniser, "recogniser");
    }

    @Override
    public List<TaggedEntity> tag(String title, String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        List<TaggedEntity> out = new ArrayList<>();
        for (Span s : recogniser.recogniseCasedOnly(text)) {
            String name = s.text(text);
            out.add(new TaggedEntity(EntityIds.ofFolded(s.type(), name), name, s.type(), 0,
                    List.of(new Mention(name, s.start(), s.end()))));
        }
        return out;
    }
}
