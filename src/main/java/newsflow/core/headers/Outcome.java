package newsflow.core.headers;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.header.Headers;

/**
 * The header {@value #HEADER} on records of the outcome topics: {@value #NEW} on the one record
 * that accounts for a raw input (its article, duplicate or dead letter), {@value #REVISION} on
 * a later change to it (a retraction, a rewrite that learnt of its original).
 */
public final class Outcome {

    public static final String HEADER = "newsflow.outcome";
    public static final String NEW = "new";
    public static final String REVISION = "revision";

    private Outcome() {
    }

    /** Sets the outcome in {@code headers}, replacing any set before. */
    public static Headers set(Headers headers, String outcome) {
        headers.remove(HEADER);
        headers.add(HEADER, outcome.getBytes(StandardCharsets.UTF_8));
        return headers;
    }
}
