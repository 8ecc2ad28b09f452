package dev.ecsdeck.provider;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ReadOnlyEcsProviderTest {

    @Test
    void theInterfaceMarksEveryChangeAsMutating() {
        Set<String> mutating = ProviderMethods.calls().stream().filter(ProviderMethods::mutating).map(Method::getName)
                .collect(Collectors.toSet());
        assertEquals(Set.of("registerTaskDefinition", "deregisterTaskDefinition", "updateService", "stopTask", "runTask",
                "registerScalableTarget", "putTargetTrackingPolicy", "deleteScalingPolicy", "updateContainerInstancesState",
                "deregisterContainerInstance", "stopServiceDeployment", "continueServiceDeployment",
                "executeCommand"), mutating);
    }

    @Test
    void refusesEveryMutatingMethodBeforeTheBackendSeesIt() throws Exception {
        List<String> backendCalls = new ArrayList<>();
        EcsProvider readOnly = new ReadOnlyEcsProvider(ProviderMethods.recording(backendCalls));
        int refused = 0;
        for (Method m : ProviderMethods.calls()) {
            if (!ProviderMethods.mutating(m)) {
                continue;
            }
            try {
                m.invoke(readOnly, ProviderMethods.dummyArguments(m));
                fail(m.getName() + " was not refused");
            } catch (InvocationTargetException e) {
                ReadOnlyException refusal = assertInstanceOf(ReadOnlyException.class, e.getCause(), m.getName());
                assertTrue(refusal.operation().mutating());
                assertThat(refusal.getMessage(), containsString("read-only mode"));
                refused++;
            }
        }
        assertEquals(13, refused);
        assertThat(backendCalls, empty());
    }

    @Test
    void passesEveryReadThrough() throws Exception {
        List<String> backendCalls = new ArrayList<>();
        EcsProvider readOnly = new ReadOnlyEcsProvider(ProviderMethods.recording(backendCalls));
        List<String> reads = new ArrayList<>();
        for (Method m : ProviderMethods.calls()) {
            if (!ProviderMethods.mutating(m)) {
                m.invoke(readOnly, ProviderMethods.dummyArguments(m));
                reads.add(m.getName());
            }
        }
        assertEquals(reads, backendCalls);
    }

    @Test
    void switchesWithTheModeAtEveryCall() {
        List<String> backendCalls = new ArrayList<>();
        AtomicBoolean on = new AtomicBoolean(true);
        EcsProvider provider = new ReadOnlyEcsProvider(ProviderMethods.recording(backendCalls), on::get);
        try {
            provider.stopTask("c", "t", "why");
            fail("refused while on");
        } catch (ReadOnlyException expected) {
            assertEquals(Operation.STOP_TASK, expected.operation());
        }
        on.set(false);
        provider.stopTask("c", "t", "why");
        assertEquals(List.of("stopTask"), backendCalls);
    }

    @Test
    void everyForwardedMethodNamesTheOperationOfItsKind() throws Exception {
        List<Operation> seen = new ArrayList<>();
        EcsProvider forwarding = new ForwardingEcsProvider(ProviderMethods.recording(new ArrayList<>())) {
            @Override
            protected <T> T call(Operation operation, Supplier<T> body) {
                seen.add(operation);
                return body.get();
            }
        };
        for (Method m : ProviderMethods.calls()) {
            seen.clear();
            m.invoke(forwarding, ProviderMethods.dummyArguments(m));
            assertEquals(1, seen.size(), m.getName() + " must go through call() exactly once");
            assertEquals(ProviderMethods.mutating(m), seen.get(0).mutating(), m.getName() + " → " + seen.get(0));
        }
    }
}
