package io.ownerscape.engine;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class ScheduleTest {
    @Test
    void phasesInOrderThenRecordersWithTheStepNumber() {
        List<String> log = new ArrayList<>();
        Object model = new Object();
        Schedule<Object> s = new Schedule<>(model)
                .add(step -> log.add("a" + step))
                .add(step -> log.add("b" + step))
                .watch((step, m) -> {
                    assertSame(model, m);
                    log.add("r" + step);
                })
                .watch((step, m) -> log.add("q" + step));
        assertEquals(0, s.steps());
        s.step();
        s.step();
        s.step();
        assertEquals(3, s.steps());
        assertEquals(List.of("a0", "b0", "r0", "q0", "a1", "b1", "r1", "q1", "a2", "b2", "r2", "q2"), log);
    }
}
