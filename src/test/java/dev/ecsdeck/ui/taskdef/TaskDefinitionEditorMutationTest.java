package dev.ecsdeck.ui.taskdef;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.greaterThan;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsdeck.sim.DemoSim;
import dev.ecsdeck.sim.ManualClock;
import dev.ecsdeck.provider.sim.SimProvider;
import dev.ecsdeck.taskdef.Fixtures;
import dev.ecsdeck.taskdef.Problem;
import dev.ecsdeck.taskdef.Severity;
import dev.ecsdeck.taskdef.TaskDefinitionMutants;
import dev.ecsdeck.ui.common.CurrentThreadTaskExecutor;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.beans.property.SimpleBooleanProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The editor under thousands of seeded random mutations of the fixture task definitions, typed
 * into its JSON and pushed through its form: it never throws, keeps exactly what was typed (and
 * its draft), and every problem it lists is located with a field path; Register stays off while
 * there are errors. No screen: the view model is what the JSON and form tabs drive.
 */
class TaskDefinitionEditorMutationTest {
    private static final long SEED = 20261123L;
    private static final int MUTANTS = 2000;
    private static final String[] ODD = {"", " ", "-1", "1e999", "0.25 vCPU", "\u0000", "x".repeat(300), "awsvpc", "nginx:latest"};

    private final DemoSim sim = new DemoSim();
    private final ManualClock clock = sim.clock;
    private final SimProvider backend = sim.provider;
    @TempDir
    Path dir;

    @AfterEach
    void close() {
        backend.close();
    }

    @Test
    void randomMutationsNeverBreakTheEditorNorLoseWhatWasTyped() {
        DraftStore drafts = new DraftStore(dir.resolve("drafts"));
        TaskDefinitionEditorViewModel vm = new TaskDefinitionEditorViewModel(backend, new CurrentThreadTaskExecutor(),
                (title, message) -> false, new SimpleBooleanProperty(false), drafts,
                java.time.Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC));
        vm.open("orders-api:1");
        TaskDefinitionMutants mutants = new TaskDefinitionMutants(SEED);
        List<Fixtures.Fixture> fixtures = Fixtures.all();
        List<String> failures = new ArrayList<>();
        int withErrors = 0;
        for (int i = 0; i < MUTANTS && failures.size() < 5; i++) {
            Fixtures.Fixture origin = fixtures.get(mutants.nextInt(fixtures.size()));
            String text = mutants.next(origin.json());
            String label = "mutant " + i + " of " + origin.name() + " (seed " + SEED + ")";
            try {
                vm.textEdited(text);
                if (!text.equals(vm.textProperty().get())) {
                    failures.add(label + ": the editor changed what was typed");
                }
                boolean errors = false;
                for (Problem p : vm.problems()) {
                    String why = TaskDefinitionMutants.wellFormed(p);
                    if (why != null) {
                        failures.add(label + ": " + why + ": " + p);
                    }
                    errors |= p.severity() == Severity.ERROR;
                }
                if (errors) {
                    withErrors++;
                    if (!vm.registerDisabledProperty().get()) {
                        failures.add(label + ": Register is on despite errors");
                    }
                }
                if (i % 4 == 0) {
                    formEdit(vm, mutants);
                }
            } catch (RuntimeException | StackOverflowError e) {
                failures.add(label + ": the editor threw " + e);
            }
        }
        assertThat(String.join("\n", failures), failures, empty());
        assertThat("the mutants should find errors", withErrors, greaterThan(MUTANTS / 2));
        // The last edit is kept as a draft that reads back as typed.
        String last = vm.textProperty().get();
        assertTrue(drafts.all().stream().anyMatch(d -> d.json().equals(last)), "the last edit is in a draft (drafts are kept per family)");
    }

    /** A form edit on whatever the text now is: refused values are said in the message, never thrown. */
    private static void formEdit(TaskDefinitionEditorViewModel vm, TaskDefinitionMutants mutants) {
        String odd = ODD[mutants.nextInt(ODD.length)];
        vm.formEdited(d -> {
                switch (mutants.nextInt(6)) {
                    case 0 -> d.family(odd);
                    case 1 -> d.cpu(odd);
                    case 2 -> d.memory(odd);
                    case 3 -> d.networkMode(odd);
                    case 4 -> {
                        if (d.containerCount() > 0) {
                            d.image(0, odd);
                        }
                    }
                    default -> {
                        if (d.containerCount() > 0) {
                            d.environment(0, Map.of(odd.isEmpty() ? "K" : odd, odd));
                        }
                    }
                }
            });
    }
}
