/**
 * The dedupe stage in the topology: the probe, band-index and verdict processors, their
 * messages and changelogged stores (see {@link newsflow.dedupe.stage.DedupeStage} and section 5
 * of the {@code newsflow.dedupe} documentation). Fingerprints, verification and the verdict
 * policy come from the {@code newsflow.dedupe} library, which has no Kafka types.
 */
package newsflow.dedupe.stage;
