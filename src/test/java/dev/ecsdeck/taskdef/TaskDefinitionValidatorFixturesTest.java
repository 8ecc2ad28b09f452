package dev.ecsdeck.taskdef;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.ecsdeck.sim.SimApiException;
import dev.ecsdeck.taskdef.RefusedDefinitions.Answer;
import dev.ecsdeck.taskdef.RefusedDefinitions.Refused;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The validator on the fixtures (the project's own, and the 62 real ones when they are beside the
 * project) and on the shared table of refused definitions: no error on what ECS registers, and on
 * what ECS refuses an error on the member to fix. The simulator's tests read the same table.
 */
class TaskDefinitionValidatorFixturesTest {
    private final TaskDefinitionValidator validator = new TaskDefinitionValidator();

    @TestFactory
    Stream<DynamicTest> eachFixtureHasAnErrorExactlyWhereEcsRefusesIt() {
        return Fixtures.all().stream().map(f -> dynamicTest(f.name(), () -> {
            List<Problem> errors = errors(validator.validate(f.json()));
            Answer expected = RefusedDefinitions.FILES.get(f.name());
            if (expected == null) {
                assertThat(f.name() + " registers in ECS, so the validator must find no error", errors, empty());
                return;
            }
            assertErrorAt(f.name(), errors, expected);
        }));
    }

    static Stream<Refused> mutations() {
        return RefusedDefinitions.mutations().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mutations")
    void eachRefusedDefinitionHasTheEditorsErrorOnItsMember(Refused refused) {
        assertErrorAt(refused.description(), errors(validator.validate(refused.json())), refused.answer());
    }

    /** Where the validator and the simulator disagree, one of them is wrong; none is known. */
    @TestFactory
    Stream<DynamicTest> theValidatorAgreesWithTheSimulator() {
        Stream<DynamicTest> files = Fixtures.all().stream().filter(f -> !RefusedDefinitions.notJson(f.name()))
                .map(f -> dynamicTest(f.name(), () -> assertAgree(f.name(), f.json())));
        Stream<DynamicTest> broken = mutations().map(r -> dynamicTest(r.description(), () -> assertAgree(r.description(), r.json())));
        return Stream.concat(files, broken);
    }

    @Test
    void theOwnFixtureThatIsNotJsonHasOneErrorAtTheMissingComma() {
        List<Problem> problems = validator.validate(Fixtures.own("refused/not-json.json"));
        assertThat(problems, hasSize(1));
        Problem p = problems.get(0);
        assertThat(p.severity(), equalTo(Severity.ERROR));
        assertThat(p.path(), equalTo(""));
        assertThat(p.line(), equalTo(7));
        assertThat(p.column(), equalTo(7));
        assertThat(p.message(), containsString("a comma (,) or a closing"));
    }

    @Test
    void theCorpusFixtureThatIsNotJsonHasOneErrorAtTheMissingComma() {
        Fixtures.corpus(); // skipped without the corpus
        List<Problem> problems = validator.validate(Fixtures.named(Fixtures.INVALID_JSON).json());
        assertThat(problems, hasSize(1));
        Problem p = problems.get(0);
        assertThat(p.path(), equalTo(""));
        assertThat(p.line(), equalTo(34));
        assertThat(p.column(), equalTo(20));
        assertThat(p.message(), containsString("a comma (,) or a closing"));
    }

    private void assertAgree(String name, String json) {
        boolean simulatorRefuses;
        try {
            Fixtures.freshSimulator().taskDefinitions().register(json);
            simulatorRefuses = false;
        } catch (SimApiException e) {
            simulatorRefuses = true;
        }
        boolean validatorRefuses = !errors(validator.validate(json)).isEmpty();
        assertThat(name, validatorRefuses, equalTo(simulatorRefuses));
    }

    private static void assertErrorAt(String name, List<Problem> errors, Answer expected) {
        List<String> found = new ArrayList<>();
        errors.forEach(p -> found.add(p.path() + ": " + p.message()));
        assertThat(name + ": errors " + found, errors.stream().anyMatch(p -> p.path().equals(expected.path())
                && p.message().contains(expected.editorWords()) && p.line() > 0 && p.column() > 0), equalTo(true));
    }

    static List<Problem> errors(List<Problem> problems) {
        return problems.stream().filter(p -> p.severity() == Severity.ERROR).toList();
    }
}
