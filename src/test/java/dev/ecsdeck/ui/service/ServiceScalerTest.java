package dev.ecsdeck.ui.service;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ServiceScalerTest {
    private final ServiceTestSim sim = new ServiceTestSim();
    private final ServicePanelViewModel panel = new ServicePanelViewModel(sim.context, new ServiceRef("prod-web", "web"));
    private final ServiceScaler scaler = panel.add(new ServiceScaler(sim.context, panel.ref(), panel.current()));

    @AfterEach
    void close() {
        sim.close();
    }

    @Test
    void followsTheServiceUntilAValueIsDialledIn() {
        panel.poll();
        assertEquals(4, scaler.desiredProperty().get());
        assertFalse(scaler.editedProperty().get());
        assertThat(panel.countsProperty().get(), containsString("4 desired · 4 running · 0 pending"));

        scaler.increment();
        scaler.increment();
        assertEquals(6, scaler.desiredProperty().get());
        assertTrue(scaler.editedProperty().get());
        panel.poll();
        assertEquals(6, scaler.desiredProperty().get(), "a refresh does not move what the user dialled in");

        scaler.reset();
        assertEquals(4, scaler.desiredProperty().get());
        assertFalse(scaler.editedProperty().get());
        scaler.decrement();
        assertEquals(3, scaler.desiredProperty().get());
        for (int i = 0; i < 5; i++) {
            scaler.decrement();
        }
        assertEquals(0, scaler.desiredProperty().get(), "never below zero");
    }

    @Test
    void scalingUpAsksNamingTheServiceThenShowsProgressUntilSteady() {
        panel.poll();
        scaler.desiredProperty().set(5);
        scaler.apply();
        assertEquals(List.of("Scale service web in prod-web from 4 to 5 tasks?"), sim.questions);
        assertEquals(5, sim.service("prod-web", "web").desiredCount());
        assertThat(scaler.progressProperty().get(), containsString("Scaling to 5: 4 running"));
        sim.run(panel, Duration.ofMinutes(3), Duration.ofSeconds(5));
        assertEquals("Steady at 5 tasks.", scaler.progressProperty().get());
        assertEquals(5, sim.service("prod-web", "web").runningCount());
    }

    @Test
    void aDeclinedScaleChangesNothing() {
        panel.poll();
        sim.answer = false;
        scaler.desiredProperty().set(5);
        scaler.apply();
        assertEquals("Not scaled.", scaler.progressProperty().get());
        assertEquals(4, sim.service("prod-web", "web").desiredCount());
    }

    @Test
    void scalingToZeroOrDownByMoreThanHalfNeedsTheNameTyped() {
        assertTrue(ServiceScaler.drastic(4, 0));
        assertTrue(ServiceScaler.drastic(4, 1));
        assertFalse(ServiceScaler.drastic(4, 2), "by half exactly is not more than half");
        assertFalse(ServiceScaler.drastic(0, 0));
        assertFalse(ServiceScaler.drastic(2, 9), "up is asked plainly, saying how big the step is");

        panel.poll();
        scaler.desiredProperty().set(0);
        sim.typed = "wbe";
        scaler.apply();
        assertEquals(1, sim.typedQuestions.size());
        assertThat(sim.typedQuestions.get(0), containsString("Scale service web in prod-web from 4 to 0 tasks."));
        assertThat(sim.typedQuestions.get(0), containsString("This stops every task of web"));
        assertThat(sim.typedQuestions.get(0), containsString("Type the service name, web, to confirm."));
        assertEquals(List.of(), sim.questions, "no plain question besides");
        assertEquals(4, sim.service("prod-web", "web").desiredCount(), "a wrong name changes nothing");

        sim.typed = "web";
        scaler.apply();
        assertEquals(0, sim.service("prod-web", "web").desiredCount());
    }

    @Test
    void aBigStepUpSaysSo() {
        panel.poll();
        scaler.desiredProperty().set(9);
        scaler.apply();
        assertEquals(List.of("Scale service web in prod-web from 4 to 9 tasks (more than half as many again)?"), sim.questions);
    }

    @Test
    void theAutoScalingWarningShowsWhileAValueIsDialledAndIsInTheQuestion() {
        scaler.warnWith(count -> count > 10 ? "Auto scaling keeps web between 2 and 10 tasks." : "");
        panel.poll();
        scaler.desiredProperty().set(12);
        assertEquals("Auto scaling keeps web between 2 and 10 tasks.", scaler.warningProperty().get());
        scaler.apply();
        assertThat(sim.questions.get(0), containsString("Auto scaling keeps web between 2 and 10 tasks."));
        scaler.reset();
        assertEquals("", scaler.warningProperty().get());
    }

    @Test
    void readOnlyDisablesScalingAndApplyDoesNothing() {
        panel.poll();
        sim.readOnly.set(true);
        assertTrue(scaler.disabledProperty().get());
        scaler.desiredProperty().set(7);
        scaler.apply();
        assertEquals(List.of(), sim.questions);
        assertEquals(4, sim.service("prod-web", "web").desiredCount());
    }

    @Test
    void aRefusedUpdateSaysWhy() {
        panel.poll();
        sim.backend.faults().failNext("UpdateService", "AccessDeniedException", "User is not authorized to perform ecs:UpdateService", 400);
        scaler.desiredProperty().set(5);
        scaler.apply();
        assertThat(scaler.progressProperty().get(), containsString("Not scaled"));
        assertThat(scaler.progressProperty().get(), containsString("not authorized"));
        assertFalse(scaler.disabledProperty().get());
    }
}
