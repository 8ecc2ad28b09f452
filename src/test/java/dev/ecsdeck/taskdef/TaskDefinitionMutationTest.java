package dev.ecsdeck.taskdef;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.greaterThan;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Property: whatever is typed, the validator answers with located problems instead of throwing,
 * and the draft and the diff refuse bad input only with IllegalArgumentException. Inputs are
 * seeded random mutations of the real fixtures: edits of the text (mostly syntax errors) and of
 * the tree (wrong types, odd values, missing and renamed members, ECS's values in odd places).
 */
class TaskDefinitionMutationTest {
    private static final long SEED = 20261122L;
    private static final int MUTANTS = 4000;
    private final TaskDefinitionValidator validator = new TaskDefinitionValidator();

    @Test
    void randomMutationsNeverBreakTheValidatorTheDraftOrTheDiff() {
        TaskDefinitionMutants mutants = new TaskDefinitionMutants(SEED);
        List<Fixtures.Fixture> fixtures = Fixtures.all();
        int errorsSeen = 0;
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < MUTANTS && failures.size() < 5; i++) {
            Fixtures.Fixture origin = fixtures.get(mutants.nextInt(fixtures.size()));
            String text = mutants.next(origin.json());
            String label = "mutant " + i + " of " + origin.name() + " (seed " + SEED + ")";
            try {
                List<Problem> problems = validator.check(text);
                errorsSeen += problems.stream().filter(p -> p.severity() == Severity.ERROR).count();
                for (Problem p : problems) {
                    String why = TaskDefinitionMutants.wellFormed(p);
                    if (why != null) {
                        failures.add(label + ": " + why + ": " + p);
                    }
                }
            } catch (RuntimeException | StackOverflowError e) {
                failures.add(label + ": validate threw " + e);
            }
            try {
                TaskDefinitionDraft draft = TaskDefinitionDraft.parse(text);
                readEverything(draft);
            } catch (IllegalArgumentException e) {
                // refused as it should be: not a JSON object
            } catch (RuntimeException e) {
                failures.add(label + ": the draft threw " + e);
            }
            try {
                RevisionDiff.compare(origin.json(), text).asText(false);
            } catch (IllegalArgumentException e) {
                // either side is not a JSON object
            } catch (RuntimeException e) {
                failures.add(label + ": the diff threw " + e);
            }
        }
        assertThat(String.join("\n", failures), failures, empty());
        assertThat("the mutants should find errors", errorsSeen, greaterThan(MUTANTS / 2));
    }

    private static void readEverything(TaskDefinitionDraft d) {
        d.family();
        d.cpu();
        d.memory();
        d.networkMode();
        d.requiresCompatibilities();
        d.taskRoleArn();
        d.executionRoleArn();
        d.containerNames();
        for (int c = 0; c < d.containerCount(); c++) {
            d.image(c);
            d.containerCpu(c);
            d.memory(c);
            d.memoryReservation(c);
            d.essential(c);
            d.environment(c);
            d.secrets(c);
            d.portMappings(c);
            d.logConfiguration(c);
            d.healthCheck(c);
        }
        d.toJson();
    }

}
