package dev.ecsdeck.ui.service;

import dev.ecsdeck.model.EcsService;
import dev.ecsdeck.provider.EcsProvider;
import dev.ecsdeck.provider.ReadOnlyEcsProvider;
import dev.ecsdeck.sim.DemoSim;
import dev.ecsdeck.sim.ManualClock;
import dev.ecsdeck.provider.sim.SimProvider;
import dev.ecsdeck.ui.common.CurrentThreadTaskExecutor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * The demo simulation on a manual clock behind the read-only guard, with confirmers that record
 * what they were asked and answer as the test says: what the service panel's view-model tests share.
 */
final class ServiceTestSim implements AutoCloseable {
    final DemoSim sim = new DemoSim();
    final ManualClock clock = sim.clock;
    final SimProvider backend = sim.provider;
    final SimpleBooleanProperty readOnly = new SimpleBooleanProperty(false);
    final EcsProvider provider = new ReadOnlyEcsProvider(backend, readOnly::get);
    final List<String> questions = new ArrayList<>();
    final List<String> typedQuestions = new ArrayList<>();
    boolean answer = true;
    /** What the user types in a typed confirmation. */
    String typed = "";
    final ServicePanelContext context = new ServicePanelContext(provider, new CurrentThreadTaskExecutor(), (title, message) -> {
        questions.add(message);
        return answer;
    }, (title, message, expected) -> {
        typedQuestions.add(message);
        return typed.equals(expected);
    }, readOnly, () -> clock.now().toEpochMilli());

    EcsService service(String cluster, String name) {
        return backend.describeServices(cluster, List.of(name)).get(0);
    }

    /** Moves simulated time on, a step at a time, polling the panel after each step as its timer does. */
    void run(ServicePanelViewModel panel, Duration total, Duration step) {
        for (Duration done = Duration.ZERO; done.compareTo(total) < 0; done = done.plus(step)) {
            clock.advance(step);
            panel.poll();
        }
    }

    @Override
    public void close() {
        backend.close();
    }
}
