package newsflow.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import newsflow.core.EntityType;
import org.junit.jupiter.api.Test;

class EntityIdsTest {

    @Test
    void idFoldsAccentsCaseAndPunctuation() {
        assertEquals("nf:org:korean-people-s-army", EntityIds.of(EntityType.ORGANIZATION, "Korean People’s Army"));
        assertEquals("nf:per:recep-tayyip-erdogan", EntityIds.of(EntityType.PERSON, "Recep Tayyip Erdoğan"));
    }

    @Test
    void nameWithoutLettersFails() {
        assertThrows(IllegalArgumentException.class, () -> EntityIds.of(EntityType.MISC, "—"));
    }
}
