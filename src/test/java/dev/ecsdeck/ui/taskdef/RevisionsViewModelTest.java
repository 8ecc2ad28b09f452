package dev.ecsdeck.ui.taskdef;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsdeck.provider.EcsProvider;
import dev.ecsdeck.provider.ReadOnlyEcsProvider;
import dev.ecsdeck.provider.ServiceUpdate;
import dev.ecsdeck.sim.DemoSim;
import dev.ecsdeck.sim.ManualClock;
import dev.ecsdeck.provider.sim.SimProvider;
import dev.ecsdeck.taskdef.DiffEntry;
import dev.ecsdeck.ui.common.CurrentThreadTaskExecutor;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleBooleanProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RevisionsViewModelTest {
    private final DemoSim sim = new DemoSim();
    private final ManualClock clock = sim.clock;
    private final SimProvider backend = sim.provider;
    private final SimpleBooleanProperty readOnly = new SimpleBooleanProperty(false);
    private final EcsProvider provider = new ReadOnlyEcsProvider(backend, readOnly::get);
    private final List<String> questions = new ArrayList<>();
    private final List<String> opened = new ArrayList<>();
    private boolean answer = true;
    private final RevisionsViewModel vm = new RevisionsViewModel(provider, new CurrentThreadTaskExecutor(), (title, message) -> {
        questions.add(message);
        return answer;
    }, readOnly);

    RevisionsViewModelTest() {
        vm.onOpen(opened::add);
    }

    @AfterEach
    void close() {
        backend.close();
    }

    private List<String> shown() {
        return vm.revisions().stream().map(r -> r.familyRevision() + " " + r.status()).toList();
    }

    private RevisionRow row(int revision) {
        return vm.revisions().stream().filter(r -> r.revision() == revision).findFirst().orElseThrow();
    }

    @Test
    void listsFamiliesAndFiltersThem() {
        vm.refresh();
        assertTrue(vm.families().containsAll(List.of("web", "orders-api", "checkout", "payments")), vm.families().toString());
        vm.familyFilterProperty().set("ORD");
        assertEquals(List.of("orders-api"), List.copyOf(vm.families()));
    }

    @Test
    void showsRevisionsNewestFirstWithWhoRegisteredThemAndWhichServicesRunThem() {
        vm.select("orders-api");
        assertEquals(List.of("orders-api:2 ACTIVE", "orders-api:1 ACTIVE"), shown());
        assertTrue(row(1).registeredAt() != null && row(1).registeredBy() != null, row(1).toString());
        assertEquals("2 active revisions", vm.statusProperty().get());
        // The demo's staging orders-api is rolling out orders-api:2 (which never gets healthy), so it runs both.
        assertEquals(List.of("prod-web/orders-api", "staging/orders-api (draining)"), row(1).usedBy().stream().sorted().toList());
        assertEquals(List.of("staging/orders-api (rolling out)"), row(2).usedBy());

        backend.updateService(ServiceUpdate.taskDefinition("prod-web", "orders-api", row(2).taskDefinitionArn()));
        vm.refresh();
        assertEquals(List.of("prod-web/orders-api (rolling out)", "staging/orders-api (rolling out)"), row(2).usedBy().stream().sorted().toList());
        assertTrue(row(1).usedBy().contains("prod-web/orders-api (draining)"), row(1).usedBy().toString());
    }

    @Test
    void inactiveRevisionsShowOnlyWhenAsked() {
        backend.deregisterTaskDefinition("checkout:1");
        vm.select("checkout");
        assertEquals(List.of("checkout:2 ACTIVE"), shown());
        vm.showInactiveProperty().set(true);
        assertEquals(List.of("checkout:2 ACTIVE", "checkout:1 INACTIVE"), shown());
        assertTrue(row(1).deregisteredAt() != null);
        assertEquals("2 revisions", vm.statusProperty().get());
    }

    @Test
    void comparesTwoRevisionsOlderOnTheLeftOrOneWithTheOneBeforeIt() {
        vm.select("orders-api");
        vm.compare(List.of(row(2), row(1)));
        assertEquals("orders-api:1", vm.comparison().leftTitleProperty().get());
        assertEquals("orders-api:2", vm.comparison().rightTitleProperty().get());
        DiffEntry image = vm.comparison().rows().stream().filter(d -> d.path().endsWith("image")).findFirst().orElseThrow();
        assertThat(image.left(), containsString("3.4.1"));
        assertThat(image.right(), containsString("3.5.0-beta.2"));
        assertTrue(vm.comparison().rows().stream().noneMatch(d -> d.path().contains("revision") || d.path().contains("registeredAt")),
                "read-only fields are not differences: " + vm.comparison().rows());

        vm.compare(List.of(row(2)));
        assertEquals("orders-api:1", vm.comparison().leftTitleProperty().get());
        vm.compare(List.of(row(1)));
        assertThat(vm.statusProperty().get(), containsString("Choose one revision"));
    }

    @Test
    void deregisterNamesTheServicesStillUsingTheRevisionAndAsksFirst() {
        vm.select("orders-api");
        answer = false;
        vm.deregister(row(1));
        assertThat(questions.get(0), containsString("It is still used by"));
        assertThat(questions.get(0), containsString("prod-web/orders-api"));
        assertEquals("ACTIVE", backend.describeTaskDefinition("orders-api:1").status());

        answer = true;
        vm.deregister(row(2));
        assertEquals("INACTIVE", backend.describeTaskDefinition("orders-api:2").status());
        assertEquals(List.of("orders-api:1 ACTIVE"), shown());

        readOnly.set(true);
        vm.deregister(row(1));
        assertEquals(2, questions.size(), "read-only: not even asked");
    }

    @Test
    void opensARevisionInTheEditor() {
        vm.select("web");
        vm.open(vm.revisions().get(0));
        assertEquals(List.of(vm.revisions().get(0).taskDefinitionArn()), opened);
    }
}
