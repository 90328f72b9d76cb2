package newsflow.ingest;

/**
 * Thrown when a raw record is not a usable page: not UTF-8, not JSON, a required field
 * missing, too large. The message is the reason carried by the dead letter, so it says what is
 * wrong in plain words, for example {@code "missing required field 'url'"}.
 */
public class InvalidPageException extends RuntimeException {

    public InvalidPageException(String reason) {
        super(reason);
    }
}
