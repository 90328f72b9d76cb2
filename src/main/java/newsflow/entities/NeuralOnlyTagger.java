package newsflow.entities;

import java.util.List;
import java.util.Objects;

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
        return CrfOnlyTagger.oneEntityPerSpan(text, recogniser.recognise(text));
    }
}
