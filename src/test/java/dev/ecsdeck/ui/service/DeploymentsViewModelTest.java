package dev.ecsdeck.ui.service;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsdeck.model.DeploymentAlarms;
import dev.ecsdeck.model.DeploymentConfiguration;
import dev.ecsdeck.model.EcsService;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DeploymentsViewModelTest {
    private final ServiceTestSim sim = new ServiceTestSim();

    @AfterEach
    void close() {
        sim.close();
    }

    private ServicePanelViewModel panel(String cluster, String service) {
        return new ServicePanelViewModel(sim.context, new ServiceRef(cluster, service));
    }

    private DeploymentsViewModel deployments(ServicePanelViewModel panel) {
        return panel.add(new DeploymentsViewModel(sim.context, panel.ref(), panel.current()));
    }

    @Test
    void showsDeploymentsAndTheConfiguration() {
        ServicePanelViewModel panel = panel("prod-web", "orders-api");
        DeploymentsViewModel vm = deployments(panel);
        panel.poll();
        assertEquals(1, vm.deployments().size());
        DeploymentRow row = vm.deployments().get(0);
        assertEquals("orders-api:1", row.revision());
        assertEquals("PRIMARY", row.deployment().status());
        assertThat(row.state(), containsString("COMPLETED — ECS deployment"));
        assertEquals(1.0, row.progress());
        assertEquals("3/3 running · 0 pending", row.tasks());
        assertEquals(100, vm.minimumHealthyPercentProperty().get());
        assertEquals(200, vm.maximumPercentProperty().get());
        assertTrue(vm.circuitBreakerProperty().get());
        assertTrue(vm.rollbackProperty().get());
        assertFalse(vm.configurationEditedProperty().get());
    }

    @Test
    void forceNewDeploymentAsksThenRollsOutToCompleted() {
        ServicePanelViewModel panel = panel("prod-web", "orders-api");
        DeploymentsViewModel vm = deployments(panel);
        panel.poll();
        vm.forceNewDeployment();
        assertThat(sim.questions.get(0), containsString("Start a new deployment of orders-api in prod-web? All 3 tasks are replaced"));
        assertThat(sim.questions.get(0), containsString("keeping at least 100% healthy and at most 200% running, circuit breaker on with rollback"));
        panel.poll();
        assertEquals(2, vm.deployments().size());
        assertEquals("IN_PROGRESS", vm.deployments().get(0).deployment().rolloutState());
        assertTrue(vm.deployments().get(0).progress() < 1.0);
        sim.run(panel, Duration.ofMinutes(8), Duration.ofSeconds(10));
        assertEquals(1, vm.deployments().size());
        assertEquals("COMPLETED", vm.deployments().get(0).deployment().rolloutState());
    }

    @Test
    void aCrashLoopingDeploymentShowsFailedAndTheRollback() {
        ServicePanelViewModel panel = panel("prod-web", "payments");
        DeploymentsViewModel vm = deployments(panel);
        panel.poll();
        sim.provider.updateService(dev.ecsdeck.provider.ServiceUpdate.taskDefinition("prod-web", "payments", "payments:2"));
        panel.poll();
        assertEquals("payments:2", vm.deployments().get(0).revision());
        boolean sawFailed = false;
        for (int i = 0; i < 60 && !(sawFailed && vm.deployments().size() == 1); i++) {
            sim.run(panel, Duration.ofSeconds(10), Duration.ofSeconds(10));
            sawFailed |= vm.deployments().stream().anyMatch(d -> "FAILED".equals(d.deployment().rolloutState())
                    && d.revision().equals("payments:2") && d.deployment().failedTasks() > 0);
        }
        assertTrue(sawFailed, "the failed deployment was shown with its failed tasks");
        assertEquals("payments:1", vm.deployments().get(0).revision(), "rolled back");
        EcsService s = panel.serviceProperty().get();
        assertTrue(s.events().stream().anyMatch(e -> e.message().contains("rolling back to deployment")));
    }

    @Test
    void rollBackGoesToTheRevisionBeforeAfterAskingAndExplainsWhenThereIsNone() {
        ServicePanelViewModel panel = panel("prod-web", "orders-api");
        DeploymentsViewModel vm = deployments(panel);
        panel.poll();
        vm.rollBack();
        assertEquals("No earlier ACTIVE revision of orders-api to roll back to.", vm.messageProperty().get());
        assertEquals(List.of(), sim.questions);

        String next = sim.backend.registerTaskDefinition(sim.backend.describeTaskDefinition("orders-api:1").json()
                .replace("orders-api:3.4.1", "orders-api:3.4.2")).taskDefinitionArn();
        sim.provider.updateService(dev.ecsdeck.provider.ServiceUpdate.taskDefinition("prod-web", "orders-api", next));
        sim.run(panel, Duration.ofMinutes(8), Duration.ofSeconds(10));
        assertThat(panel.serviceProperty().get().taskDefinition(), containsString("orders-api:3"));

        sim.answer = false;
        vm.rollBack();
        assertThat(sim.questions.get(0), containsString("Roll back orders-api in prod-web from orders-api:3 to orders-api:2?"));
        assertEquals("Not rolled back.", vm.messageProperty().get());
        sim.answer = true;
        vm.rollBack();
        assertThat(sim.service("prod-web", "orders-api").taskDefinition(), containsString("orders-api:2"));
    }

    @Test
    void theConfigurationIsEditedCheckedAndSaved() {
        ServicePanelViewModel panel = panel("prod-web", "web");
        DeploymentsViewModel vm = deployments(panel);
        panel.poll();
        vm.minimumHealthyPercentProperty().set(50);
        vm.maximumPercentProperty().set(250);
        assertTrue(vm.configurationEditedProperty().get());
        assertEquals("Maximum percent must be between 100 and 200, not 250.", vm.configurationProblem());
        vm.applyConfiguration();
        assertEquals(List.of(), sim.questions, "refused before asking");
        assertEquals("Maximum percent must be between 100 and 200, not 250.", vm.messageProperty().get());

        panel.poll();
        assertEquals(50, vm.minimumHealthyPercentProperty().get(), "a refresh keeps the edit");
        vm.maximumPercentProperty().set(150);
        vm.circuitBreakerProperty().set(true);
        vm.rollbackProperty().set(true);
        vm.applyConfiguration();
        assertThat(sim.questions.get(0), containsString("at least 50% healthy, at most 150% running, circuit breaker on with rollback"));
        DeploymentConfiguration saved = sim.service("prod-web", "web").deploymentConfiguration();
        assertEquals(50, saved.minimumHealthyPercentOrDefault());
        assertEquals(150, saved.maximumPercentOrDefault());
        assertTrue(saved.circuitBreakerEnabled() && saved.rollbackEnabled());
        assertFalse(vm.configurationEditedProperty().get());

        vm.rollbackProperty().set(true);
        vm.circuitBreakerProperty().set(false);
        assertEquals("Rollback needs the circuit breaker on.", vm.configurationProblem());
        vm.resetConfiguration();
        assertTrue(vm.circuitBreakerProperty().get());
        assertFalse(vm.configurationEditedProperty().get());
    }

    @Test
    void readOnlyDisablesEveryChange() {
        ServicePanelViewModel panel = panel("prod-web", "orders-api");
        DeploymentsViewModel vm = deployments(panel);
        panel.poll();
        sim.readOnly.set(true);
        assertTrue(vm.disabledProperty().get());
        vm.forceNewDeployment();
        vm.rollBack();
        vm.minimumHealthyPercentProperty().set(50);
        vm.applyConfiguration();
        assertEquals(List.of(), sim.questions);
        assertEquals(1, sim.service("prod-web", "orders-api").deployments().size());
        assertEquals(100, sim.service("prod-web", "orders-api").deploymentConfiguration().minimumHealthyPercentOrDefault());
    }

    @Test
    void theConfiguredDeploymentAlarmsAreSaidInWords() {
        DeploymentConfiguration c = DeploymentConfiguration.defaults();
        assertEquals("Deployment alarms: none", DeploymentsViewModel.alarmsInWords(c));
        assertEquals("Deployment alarms: none", DeploymentsViewModel.alarmsInWords(null));
        assertEquals("Deployment alarms: checkout-cpu-high — a deployment fails and rolls back when one goes to ALARM",
                DeploymentsViewModel.alarmsInWords(c.withAlarms(new DeploymentAlarms(List.of("checkout-cpu-high"), true, true))));
        assertEquals("Deployment alarms: a, b — a deployment fails when one goes to ALARM",
                DeploymentsViewModel.alarmsInWords(c.withAlarms(new DeploymentAlarms(List.of("a", "b"), true, false))));
        assertEquals("Deployment alarms: a (turned off: deployments do not watch them)",
                DeploymentsViewModel.alarmsInWords(c.withAlarms(new DeploymentAlarms(List.of("a"), false, true))));

        ServicePanelViewModel panel = panel("prod-web", "orders-api");
        DeploymentsViewModel vm = deployments(panel);
        panel.poll();
        assertEquals(DeploymentsViewModel.alarmsInWords(sim.service("prod-web", "orders-api").deploymentConfiguration()),
                vm.deploymentAlarmsProperty().get(), "the service's own");
    }
}
