package newsflow.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Author strings cleaned of "By", dates, roles and addresses. */
class BylinesTest {

    @Test
    void dropsByAndTrailingDate() {
        assertEquals("Jane Doe, John Smith", Bylines.clean("By Jane Doe and John Smith, June 3, 2024"));
    }

    @Test
    void dropsWeekdayTail() {
        assertEquals("Jeff Foust", Bylines.clean("Jeff Foust Monday, November 18, 2019"));
    }

    @Test
    void dropsRoleAfterName() {
        assertEquals("TOM KRISHER", Bylines.clean("TOM KRISHER, AP Auto Writer"));
    }

    @Test
    void joinsDistinctAuthorsAndSkipsUrls() {
        assertEquals("Ana Swanson, Alan Rappeport", Bylines.join(List.of("Ana Swanson",
                "https://example.com/by/ana", "Alan Rappeport", "Ana Swanson")));
    }

    @Test
    void returnsNullWhenNothingNameLikeRemains() {
        assertNull(Bylines.clean("By  , 2024-01-01"));
    }
}
