package dev.ecsdeck.ui.service;

import dev.ecsdeck.model.EcsService;
import dev.ecsdeck.provider.EcsProvider;
import dev.ecsdeck.provider.ReadOnlyEcsProvider;
import dev.ecsdeck.sim.DemoSim;
import dev.ecsdeck.sim.ManualClock;
import dev.ecsdeck.sim.SimEngine;
import dev.ecsdeck.provider.sim.SimProvider;
import dev.ecsdeck.ui.common.CurrentThreadTaskExecutor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The demo simulator on a manual clock behind the read-only guard, a confirmer that records its
 * questions, and a poll that does what the service panel does every 2 s: describe the service,
 * publish it, refresh the parts.
 */
final class SimServiceFixture implements AutoCloseable {
    final DemoSim sim = new DemoSim();
    final ManualClock clock = sim.clock;
    final SimEngine engine = sim.engine;
    final SimProvider backend = sim.provider;
    final SimpleBooleanProperty readOnly = new SimpleBooleanProperty(false);
    final EcsProvider provider;
    final List<String> questions = new ArrayList<>();
    boolean answer = true;
    final ServiceRef ref;
    final SimpleObjectProperty<EcsService> service = new SimpleObjectProperty<>();
    final List<ServicePart> parts = new ArrayList<>();

    SimServiceFixture(String cluster, String service) {
        this(cluster, service, p -> p);
    }

    /** {@code wrap} decorates the (read-only guarded) provider the parts see. */
    SimServiceFixture(String cluster, String service, UnaryOperator<EcsProvider> wrap) {
        this.ref = new ServiceRef(cluster, service);
        this.provider = wrap.apply(new ReadOnlyEcsProvider(backend, readOnly::get));
    }

    ServicePanelContext context() {
        return new ServicePanelContext(provider, new CurrentThreadTaskExecutor(), (title, message) -> {
            questions.add(title + ": " + message);
            return answer;
        }, (title, message, expected) -> false, readOnly, () -> clock.now().toEpochMilli());
    }

    <T extends ServicePart> T add(T part) {
        parts.add(part);
        return part;
    }

    /** Reads the service now (without moving the clock), publishes it and refreshes the parts. */
    EcsService pollNow() {
        EcsService s = backend.describeServices(ref.cluster(), List.of(ref.service())).get(0);
        service.set(s);
        parts.forEach(ServicePart::refresh);
        return s;
    }

    /** Lets {@code step} of backend time pass, then polls. */
    EcsService poll(Duration step) {
        clock.advance(step);
        return pollNow();
    }

    /** The panel's poll: two seconds later. */
    EcsService poll() {
        return poll(Duration.ofSeconds(2));
    }

    @Override
    public void close() {
        backend.close();
    }
}
