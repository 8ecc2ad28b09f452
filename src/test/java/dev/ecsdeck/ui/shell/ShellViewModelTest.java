package dev.ecsdeck.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsdeck.provider.BackendDescription;
import dev.ecsdeck.provider.NotFoundException;
import dev.ecsdeck.provider.Operation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShellViewModelTest {

    @Test
    void countsCallsInFlightAndKeepsTheLastError() {
        ShellViewModel vm = new ShellViewModel(BackendDescription.simulator("demo"), Runnable::run, false);
        vm.started(Operation.LIST_CLUSTERS);
        vm.started(Operation.LIST_SERVICES);
        assertEquals(2, vm.callsInFlightProperty().get());
        vm.finished(Operation.LIST_SERVICES, new NotFoundException(Operation.LIST_SERVICES, "ClusterNotFoundException", "Cluster not found."));
        vm.finished(Operation.LIST_CLUSTERS, null);
        assertEquals(0, vm.callsInFlightProperty().get());
        assertEquals("ListServices failed: ClusterNotFoundException: Cluster not found.", vm.lastErrorProperty().get());
        vm.clearError();
        assertEquals("", vm.lastErrorProperty().get());
    }

    @Test
    void aBurstOfCallsIsOneUpdateOnTheUiThread() {
        List<Runnable> queued = new ArrayList<>();
        ShellViewModel vm = new ShellViewModel(BackendDescription.simulator("demo"), queued::add, false);
        for (int i = 0; i < 50; i++) {
            vm.started(Operation.DESCRIBE_SERVICES);
        }
        assertEquals(1, queued.size());
        queued.get(0).run();
        assertEquals(50, vm.callsInFlightProperty().get());
    }

    @Test
    void readOnlyIsVisibleToOtherThreadsAtOnce() {
        ShellViewModel vm = new ShellViewModel(BackendDescription.aws("prod", "eu-west-1", null), Runnable::run, true);
        assertTrue(vm.isReadOnlyNow());
        vm.readOnlyProperty().set(false);
        assertFalse(vm.isReadOnlyNow());
        assertEquals("prod · eu-west-1", vm.backendLabel());
    }

    @Test
    void theActivitySummaryCountsInTheSingularAndPlural() {
        assertEquals("idle", ShellViewModel.activity(0, 0, 0));
        assertEquals("1 call in flight", ShellViewModel.activity(1, 0, 0));
        assertEquals("2 calls in flight · 1 retry · 1 error", ShellViewModel.activity(2, 1, 1));
        assertEquals("idle · 3 retries · 2 errors", ShellViewModel.activity(0, 3, 2));
    }

    @Test
    void eachFailureCountsOnceUntilDismissed() {
        ShellViewModel vm = new ShellViewModel(BackendDescription.simulator("demo"), Runnable::run, false);
        NotFoundException notFound = new NotFoundException(Operation.LIST_SERVICES, "ClusterNotFoundException", "Cluster not found.");
        vm.started(Operation.LIST_SERVICES);
        vm.finished(Operation.LIST_SERVICES, notFound);
        assertEquals(1, vm.errorsProperty().get());
        vm.report(notFound); // the same failed call, unhandled by the view that made it
        assertEquals(1, vm.errorsProperty().get());
        vm.report(new IllegalStateException("bug"));
        assertEquals(2, vm.errorsProperty().get());
        assertEquals("Failed: bug", vm.lastErrorProperty().get());
        vm.report(new java.util.concurrent.CompletionException(notFound)); // the failed call again, wrapped by a future
        assertEquals(2, vm.errorsProperty().get());
        assertEquals("ListServices failed: ClusterNotFoundException: Cluster not found.", vm.lastErrorProperty().get());
        vm.clearError();
        assertEquals(0, vm.errorsProperty().get());
    }

    @Test
    void aPassingMessageGoesAtTheUsersNextActionOrWhenItExpires() {
        ShellViewModel vm = new ShellViewModel(BackendDescription.simulator("demo"), Runnable::run, false);
        assertEquals("", vm.statusProperty().get(), "nothing said at the start");
        vm.setStatus("Task abc is not in the tree.");
        vm.userActed();
        assertEquals("", vm.statusProperty().get());

        vm.setStatus("first");
        vm.setStatus("second");
        vm.expireStatus("first"); // the first message's time is up; the second keeps its own
        assertEquals("second", vm.statusProperty().get());
        vm.expireStatus("second");
        assertEquals("", vm.statusProperty().get());
    }
}
