package newsflow.dedupe;

/**
 * A verified relation between two articles with their event times: what the verdict is
 * decided from ({@link VerdictPolicy}), and what the streaming stage carries between its steps.
 *
 * @param kind         EXACT, NEAR or REWRITE
 * @param similarity   the similarity evidence in [0, 1]
 * @param originalId   the earlier article
 * @param copyId       the later article
 * @param originalTime the original's event time, epoch ms
 * @param copyTime     the copy's event time, epoch ms
 */
public record Relation(MatchKind kind, double similarity, String originalId, String copyId,
                       long originalTime, long copyTime) {

    /** The relation a {@link Match} states, with the two articles' event times. */
    public static Relation of(Match m, long originalTime, long copyTime) {
        return new Relation(m.kind(), m.similarity(), m.originalId(), m.copyId(), originalTime, copyTime);
    }

    /** The id on the other side of {@code id}. */
    public String other(String id) {
        return id.equals(originalId) ? copyId : originalId;
    }
}
