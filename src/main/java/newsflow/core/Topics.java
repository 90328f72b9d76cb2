package newsflow.core;

import java.util.List;
import java.util.Objects;
import java.util.Properties;

/**
 * The names of newsflow's topics, declared in one place. Every {@code Consumed} and
 * {@code Produced} of the topology, and every client of the CLI, takes its names from here.
 *
 * <p>Defaults: {@code news.raw}, {@code news.articles}, {@code news.duplicates},
 * {@code news.entity-trends}, {@code news.deadletter}; each can be overridden with a property
 * {@code topic.raw}, {@code topic.articles}, ... (see {@link #fromProperties}).
 *
 * @param raw          what scrapers produce: UTF-8 JSON, one page per record
 * @param articles     one Avro {@code Article} per unique article, keyed by article id
 * @param duplicates   one Avro {@code Duplicate} per dropped duplicate, keyed by its id
 * @param entityTrends per entity and hour, the number of unique articles mentioning it
 * @param deadLetters  inputs that could not be processed: original bytes, reason in headers
 */
public record Topics(String raw, String articles, String duplicates, String entityTrends,
                     String deadLetters) {

    /** Largest record newsflow produces or consumes (raw pages and their dead letters). */
    public static final int MAX_RECORD_BYTES = 16 * 1024 * 1024;

    public static final Topics DEFAULT = new Topics("news.raw", "news.articles",
        "news.duplicates", "news.entity-trends", "news.deadletter");

    public Topics {
        Objects.requireNonNull(raw, "raw");
        Objects.requireNonNull(articles, "articles");
        Objects.requireNonNull(duplicates, "duplicates");
        Objects.requireNonNull(entityTrends, "entityTrends");
        Objects.requireNonNull(deadLetters, "deadLetters");
    }

    /** These topics under {@code <prefix>.}: a run of its own on a shared cluster. */
    public Topics prefixed(String prefix) {
        return new Topics(prefix + "." + raw, prefix + "." + articles, prefix + "." + duplicates,
            prefix + "." + entityTrends, prefix + "." + deadLetters);
    }

    /** Topic names from {@code topic.*} properties, defaulting to {@link #DEFAULT}. */
    public static Topics fromProperties(Properties p) {
        return new Topics(
            p.getProperty("topic.raw", DEFAULT.raw),
            p.getProperty("topic.articles", DEFAULT.articles),
            p.getProperty("topic.duplicates", DEFAULT.duplicates),
            p.getProperty("topic.entity-trends", DEFAULT.entityTrends),
            p.getProperty("topic.deadletter", DEFAULT.deadLetters));
    }

    /** Every topic that the pipeline writes to and that accounts for an input. */
    public List<String> outcomes() {
        return List.of(articles, duplicates, deadLetters);
    }

    /** All five topics. */
    public List<String> all() {
        return List.of(raw, articles, duplicates, entityTrends, deadLetters);
    }
}
