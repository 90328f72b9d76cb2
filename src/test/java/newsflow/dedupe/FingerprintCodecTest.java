package newsflow.dedupe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class FingerprintCodecTest {

    private static final String TEXT = "Kim Jong Un has hailed North Korea’s expanding relationship with Russia, "
            + "as reports suggest that President Vladimir Putin will soon visit the country.\n\nMilitary, economic "
            + "and other co-operation between North Korea and Russia have sharply increased since Mr Kim visited "
            + "Russia last September for a meeting with Mr Putin. Their first summit took place in Vladivostok in "
            + "April 2019. 東京で会議が開かれた。";

    private final Fingerprint fingerprint = new Fingerprinter(DedupeTuning.defaults()).fingerprint("id-1", TEXT, 123L);

    @Test
    void bytesRoundTripToAnEqualFingerprint() {
        assertEquals(fingerprint, FingerprintCodec.decode(FingerprintCodec.encode(fingerprint)));
    }

    @Test
    void jsonRoundTripToAnEqualFingerprint() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        String json = mapper.writeValueAsString(fingerprint);
        assertEquals(fingerprint, mapper.readValue(json, Fingerprint.class));
    }

    @Test
    void encodingIsAboutTwoBytesPerTokenPlusSignatureAndKeys() {
        int bytes = FingerprintCodec.encode(fingerprint).length;
        int expected = 2 * fingerprint.tokens().length + 4 * fingerprint.signature().length + 8 * fingerprint.keys().length;
        assertTrue(bytes >= expected && bytes < expected + 100, () -> bytes + " bytes, expected about " + expected);
    }

    @Test
    void truncatedBytesAreRejectedWithTheirLength() {
        byte[] bytes = FingerprintCodec.encode(fingerprint);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FingerprintCodec.decode(Arrays.copyOf(bytes, bytes.length / 2)));
        assertTrue(e.getMessage().contains(String.valueOf(bytes.length / 2)));
    }
}
