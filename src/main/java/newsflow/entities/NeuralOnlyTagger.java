package newsflow.entities;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import newsflow.core.Mention;
import newsflow.core.TaggedEntity;

/**
 * The project's neural recogniser alone, one entity per recognised span, with no knowledge
 * base or linking: the baseline that measures what the rules around it add. For evaluation
 * only ({@code newsflow eval entities --baseline neural}).
 */
public final class NeuralOnlyTagger implements EntityTagger {

    private final NeuralRecognizer recogniser;

    public NeuralOnlyTagger(NeuralRecognizer recogniser) {
        this.recogniser = Objects.requireNonNull(recogniser, "recogniser");
    }

    @Override
    public List<TaggedEntity> tag(String title, String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return oneEntityPerSpan(text, recogniser.recognise(text));
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
