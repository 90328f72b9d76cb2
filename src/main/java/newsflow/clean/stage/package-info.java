/**
 * The clean stage in the topology: a thin adapter that decodes raw records with
 * {@link newsflow.ingest.RawPageCodec}, calls the extraction library ({@link newsflow.clean.ArticleCleaner})
 * and keys each clean article by its stable id. Failures are thrown to the processing
 * exception handler, which dead-letters the original bytes with the reason.
 */
package newsflow.clean.stage;
