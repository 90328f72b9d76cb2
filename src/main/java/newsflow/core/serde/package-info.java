/** Serdes for newsflow's internal topics and stores (JSON records); the output topics use Avro ({@code newsflow.output.AvroSerde}). */
package newsflow.core.serde;
