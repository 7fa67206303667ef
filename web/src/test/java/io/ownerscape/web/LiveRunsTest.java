package io.ownerscape.web;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The live runs' room: a closed run's build stops, and it holds its memory until it has. */
class LiveRunsTest {
    private static RunRequest request(int persons) {
        return RunRequest.parse(Json.MAPPER.createObjectNode().put("persons", persons).put("months", 10));
    }

    @Test
    void aRunClosedWhileBuildingStopsAndHoldsItsRoomUntilThen() throws Exception {
        int persons = 1_000_000;
        // Room for one such run and a little more.
        try (LiveRuns runs = new LiveRuns(2, 8, (long) (persons * 1.5) * LiveRuns.BYTES_PER_PERSON)) {
            LiveRun first = runs.create(request(persons));
            runs.remove(first.id);
            boolean refused = false;
            try {
                runs.create(request(persons)).close();
            } catch (ApiException e) {
                refused = true;
                assertEquals(409, e.status());
                assertTrue(e.getMessage().contains("runs still stopping 1,000,000 more"), e.getMessage());
            }
            assertTrue(refused || !first.alive(), "while the closed run's thread lives, its room is not given away");
            long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (first.alive() && System.nanoTime() < end) {
                Thread.sleep(20);
            }
            assertFalse(first.alive(), "the cancelled build ended");
            LiveRun second = runs.create(request(persons));
            assertTrue(second.alive(), "the room is free once the first run has stopped");
        }
    }
}
