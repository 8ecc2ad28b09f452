package dev.ecsdeck.ui.service;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsdeck.model.ScalingActivity;
import dev.ecsdeck.model.ScalingPolicy;
import dev.ecsdeck.model.TargetTrackingConfig;
import dev.ecsdeck.provider.EcsProvider;
import dev.ecsdeck.provider.ReadOnlyEcsProvider;
import dev.ecsdeck.provider.sim.SimProvider;
import dev.ecsdeck.sim.DemoSim;
import dev.ecsdeck.sim.ManualClock;
import dev.ecsdeck.ui.common.CurrentThreadTaskExecutor;
import dev.ecsdeck.ui.service.AutoScalingPolicyForm.Metric;
import dev.ecsdeck.ui.service.AutoScalingViewModel.PolicyRow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AutoScalingViewModelTest {
    private final DemoSim sim = new DemoSim();
    private final ManualClock clock = sim.clock;
    private final SimProvider backend = sim.provider;
    private final SimpleBooleanProperty readOnly = new SimpleBooleanProperty(false);
    private final EcsProvider provider = new ReadOnlyEcsProvider(backend, readOnly::get);
    private final List<String> questions = new ArrayList<>();
    private final List<String> typedQuestions = new ArrayList<>();
    private boolean answer = true;
    private boolean typedAnswer = true;
    private final ServicePanelContext ctx = new ServicePanelContext(provider, new CurrentThreadTaskExecutor(), (title, message) -> {
        questions.add(title + ": " + message);
        return answer;
    }, (title, message, expected) -> {
        typedQuestions.add(title + ": " + message + " [" + expected + "]");
        return typedAnswer;
    }, readOnly, () -> clock.now().toEpochMilli());
    private final CurrentService service = new CurrentService();

    @AfterEach
    void close() {
        backend.close();
    }

    private AutoScalingViewModel open(String name) {
        service.publish(backend.describeServices("prod-web", List.of(name)).get(0));
        AutoScalingViewModel vm = new AutoScalingViewModel(ctx, new ServiceRef("prod-web", name), service);
        vm.refresh();
        return vm;
    }

    private static PolicyRow row(AutoScalingViewModel vm, String name) {
        return vm.policies().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    private List<String> backendPolicies(String name) {
        return backend.describeScaling("prod-web", name).policies().stream().map(ScalingPolicy::policyName).toList();
    }

    @Test
    void showsTheDemoTargetItsPoliciesScheduledActionsAndActivitiesNewestFirst() {
        AutoScalingViewModel vm = open("orders-api");
        assertEquals(2, vm.targetProperty().get().minCapacity());
        assertEquals(List.of("2", "10"), List.of(vm.minTextProperty().get(), vm.maxTextProperty().get()));
        assertEquals("Registered as a scalable target: auto scaling keeps orders-api between 2 and 10 tasks.", vm.summaryProperty().get());
        PolicyRow tt = row(vm, "orders-api-cpu-target-tracking");
        assertEquals(List.of("target tracking", "CPU utilisation", "60%", "60 s", "300 s", "enabled", ""),
                List.of(tt.type(), tt.metric(), tt.targetValue(), tt.scaleOutCooldown(), tt.scaleInCooldown(), tt.scaleIn(), tt.details()));
        assertTrue(tt.editable());
        PolicyRow step = row(vm, "orders-api-queue-backlog-step");
        assertEquals("step", step.type());
        assertEquals("ChangeInCapacity: +1 when 0–10 above the alarm, +3 above 10; cooldown 120 s", step.details());
        assertFalse(step.editable(), "only target tracking is edited here");
        assertEquals("cron(0 7 ? * MON-FRI *)", vm.scheduledActions().get(0).schedule());
        assertTrue(vm.activities().isEmpty(), "the demo's load steps up after 20 minutes");

        clock.advance(Duration.ofMinutes(30));
        vm.refresh();
        List<ScalingActivity> shown = List.copyOf(vm.activities());
        assertTrue(shown.size() >= 2, shown.toString());
        assertEquals(backend.describeScalingActivities("prod-web", "orders-api"), shown);
        assertEquals(shown.stream().sorted(Comparator.comparing(ScalingActivity::startTime).reversed()).toList(), shown, "newest first");
        assertThat(shown.get(0).description(), startsWith("Setting desired count to"));
    }

    @Test
    void aRefreshUpdatesTheListsInPlaceAndLeavesEqualRowsAlone() {
        AutoScalingViewModel vm = open("orders-api");
        advanceUntilActivities(1);
        vm.refresh();
        PolicyRow first = vm.policies().get(0);
        List<ScalingActivity> before = List.copyOf(vm.activities());
        assertFalse(before.isEmpty());
        List<String> changes = new ArrayList<>();
        vm.policies().addListener((ListChangeListener<PolicyRow>) c -> changes.add("policies " + c));
        vm.activities().addListener((ListChangeListener<ScalingActivity>) c -> {
            while (c.next()) {
                changes.add((c.wasRemoved() ? "removed " : "") + (c.wasAdded() ? "added at " + c.getFrom() : ""));
            }
        });
        vm.refresh();
        assertEquals(List.of(), changes, "nothing new: nothing touched");
        assertSame(first, vm.policies().get(0));

        backend.engine().services().setLoadFactor("prod-web", "orders-api", 6.0);
        advanceUntilActivities(before.size() + 1);
        vm.refresh();
        int added = vm.activities().size() - before.size();
        assertTrue(added > 0, "more scaling after the load step");
        assertEquals(List.of("added at 0"), changes, "new activities go on top; the old rows stay as they were");
        for (int i = 0; i < before.size(); i++) {
            assertSame(before.get(i), vm.activities().get(added + i));
        }
    }

    /** Moves the simulated clock a minute at a time until orders-api has at least {@code count} scaling activities. */
    private void advanceUntilActivities(int count) {
        for (int minute = 0; minute < 90 && backend.describeScalingActivities("prod-web", "orders-api").size() < count; minute++) {
            clock.advance(Duration.ofMinutes(1));
        }
        assertTrue(backend.describeScalingActivities("prod-web", "orders-api").size() >= count, "no scaling within 90 minutes");
    }

    @Test
    void anUnregisteredServiceCanBeEnabledWithMinAndMax() {
        AutoScalingViewModel vm = open("web");
        assertNull(vm.targetProperty().get());
        assertThat(vm.summaryProperty().get(), containsString("web is not registered"));
        assertEquals("", vm.overrideWarning(7));
        assertFalse(vm.canApplyRange().get(), "empty inputs");
        assertEquals("Minimum tasks: a whole number, 0 or more. Maximum tasks: a whole number, 0 or more.", vm.rangeProblemProperty().get());

        vm.minTextProperty().set("2");
        vm.maxTextProperty().set("8");
        assertTrue(vm.canApplyRange().get());
        vm.applyRange();
        assertEquals(List.of(), questions, "web's 4 tasks are inside 2–8: nothing to confirm");
        assertEquals(8, backend.describeScaling("prod-web", "web").target().maxCapacity());
        assertEquals(8, vm.targetProperty().get().maxCapacity());
        assertEquals("Auto scaling enabled: 2–8 tasks.", vm.messageProperty().get());
        assertThat(vm.summaryProperty().get(), containsString("between 2 and 8 tasks, with no policy."));
        assertEquals("Auto scaling keeps web between 2 and 8 tasks; with no policy it will not change this count.", vm.overrideWarning(5));
    }

    @Test
    void rangeProblemsNameTheFieldAndNothingIsApplied() {
        AutoScalingViewModel vm = open("orders-api");
        vm.minTextProperty().set("two");
        assertEquals("Minimum tasks: a whole number, 0 or more.", vm.rangeProblemProperty().get());
        vm.minTextProperty().set("-1");
        assertEquals("Minimum tasks: a whole number, 0 or more.", vm.rangeProblemProperty().get());
        vm.minTextProperty().set("12");
        assertEquals("Minimum tasks (12) must not be more than maximum tasks (10).", vm.rangeProblemProperty().get());
        assertFalse(vm.canApplyRange().get());
        vm.applyRange();
        assertEquals(2, backend.describeScaling("prod-web", "orders-api").target().minCapacity());
        vm.refresh();
        assertEquals("12", vm.minTextProperty().get(), "a refresh does not overwrite what is being typed");
    }

    @Test
    void aRangeThatMovesTheDesiredCountIsConfirmedFirst() {
        AutoScalingViewModel vm = open("orders-api");
        vm.maxTextProperty().set("2");
        answer = false;
        vm.applyRange();
        assertEquals(List.of("Change the range of orders-api: Set the auto scaling range of orders-api in prod-web to 2–2 tasks?"
                + " Its desired count of 3 will be changed to 2."), questions);
        assertEquals(10, backend.describeScaling("prod-web", "orders-api").target().maxCapacity());
        assertEquals("Range not changed.", vm.messageProperty().get());

        answer = true;
        vm.applyRange();
        assertEquals(2, backend.describeScaling("prod-web", "orders-api").target().maxCapacity());
        assertEquals("2", vm.maxTextProperty().get());
    }

    @Test
    void aMaximumOfZeroNeedsTheServiceNameTyped() {
        AutoScalingViewModel vm = open("orders-api");
        vm.minTextProperty().set("0");
        vm.maxTextProperty().set("0");
        typedAnswer = false;
        vm.applyRange();
        assertEquals(1, typedQuestions.size());
        assertThat(typedQuestions.get(0), containsString("every task of orders-api is stopped"));
        assertThat(typedQuestions.get(0), containsString("[orders-api]"));
        assertEquals(10, backend.describeScaling("prod-web", "orders-api").target().maxCapacity());
        typedAnswer = true;
        vm.applyRange();
        assertEquals(0, backend.describeScaling("prod-web", "orders-api").target().maxCapacity());
    }

    @Test
    void createsATargetTrackingPolicyFromTheForm() {
        AutoScalingViewModel vm = open("orders-api");
        AutoScalingPolicyForm form = vm.form();
        assertFalse(form.open().get());
        vm.newPolicy();
        assertTrue(form.open().get());
        assertNull(form.editing().get());
        assertEquals("orders-api-cpu-target-tracking-2", form.nameProperty().get(), "the first suggestion is taken");
        assertEquals(List.of(), form.problems());

        form.nameProperty().set("orders-api-memory");
        form.metricProperty().set(Metric.MEMORY);
        form.targetValueProperty().set("70.5");
        form.scaleOutCooldownProperty().set("30");
        form.scaleInCooldownProperty().set("600");
        form.disableScaleInProperty().set(true);
        vm.savePolicy();

        ScalingPolicy saved = backend.describeScaling("prod-web", "orders-api").policies().get(2);
        assertEquals("orders-api-memory", saved.policyName());
        assertEquals(new TargetTrackingConfig(TargetTrackingConfig.MEMORY, null, 70.5, 30, 600, true), saved.targetTracking());
        assertFalse(form.open().get(), "the form closes once saved");
        assertEquals("Created target-tracking policy orders-api-memory.", vm.messageProperty().get());
        PolicyRow row = row(vm, "orders-api-memory");
        assertEquals(List.of("Memory utilisation", "70.5%", "30 s", "600 s", "disabled"),
                List.of(row.metric(), row.targetValue(), row.scaleOutCooldown(), row.scaleInCooldown(), row.scaleIn()));
        assertEquals("Auto scaling (2–10, target tracking on CPU at 60%, step policy orders-api-queue-backlog-step,"
                + " target tracking on memory at 70.5%, a scheduled action) may change this count again.", vm.overrideWarning(5));
    }

    @Test
    void albRequestsPerTargetNeedsAResourceLabelAndNoPercentCap() {
        AutoScalingViewModel vm = open("orders-api");
        vm.newPolicy();
        AutoScalingPolicyForm form = vm.form();
        form.nameProperty().set("orders-api-requests");
        form.metricProperty().set(Metric.ALB_REQUESTS);
        form.targetValueProperty().set("1000");
        assertEquals(List.of("Resource label: required for ALB requests per target, as "
                + "app/<load-balancer>/<id>/targetgroup/<target-group>/<id>."), form.problems());
        form.resourceLabelProperty().set("my-alb");
        assertEquals(List.of("Resource label: expected app/<load-balancer>/<id>/targetgroup/<target-group>/<id>."), form.problems());
        String label = "app/orders-alb/50dc6c495c0c9188/targetgroup/orders-api/943f017f100becff";
        form.resourceLabelProperty().set(label);
        assertEquals(List.of(), form.problems(), "1000 requests per target is fine: not a percentage");
        vm.savePolicy();
        assertEquals(new TargetTrackingConfig(TargetTrackingConfig.ALB_REQUESTS, label, 1000, null, null, false),
                backend.describeScaling("prod-web", "orders-api").policies().get(2).targetTracking());
        assertEquals("ALB requests per target (" + label + ")", row(vm, "orders-api-requests").metric());
        assertEquals("300 s (default)", row(vm, "orders-api-requests").scaleOutCooldown());
    }

    @Test
    void formProblemsNameTheFieldAndBlockSaving() {
        AutoScalingViewModel vm = open("orders-api");
        vm.newPolicy();
        AutoScalingPolicyForm form = vm.form();
        form.nameProperty().set("");
        form.targetValueProperty().set("0");
        form.scaleOutCooldownProperty().set("-5");
        form.scaleInCooldownProperty().set("1.5");
        assertEquals(List.of("Policy name: required.", "Target value: a number greater than 0.",
                "Scale-out cooldown: whole seconds, 0 or more (empty for the default 300).",
                "Scale-in cooldown: whole seconds, 0 or more (empty for the default 300)."), form.problems());
        vm.savePolicy();
        assertThat(vm.messageProperty().get(), startsWith("Not saved: Policy name: required."));
        assertEquals(2, backendPolicies("orders-api").size());

        form.nameProperty().set("orders-api-cpu-target-tracking");
        form.targetValueProperty().set("150");
        form.scaleOutCooldownProperty().set("");
        form.scaleInCooldownProperty().set("0");
        assertEquals(List.of("Policy name: there is already a policy named orders-api-cpu-target-tracking; choose it in the table to edit it.",
                "Target value: at most 100 (%) for CPU utilisation."), form.problems());
        form.nameProperty().set("tab\there");
        assertEquals("Policy name: 1 to 256 printable characters (letters, digits, spaces, punctuation).", form.problems().get(0));
        form.nameProperty().set("x".repeat(257));
        assertEquals("Policy name: 1 to 256 printable characters (letters, digits, spaces, punctuation).", form.problems().get(0));
        form.targetValueProperty().set("abc");
        assertEquals("Target value: a number greater than 0.", form.problems().get(1));
    }

    @Test
    void editsATargetTrackingPolicyButNotAStepPolicy() {
        AutoScalingViewModel vm = open("orders-api");
        vm.edit(row(vm, "orders-api-queue-backlog-step"));
        assertFalse(vm.form().open().get(), "step policies are listed, not edited");

        PolicyRow tt = row(vm, "orders-api-cpu-target-tracking");
        vm.edit(tt);
        AutoScalingPolicyForm form = vm.form();
        assertEquals("orders-api-cpu-target-tracking", form.editing().get());
        assertEquals(List.of("orders-api-cpu-target-tracking", "60", "60", "300"), List.of(form.nameProperty().get(),
                form.targetValueProperty().get(), form.scaleOutCooldownProperty().get(), form.scaleInCooldownProperty().get()));
        assertEquals(Metric.CPU, form.metricProperty().get());
        assertEquals(List.of(), form.problems(), "its own name is not 'taken'");
        form.targetValueProperty().set("45");
        vm.savePolicy();
        ScalingPolicy saved = backend.describeScaling("prod-web", "orders-api").policies().get(0);
        assertEquals(tt.policy().policyArn(), saved.policyArn());
        assertEquals(45.0, saved.targetTracking().targetValue());
        assertEquals("Saved target-tracking policy orders-api-cpu-target-tracking.", vm.messageProperty().get());
        assertEquals("45%", row(vm, "orders-api-cpu-target-tracking").targetValue());
    }

    @Test
    void deletingAPolicyAsksNamingItAndTheService() {
        AutoScalingViewModel vm = open("orders-api");
        PolicyRow step = row(vm, "orders-api-queue-backlog-step");
        answer = false;
        vm.delete(step);
        assertEquals(1, questions.size());
        assertThat(questions.get(0), containsString("Delete the step scaling policy orders-api-queue-backlog-step of service orders-api in prod-web?"));
        assertEquals(2, backendPolicies("orders-api").size());
        assertEquals("Policy orders-api-queue-backlog-step kept.", vm.messageProperty().get());

        answer = true;
        vm.delete(step);
        assertEquals(List.of("orders-api-cpu-target-tracking"), backendPolicies("orders-api"));
        assertEquals(List.of("orders-api-cpu-target-tracking"), vm.policies().stream().map(PolicyRow::name).toList());
        assertEquals("Deleted scaling policy orders-api-queue-backlog-step.", vm.messageProperty().get());
    }

    @Test
    void overrideWarningsSayWhatAutoScalingWillDoToATypedCount() {
        AutoScalingViewModel vm = open("orders-api");
        assertEquals("Auto scaling keeps orders-api between 2 and 10 tasks: a desired count of 12 will be brought back to 10.",
                vm.overrideWarning(12));
        assertEquals("Auto scaling keeps orders-api between 2 and 10 tasks: a desired count of 1 will be brought back to 2.",
                vm.overrideWarning(1));
        vm.delete(row(vm, "orders-api-queue-backlog-step"));
        assertEquals("Auto scaling (2–10, target tracking on CPU at 60%, a scheduled action) may change this count again.",
                vm.overrideWarning(6));
        assertEquals(vm.overrideWarning(2), vm.overrideWarning(10), "the bounds are inside the range");
    }

    @Test
    void inReadOnlyModeNothingChangesAndNothingIsAsked() {
        AutoScalingViewModel vm = open("orders-api");
        readOnly.set(true);
        assertFalse(vm.canApplyRange().get());
        vm.maxTextProperty().set("2");
        vm.applyRange();
        vm.newPolicy();
        assertFalse(vm.form().open().get());
        vm.edit(row(vm, "orders-api-cpu-target-tracking"));
        assertFalse(vm.form().open().get());
        vm.delete(row(vm, "orders-api-cpu-target-tracking"));
        vm.savePolicy();
        assertEquals(List.of(), questions);
        assertEquals(10, backend.describeScaling("prod-web", "orders-api").target().maxCapacity());
        assertEquals(2, backendPolicies("orders-api").size());
        assertEquals("", vm.messageProperty().get());
    }

    @Test
    void aFailedCallShowsTheCallAndTheErrorAndKeepsTheInput() {
        service.publish(backend.describeServices("prod-web", List.of("web")).get(0));
        AutoScalingViewModel vm = new AutoScalingViewModel(ctx, new ServiceRef("prod-web", "ghost"), service);
        vm.refresh();
        assertNull(vm.targetProperty().get());
        vm.minTextProperty().set("1");
        vm.maxTextProperty().set("5");
        vm.applyRange();
        assertThat(vm.messageProperty().get(), startsWith("Range not applied: RegisterScalableTarget failed: ValidationException:"));
        assertThat(vm.messageProperty().get(), containsString("ghost"));
        assertEquals("5", vm.maxTextProperty().get());
        assertFalse(vm.busyProperty().get());
        assertNotNull(vm.form());
    }

    @Test
    void theNowColumnSaysThePolicysMetricInItsLastMinuteAgainstItsTarget() {
        java.time.Instant t0 = java.time.Instant.parse("2026-12-06T10:00:00Z");
        var recent = new dev.ecsdeck.model.ServiceUtilization(
                java.util.List.of(new dev.ecsdeck.model.MetricPoint(t0, 30), new dev.ecsdeck.model.MetricPoint(t0.plusSeconds(60), 71.26)),
                java.util.List.of(new dev.ecsdeck.model.MetricPoint(t0.plusSeconds(60), 40)));
        var cpu = new dev.ecsdeck.model.ScalingPolicy("arn", "cpu", "service/c/s", "TargetTrackingScaling",
                new dev.ecsdeck.model.TargetTrackingConfig(dev.ecsdeck.model.TargetTrackingConfig.CPU, null, 50, null, null, false), null, null);
        var memory = new dev.ecsdeck.model.ScalingPolicy("arn", "mem", "service/c/s", "TargetTrackingScaling",
                new dev.ecsdeck.model.TargetTrackingConfig(dev.ecsdeck.model.TargetTrackingConfig.MEMORY, null, 40, null, null, false), null, null);
        var requests = new dev.ecsdeck.model.ScalingPolicy("arn", "alb", "service/c/s", "TargetTrackingScaling",
                new dev.ecsdeck.model.TargetTrackingConfig("ALBRequestCountPerTarget", "app/x/y/targetgroup/z/1", 100, null, null, false), null,
                null);
        org.junit.jupiter.api.Assertions.assertEquals("71.3% (above target)", PolicyMetricNow.of(cpu, recent));
        org.junit.jupiter.api.Assertions.assertEquals("40% (at target)", PolicyMetricNow.of(memory, recent));
        org.junit.jupiter.api.Assertions.assertEquals("", PolicyMetricNow.of(requests, recent), "requests per target are not read here");
        org.junit.jupiter.api.Assertions.assertEquals("", PolicyMetricNow.of(cpu, null), "nothing read: nothing said");
    }
}
