package newsflow.serving;

import newsflow.avro.Duplicate;

/**
 * A dropped duplicate as the query API shows it. Immutable.
 *
 * @param id          the duplicate's article id
 * @param url         its URL
 * @param title       its headline, or null
 * @param duplicateOf the id of the kept original
 * @param kind        EXACT or NEAR
 * @param similarity  similarity to the original
 * @param publishedAt its stated publication time, or null
 * @param seenAt      ingestion time in epoch ms
 */
public record DuplicateSummary(String id, String url, String title, String duplicateOf, String kind,
                               double similarity, String publishedAt, long seenAt) {

    /** The summary of a record of the duplicates topic; {@code timestamp} is the record's (ingestion) time. */
    public static DuplicateSummary of(Duplicate d, long timestamp) {
        return new DuplicateSummary(d.getId(), d.getUrl(), d.getTitle(), d.getDuplicateOf(),
            d.getKind() == null ? null : d.getKind().name(), d.getSimilarity(), d.getPublishedAt(), timestamp);
    }
}
