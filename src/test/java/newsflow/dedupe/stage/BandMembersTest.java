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
    void aKeyTurnedHotKeepsItsFirstMembersAndSurvivesTheRoundTrip() {
        BandMembers m = BandMembers.EMPTY;
        for (int i = 0; i < 10; i++) {
            m = m.with("a" + i, i);
        }
        BandMembers back = roundTrip(m.turnedHot(1234));
        assertTrue(back.hot());
        assertEquals(1234, back.hotSince());
        assertArrayEquals(new String[] {"a0", "a1", "a2", "a3"}, back.ids());
        assertArrayEquals(new long[] {0, 1, 2, 3}, back.joined());
    }

    @Test
    void aHotKeyTakesNoMoreMembers() {
        BandMembers hot = BandMembers.EMPTY.with("a", 1).turnedHot(2);
        assertThrows(IllegalStateException.class, () -> hot.with("b", 3));
        assertTrue(hot.withoutExpired("a", 5).hot(), "a hot key stays hot when its first members leave");
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
