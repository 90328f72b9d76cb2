package newsflow.eval;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The one split of every development benchmark into a tuning part and a validation part, by a
 * fixed hash of the item's id: {@code SHA-256(id)[0] mod 3}, 0 is validation (about a third),
 * the rest tuning. Errors are read on the tuning part only; both figures are reported.
 */
public final class DevelopmentSplit {

    public static final String TUNING = "tuning";
    public static final String VALIDATION = "validation";

    private DevelopmentSplit() {
    }

    /** Which part the item {@code id} belongs to: {@link #VALIDATION} or {@link #TUNING}. */
    public static String partOf(String id) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
            return (h[0] & 0xFF) % 3 == 0 ? VALIDATION : TUNING;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
