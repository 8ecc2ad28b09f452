package dev.ecsdeck.taskdef;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.ecsdeck.sim.SimApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The validator on the 62 real task definitions: no error on those ECS registers, and on each one
 * ECS refuses an error on the member to fix.
 */
class TaskDefinitionValidatorFixturesTest {
    private static final String AWSLOGS_ROLE = "'executionRoleArn' for the awslogs log driver";

    /** An error the validator must report: its path and a fragment of its message. */
    record Expected(String path, String fragment) {}

    /**
     * The fixtures ECS refuses. The same list as the simulator's (TaskDefinitionFixturesTest).
     */
    static final Map<String, Expected> REFUSED = Map.ofEntries(
            Map.entry("amazon-ecs-firelens-examples/fluent-bit/efs/task-definition.json",
                    new Expected("family", "'family' is required")),
            Map.entry("amazon-ecs-firelens-examples/fluent-bit/logstash/task-definition.json",
                    new Expected("containerDefinitions[1].portMappings", "must be a list, not an object")),
            Map.entry("amazon-ecs-firelens-examples/fluent-bit/signalfx/task-definition.json",
                    new Expected("containerDefinitions[1].logConfiguration.secretOptions", "must be a list, not an object")),
            Map.entry("aws-containers-task-definitions/kibana/kibana_ec2.json",
                    new Expected("containerDefinitions[0].portMappings[0].hostPort", "equal to 'containerPort' (5601), not 80")),
            Map.entry("aws-containers-task-definitions/tomcat/tomcat_ec2.json",
                    new Expected("containerDefinitions[0].portMappings[0].hostPort", "equal to 'containerPort' (8080), not 80")),
            Map.entry("aws-containers-task-definitions/gunicorn/gunicorn_fargate.json",
                    new Expected("executionRoleArn", AWSLOGS_ROLE)),
            Map.entry("aws-containers-task-definitions/jetty/jetty_fargate.json", new Expected("executionRoleArn", AWSLOGS_ROLE)),
            Map.entry("aws-containers-task-definitions/kibana/kibana_fargate.json", new Expected("executionRoleArn", AWSLOGS_ROLE)),
            Map.entry("aws-containers-task-definitions/nginx/nginx_fargate.json", new Expected("executionRoleArn", AWSLOGS_ROLE)),
            Map.entry("aws-containers-task-definitions/tomcat/tomcat_fargate.json", new Expected("executionRoleArn", AWSLOGS_ROLE)),
            Map.entry("aws-containers-task-definitions/wildfly/wildfly_fargate.json",
                    new Expected("executionRoleArn", AWSLOGS_ROLE)));


    private final TaskDefinitionValidator validator = new TaskDefinitionValidator();

    @TestFactory
    Stream<DynamicTest> eachFixtureHasAnErrorExactlyWhereEcsRefusesIt() {
        return Fixtures.all().stream().filter(f -> !f.name().equals(Fixtures.INVALID_JSON)).map(f -> dynamicTest(f.name(), () -> {
            List<Problem> errors = errors(validator.validate(f.json()));
            Expected expected = REFUSED.get(f.name());
            if (expected == null) {
                assertThat(f.name() + " registers in ECS, so the validator must find no error", errors, empty());
                return;
            }
            List<String> found = new ArrayList<>();
            errors.forEach(p -> found.add(p.path() + ": " + p.message()));
            assertThat(f.name() + ": errors " + found, errors.stream().anyMatch(p -> p.path().equals(expected.path())
                    && p.message().contains(expected.fragment()) && p.line() > 0 && p.column() > 0), equalTo(true));
        }));
    }

    /** Where the validator and the simulator disagree, one of them is wrong; none is known. */
    @TestFactory
    Stream<DynamicTest> theValidatorAgreesWithTheSimulator() {
        return Fixtures.all().stream().filter(f -> !f.name().equals(Fixtures.INVALID_JSON)).map(f -> dynamicTest(f.name(), () -> {
            boolean simulatorRefuses;
            try {
                Fixtures.freshSimulator().taskDefinitions().register(f.json());
                simulatorRefuses = false;
            } catch (SimApiException e) {
                simulatorRefuses = true;
            }
            boolean validatorRefuses = !errors(validator.validate(f.json())).isEmpty();
            assertThat(f.name(), validatorRefuses, equalTo(simulatorRefuses));
        }));
    }

    @Test
    void theFixtureThatIsNotJsonHasOneErrorAtTheMissingComma() {
        List<Problem> problems = validator.validate(Fixtures.named(Fixtures.INVALID_JSON).json());
        assertThat(problems, hasSize(1));
        Problem p = problems.get(0);
        assertThat(p.severity(), equalTo(Severity.ERROR));
        assertThat(p.path(), equalTo(""));
        assertThat(p.line(), equalTo(34));
        assertThat(p.column(), equalTo(20));
        assertThat(p.message(), containsString("a comma (,) or a closing"));
    }

    @Test
    void everyExpectationNamesAFixture() {
        List<String> names = Fixtures.all().stream().map(Fixtures.Fixture::name).toList();
        assertThat(names, hasSize(62));
        List<String> unknown = new ArrayList<>(REFUSED.keySet());
        unknown.removeAll(names);
        assertThat(unknown, empty());
    }

    static List<Problem> errors(List<Problem> problems) {
        return problems.stream().filter(p -> p.severity() == Severity.ERROR).toList();
    }
}
