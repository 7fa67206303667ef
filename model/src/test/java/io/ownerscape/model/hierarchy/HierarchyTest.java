package io.ownerscape.model.hierarchy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The looked-up managers equal their definitions for every head count of the tables, and beyond. */
class HierarchyTest {

    @ParameterizedTest(name = "span {0}, owner span {1}")
    @CsvSource({"2,0", "2,3", "3,0", "5,0", "5,10", "8,4", "12,20"})
    void tablesEqualTheDefinitions(int span, int ownerSpan) {
        Hierarchy h = new Hierarchy(span, ownerSpan);
        for (int w = 0; w < Hierarchy.TABLE_SIZE; w++) {
            assertEquals(h.sumOfLayers(w), h.managersFor(w), "managersFor(" + w + ")");
        }
        for (int members = 1; members < Hierarchy.TABLE_SIZE; members++) {
            assertEquals(h.searchManagersNeeded(members), h.managersNeeded(members), "managersNeeded(" + members + ")");
        }
        for (int members : new int[]{Hierarchy.TABLE_SIZE, Hierarchy.TABLE_SIZE + 1, 1_000_003}) {
            assertEquals(h.searchManagersNeeded(members), h.managersNeeded(members), "managersNeeded(" + members + ")");
            assertEquals(h.sumOfLayers(members), h.managersFor(members), "managersFor(" + members + ")");
        }
    }

    /**
     * By hand, span 5 and owner span 10: ten producing employees need nobody; the eleventh needs one
     * first-line manager (who takes a producer off the floor, leaving ten, which the owner and the
     * manager cover); 50 employees need ceil((50 - 10) / 4) = 10 first-line managers, whom the
     * owner directs; 51 need ceil(51 / 5) = 11, one more than the owner directs, so one manager
     * above them: 12.
     */
    @ParameterizedTest(name = "{0} members need {1}")
    @CsvSource({"11,0", "12,1", "2,0"})
    void handWorkedManagersNeeded(int members, int expected) {
        assertEquals(expected, new Hierarchy(5, 10).managersNeeded(members));
    }

    @ParameterizedTest(name = "{0} producing employees: {1} managers")
    @CsvSource({"10,0", "11,1", "50,10", "51,12", "56,13"})
    void handWorkedManagersFor(long w, long expected) {
        assertEquals(expected, new Hierarchy(5, 10).managersFor(w));
    }
}
