package newsflow.dedupe.stage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

class BandMembersTest {

    private final Serde<BandMembers> serde = BandMembers.serde();

    private BandMembers roundTrip(BandMembers m) {
        return serde.deserializer().deserialize("t", serde.serializer().serialize("t", m));
    }

    @Test
    void membersSurviveTheRoundTripInJoiningOrder() {
        BandMembers m = BandMembers.EMPTY.with("b", 20).with("a", 10).with("é-ü", 30);
        BandMembers back = roundTrip(m);
        assertArrayEquals(new String[] {"b", "a", "é-ü"}, back.ids());
        assertArrayEquals(new long[] {20, 10, 30}, back.joined());
    }

    @Test
    void aHotKeySurvivesTheRoundTripWithItsTime() {
        BandMembers back = roundTrip(BandMembers.hot(1234));
        assertTrue(back.hot());
        assertEquals(1234, back.hotSince());
        assertEquals(0, back.size());
    }

    @Test
    void rejoiningKeepsOneEntryWithTheLaterTime() {
        BandMembers m = BandMembers.EMPTY.with("a", 10).with("a", 50);
        assertEquals(1, m.size());
        assertEquals(50, m.joined()[0]);
    }

    @Test
    void onlyAMemberThatJoinedBeforeTheCutoffLeaves() {
        BandMembers m = BandMembers.EMPTY.with("a", 10).with("b", 20);
        assertArrayEquals(new String[] {"b"}, m.withoutExpired("a", 15).ids());
        assertSame(m, m.withoutExpired("b", 15), "b joined after the cutoff");
        assertSame(m, m.withoutExpired("c", 100), "c is not a member");
    }

    @Test
    void truncatedBytesAreASerializationError() {
        byte[] bytes = serde.serializer().serialize("t", BandMembers.EMPTY.with("article", 1));
        byte[] cut = java.util.Arrays.copyOf(bytes, bytes.length - 3);
        assertThrows(SerializationException.class, () -> serde.deserializer().deserialize("t", cut));
    }
}
