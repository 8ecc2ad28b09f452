package dev.ecsdeck.ui.service;

import static dev.ecsdeck.ui.UiTestBench.waitUntil;

import dev.ecsdeck.ui.UiTestBench;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Moves the simulator's clock under an open service panel the way its UI tests need: then waits for the panel to read again. */
final class PanelClock {
    private PanelClock() {
    }

    /**
     * Moves simulated time on, then waits for a read of the service that started after the move. The
     * read is asked for at once, as the panel's two-second timer would ask a moment later: simulated
     * minutes go by in a fraction of the real seconds the timer would take.
     */
    static void advance(UiTestBench bench, ServicePanel panel, Duration by) {
        long before = panel.model().readsProperty().get();
        bench.clock.advance(by);
        waitUntil("a read after moving the clock", () -> {
            if (panel.model().readsProperty().get() < before + 2) {
                panel.model().poll(); // nothing while a read is under way
            }
            return panel.model().readsProperty().get() >= before + 2;
        });
    }

    /** Moves time on in steps until the condition holds on screen (at most {@code steps} steps), then waits for it. */
    static void advanceUntil(UiTestBench bench, ServicePanel panel, String what, Duration step, int steps, BooleanSupplier condition) {
        for (int i = 0; i < steps && !UiTestBench.fx(condition); i++) {
            advance(bench, panel, step);
        }
        waitUntil(what, condition);
    }
}
