/**
 * Record headers newsflow's stages pass along between them (Kafka types; the shared records in
 * {@code newsflow.core} stay free of them).
 */
package newsflow.core.headers;
