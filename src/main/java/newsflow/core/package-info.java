/**
 * What the stages share, below all of them: the records passed from stage to stage
 * ({@link newsflow.core.CleanArticle} from clean, {@link newsflow.core.DedupeVerdict} from
 * dedupe, {@link newsflow.core.TaggedArticle} with its {@link newsflow.core.TaggedEntity}s from
 * entities), the topic names ({@link newsflow.core.Topics}) and event time
 * ({@link newsflow.core.EventTime}). No Kafka types and no stage logic; the JSON serde of the
 * internal topics lives in {@code newsflow.core.serde}.
 *
 * <p>Layering (checked by {@code ArchitectureTest}): {@code core} and {@code ingest} at the
 * bottom; the libraries {@code clean}, {@code dedupe}, {@code entities} on them, each with a
 * thin Kafka Streams adapter in its {@code .stage} sub-package; {@code output} and {@code ops}
 * above; {@code pipeline} (processing topology) and {@code serving} (views and query API, a
 * topology of their own) above those; {@code cli} on top. The evaluation tools live in
 * {@code src/eval}, outside the runnable jar.
 */
package newsflow.core;
