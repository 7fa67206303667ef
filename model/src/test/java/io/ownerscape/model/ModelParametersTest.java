package io.ownerscape.model;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelParametersTest {
    private static final ModelParameters OK = ModelParameters.defaults(1000);

    private static ModelParameters with(int persons, double activation, int substeps, double aMin, double aMax,
                                        int friendsMin, int friendsMax) {
        return new ModelParameters(persons, activation, substeps, false, aMin, aMax, 0.75, 1.25, 1.5, 2.0,
                friendsMin, friendsMax);
    }

    /** Exactly one violation, naming the parameter and its value. */
    private static String single(ModelParameters p, String... fragments) {
        List<String> v = p.violations();
        assertEquals(1, v.size(), () -> "violations: " + v);
        for (String f : fragments) {
            assertTrue(v.get(0).contains(f), () -> "'" + v.get(0) + "' lacks '" + f + "'");
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, p::validated);
        assertTrue(e.getMessage().contains(v.get(0)), e.getMessage());
        return v.get(0);
    }

    @Test
    void defaultsAreValidAndAxtells() {
        assertTrue(OK.violations().isEmpty(), OK.violations().toString());
        assertSame(OK, OK.validated());
        assertEquals(0.04, OK.activationRate());
        assertEquals(4, OK.substeps());
        assertEquals(false, OK.sequential());
        assertEquals(2, OK.friendsMin());
        assertEquals(6, OK.friendsMax());
        assertTrue(ModelParameters.defaults(ModelParameters.MIN_PERSONS).violations().isEmpty());
    }

    @Test
    void personRecordsMustFitOneArray() {
        // 300 million persons with 6 friends need 2.4 billion ints of person records
        single(with(300_000_000, 0.04, 4, 0, 0.5, 2, 6), "persons = 300000000", "friends_max = 6",
                "one Java array", "268435453");
        assertTrue(with(250_000_000, 0.04, 4, 0, 0.5, 2, 6).violations().isEmpty());
    }

    @Test
    void tooFewPersons() {
        List<String> v = with(5, 0.04, 4, 0, 0.5, 2, 6).violations();
        // the persons message must be there (whether "persons > 2 friends_max" is also reported
        // for a population that is too small anyway is the implementation's choice)
        assertTrue(v.stream().anyMatch(s -> s.startsWith("persons = 5") && s.contains("20")), v.toString());
        single(with(5, 0.04, 4, 0, 0.5, 2, 2), "persons = 5", "20");
        // the same bound alone, with a population the network accepts
        single(with(19, 0.04, 4, 0, 0.5, 2, 2), "persons = 19");
        single(with(ModelParameters.MAX_PERSONS + 1, 0.04, 4, 0, 0.5, 2, 6), "persons = " + (ModelParameters.MAX_PERSONS + 1));
    }

    @Test
    void activationRate() {
        single(with(1000, 0, 4, 0, 0.5, 2, 6), "activation_rate", "0.0");
        single(with(1000, 1.5, 4, 0, 0.5, 2, 6), "activation_rate", "1.5");
        single(with(1000, Double.NaN, 4, 0, 0.5, 2, 6), "activation_rate", "NaN");
        assertTrue(with(1000, 1, 4, 0, 0.5, 2, 6).violations().isEmpty());
    }

    @Test
    void substeps() {
        single(with(1000, 0.04, 0, 0, 0.5, 2, 6), "substeps = 0");
        single(with(1000, 0.04, 1001, 0, 0.5, 2, 6), "substeps = 1001");
        assertTrue(OK.withSubsteps(1000).violations().isEmpty());
    }

    @Test
    void aMinAboveAMax() {
        single(with(1000, 0.04, 4, 0.6, 0.5, 2, 6), "a_min = 0.6", "a_max = 0.5");
        single(with(1000, 0.04, 4, -0.1, 0.5, 2, 6), "a_min = -0.1");
    }

    @Test
    void friendsMinAboveFriendsMax() {
        single(with(1000, 0.04, 4, 0, 0.5, 5, 3), "friends_min = 5", "friends_max = 3");
        single(with(1000, 0.04, 4, 0, 0.5, 0, 3), "friends_min = 0");
        single(with(1000, 0.04, 4, 0, 0.5, 2, 31), "friends_max = 31");
    }

    @Test
    void otherBounds() {
        single(new ModelParameters(1000, 0.04, 4, false, 0, 0.5, 0.75, 1.25, 0.9, 2.0, 2, 6), "beta_min = 0.9");
        single(new ModelParameters(1000, 0.04, 4, false, 0, 0.5, 1.5, 1.25, 1.5, 2.0, 2, 6), "b_min = 1.5", "b_max = 1.25");
        single(new ModelParameters(1000, 0.04, 4, false, 0, 0.5, 0, 1.25, 1.5, 2.0, 2, 6), "a_min = 0.0", "b_min = 0.0");
    }

    @Test
    void friendsMaxMustBeBelowHalfThePopulation() {
        single(with(20, 0.04, 4, 0, 0.5, 2, 10), "friends_max = 10", "persons = 20");
        assertTrue(with(20, 0.04, 4, 0, 0.5, 2, 9).violations().isEmpty());
    }

    @Test
    void oddRegularNetworkOnAnOddPopulation() {
        // every person with the same odd number of friends needs an even population
        single(with(21, 0.04, 4, 0, 0.5, 3, 3), "friends_min = friends_max = 3", "persons = 21");
        assertTrue(with(22, 0.04, 4, 0, 0.5, 3, 3).violations().isEmpty());
        assertTrue(with(21, 0.04, 4, 0, 0.5, 4, 4).violations().isEmpty());
        assertTrue(with(21, 0.04, 4, 0, 0.5, 3, 4).violations().isEmpty());
    }

    @Test
    void everyViolationIsListed() {
        ModelParameters bad = new ModelParameters(5, 0, 0, false, 0.6, 0.5, 0.75, 1.25, 1.5, 2.0, 5, 3);
        List<String> v = bad.violations();
        for (String name : new String[] {"persons = 5", "activation_rate = 0.0", "substeps = 0", "a_min = 0.6",
            "friends_min = 5"}) {
            assertTrue(v.stream().anyMatch(s -> s.contains(name)), name + " missing from " + v);
        }
        String message = assertThrows(IllegalArgumentException.class, bad::validated).getMessage();
        assertEquals(String.join("; ", v), message);
    }

    @Test
    void withersChangeOneField() {
        ModelParameters p = OK.withPersons(77).withSubsteps(9).withSequential(true);
        assertEquals(new ModelParameters(77, 0.04, 9, true, 0.0, 0.5, 0.75, 1.25, 1.5, 2.0, 2, 6), p);
    }
}
