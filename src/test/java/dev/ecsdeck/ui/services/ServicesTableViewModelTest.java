package dev.ecsdeck.ui.services;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsdeck.model.Deployment;
import dev.ecsdeck.model.EcsService;
import dev.ecsdeck.sim.DemoSim;
import dev.ecsdeck.sim.ManualClock;
import dev.ecsdeck.sim.SimEngine;
import dev.ecsdeck.provider.sim.SimProvider;
import dev.ecsdeck.ui.common.CurrentThreadTaskExecutor;
import dev.ecsdeck.ui.tree.TreeEntry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.transformation.SortedList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ServicesTableViewModelTest {
    private final DemoSim sim = new DemoSim();
    private final ManualClock clock = sim.clock;
    private final SimEngine engine = sim.engine;
    private final SimProvider provider = sim.provider;
    private final List<String> questions = new ArrayList<>();
    private final List<String> typedQuestions = new ArrayList<>();
    private final List<String> typedWords = new ArrayList<>();
    private final SimpleBooleanProperty readOnly = new SimpleBooleanProperty();
    private boolean answer = true;
    private int changes;
    private final ServicesTableViewModel model = new ServicesTableViewModel(provider, new CurrentThreadTaskExecutor(),
            (title, message) -> {
                questions.add(message);
                return answer;
            },
            (title, message, expected) -> {
                typedQuestions.add(message);
                typedWords.add(expected);
                return answer;
            }, readOnly);

    {
        model.onChanged(() -> changes++);
    }

    @AfterEach
    void close() {
        provider.close();
    }

    private List<String> shownNames() {
        return model.shownRows().stream().map(ServiceRow::name).toList();
    }

    private List<ServiceRow> rowsNamed(String... names) {
        return List.of(names).stream().map(n -> model.rows().stream().filter(r -> r.name().equals(n)).findFirst().orElseThrow()).toList();
    }

    private EcsService service(String cluster, String name) {
        return provider.describeServices(cluster, List.of(name)).get(0);
    }

    @Test
    void listsTheClustersServicesWithEachColumn() {
        model.show("prod-web");
        assertEquals(List.of("catalog", "checkout", "orders-api", "payments", "search", "web"), shownNames());
        assertEquals("6 services", model.statusProperty().get());
        ServiceRow payments = rowsNamed("payments").get(0);
        assertEquals(List.of("rolled back"), payments.badges());
        assertEquals("payments:1", payments.revision());
        assertEquals("FARGATE", payments.launch());
        assertEquals("COMPLETED", payments.deploymentState());
        assertThat(payments.lastEvent(), containsString("  has reached a steady state."));
        ServiceRow checkout = rowsNamed("checkout").get(0);
        assertEquals(List.of("deploying"), checkout.badges());
        assertEquals("IN_PROGRESS (+1 older)", checkout.deploymentState(), "the PRIMARY deployment's rollout state");
        assertEquals(6, checkout.running(), "its canary waits at a hook: both revisions run at full size");
        assertEquals(3, checkout.desired());
        assertEquals(0, checkout.pending());

        model.show("staging");
        assertEquals(List.of("notifications", "orders-api", "web"), shownNames(), "another cluster replaces the rows");
        assertEquals(List.of("deploying", "tasks failing"), rowsNamed("notifications").get(0).badges(), "as on its tree row");
    }

    @Test
    void theFilterMatchesNameRevisionOrBadge() {
        model.show("prod-web");
        model.filterTextProperty().set("PAY");
        assertEquals(List.of("payments"), shownNames());
        assertEquals("1 of 6 services match", model.statusProperty().get());
        model.filterTextProperty().set("rolled back");
        assertEquals(List.of("payments"), shownNames(), "a badge matches");
        model.filterTextProperty().set("checkout:2");
        assertEquals(List.of("checkout"), shownNames(), "a revision matches");
        model.filterTextProperty().set("deploying");
        assertEquals(List.of("catalog", "checkout", "search"), shownNames(), "blue/green baking, canary held, linear stepping");
        model.filterTextProperty().set("nothing like it");
        assertEquals(List.of(), shownNames());
        model.filterTextProperty().set("");
        assertEquals(6, shownNames().size());
        assertEquals("6 services", model.statusProperty().get());
    }

    @Test
    void rowsSortByTheirColumnValues() {
        model.show("staging");
        SortedList<ServiceRow> byRunning = new SortedList<>(model.shownRows(), Comparator.comparingInt(ServiceRow::running));
        assertEquals(List.of("notifications", "web", "orders-api"), byRunning.stream().map(ServiceRow::name).toList());
        assertEquals(List.of(0, 1, 2), byRunning.stream().map(ServiceRow::running).toList());
        List<String> revisions = new ArrayList<>(List.of("web:10", "orders-api:2", "web:9", "checkout:1"));
        revisions.sort(ServiceRow.REVISION_ORDER);
        assertEquals(List.of("checkout:1", "orders-api:2", "web:9", "web:10"), revisions, "revision numbers sort as numbers");
    }

    @Test
    void forceNewDeploymentAsksNamingEveryServiceAndStartsOneForEach() {
        model.show("prod-web");
        String webBefore = primary(service("prod-web", "web")).id();
        String ordersBefore = primary(service("prod-web", "orders-api")).id();
        String paymentsBefore = primary(service("prod-web", "payments")).id();

        answer = false;
        model.forceNewDeployment(rowsNamed("web", "orders-api"));
        assertEquals(1, questions.size());
        assertThat(questions.get(0), containsString("2 services in prod-web: web, orders-api?"));
        assertEquals(webBefore, primary(service("prod-web", "web")).id(), "cancel changes nothing");
        assertEquals("No deployment started.", model.messageProperty().get());

        answer = true;
        model.forceNewDeployment(rowsNamed("web", "orders-api"));
        assertNotEquals(webBefore, primary(service("prod-web", "web")).id());
        assertNotEquals(ordersBefore, primary(service("prod-web", "orders-api")).id());
        assertEquals(paymentsBefore, primary(service("prod-web", "payments")).id(), "a service not selected is left alone");
        assertEquals("New deployment started for web, orders-api.", model.messageProperty().get());
        assertEquals(1, changes, "the window refreshes after the change");
    }

    @Test
    void scalingAsksNamingEachChangeAndTypedForDrasticOnes() {
        model.show("prod-web");
        model.scale(rowsNamed("web", "payments"), 5);
        assertThat(questions.get(0), containsString("Scale 2 services in prod-web to 5 tasks: web (4 → 5), payments (3 → 5)?"));
        assertEquals(5, service("prod-web", "web").desiredCount());
        assertEquals(5, service("prod-web", "payments").desiredCount());
        assertTrue(typedQuestions.isEmpty());

        model.show("prod-web");
        answer = false;
        model.scale(rowsNamed("web", "payments"), 0);
        assertEquals(List.of("prod-web"), typedWords, "several services: the cluster's name is typed");
        assertThat(typedQuestions.get(0), containsString("This stops every task of web, payments"));
        assertEquals(5, service("prod-web", "web").desiredCount(), "not confirmed: unchanged");
        assertEquals("Not scaled.", model.messageProperty().get());

        model.scale(rowsNamed("checkout"), 1);
        assertEquals("checkout", typedWords.get(1), "one service: its name is typed (3 → 1 stops more than half)");
        answer = true;
        model.scale(rowsNamed("checkout"), 1);
        assertEquals(1, service("prod-web", "checkout").desiredCount());
    }

    @Test
    void daemonServicesAreNotScaled() {
        model.show("prod-batch");
        model.scale(rowsNamed("log-router", "cron-scheduler"), 2);
        assertThat(model.messageProperty().get(), containsString("log-router is a daemon service"));
        assertTrue(questions.isEmpty());
        assertEquals(1, service("prod-batch", "cron-scheduler").desiredCount());
    }

    @Test
    void readOnlyMakesNoCallAndAsksNothing() {
        model.show("prod-web");
        readOnly.set(true);
        String before = primary(service("prod-web", "web")).id();
        model.forceNewDeployment(rowsNamed("web"));
        model.scale(rowsNamed("web"), 0);
        assertTrue(questions.isEmpty() && typedQuestions.isEmpty());
        assertEquals(before, primary(service("prod-web", "web")).id());
        assertEquals(4, service("prod-web", "web").desiredCount());
    }

    @Test
    void tailOpensOneTailPerSelectedService() {
        List<TreeEntry> opened = new ArrayList<>();
        model.onTailRequested(opened::add);
        model.show("staging");
        model.tail(rowsNamed("web", "notifications"));
        assertEquals(List.of("web", "notifications"), opened.stream().map(TreeEntry::name).toList());
        assertTrue(opened.stream().allMatch(e -> e instanceof TreeEntry.ServiceEntry s && s.cluster().equals("staging")));
    }

    private static Deployment primary(EcsService s) {
        return s.deployments().stream().filter(Deployment::isPrimary).findFirst().orElseThrow();
    }
}
