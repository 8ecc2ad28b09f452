package dev.ecsdeck.taskdef;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The one home of ECS's rules, on its own: the facts it reads and the rules only the editor keeps. */
class EcsRulesTest {

    @ParameterizedTest(name = "{0} CPU, {1} MiB: {2}")
    @CsvSource({
        "256, 512, true", "256, 2048, true", "256, 1536, false", "256, 3072, false",
        "512, 1024, true", "512, 4096, true", "512, 512, false", "512, 5120, false",
        "1024, 2048, true", "1024, 8192, true", "1024, 9216, false",
        "2048, 4096, true", "2048, 16384, true", "2048, 3072, false",
        "4096, 8192, true", "4096, 30720, true", "4096, 31744, false",
        "8192, 16384, true", "8192, 20480, true", "8192, 18432, false", "8192, 61440, true", "8192, 65536, false",
        "16384, 32768, true", "16384, 40960, true", "16384, 36864, false", "16384, 122880, true", "16384, 131072, false",
        "128, 512, false", "3072, 8192, false"})
    void fargateSizes(int cpu, int memory, boolean valid) {
        assertThat(TaskSizes.fargateValid(cpu, memory), equalTo(valid));
    }

    /** The rules keep their own list (no SDK in them); it must be the SDK's, which RequestSchemaTest holds to the model. */
    @Test
    void theNetworkModesAreTheRequestSchemas() {
        assertThat(EcsRules.NETWORK_MODES, equalTo(RequestSchema.request().members().get("networkMode").enumValues()));
    }

    @Test
    void aRegisteredDefinitionHasNoViolationAndItsFactsAreRead() {
        EcsRules.Verdict v = EcsRules.check(RefusedDefinitions.load(RefusedDefinitions.FARGATE));
        assertThat(v.violations(), equalTo(List.of()));
        assertThat(v.networkMode(), equalTo("awsvpc"));
        assertThat(v.cpu(), equalTo(1024));
        assertThat(v.memory(), equalTo(2048));
        assertThat(v.fargateCompatible(), equalTo(true));
        EcsRules.Verdict ec2 = EcsRules.check(RefusedDefinitions.load(RefusedDefinitions.EC2));
        assertThat(ec2.networkMode(), equalTo("bridge"));
        assertThat(ec2.cpu(), nullValue());
        assertThat(ec2.fargateCompatible(), equalTo(false));
        assertThat("Fargate's rules do not refuse what does not require FARGATE", ec2.ecsRefusal().isPresent(), equalTo(false));
    }

    /** A hostPort that is no port: the editor says so; ECS's wording is unknown, so the simulator lets it through. */
    @Test
    void aHostPortOutOfRangeIsTheEditorsRuleOnly() {
        ObjectNode request = RefusedDefinitions.load(RefusedDefinitions.EC2);
        RefusedDefinitions.mapping(request, 1, 80, 70000);
        List<EcsRules.Violation> violations = EcsRules.check(request).violations();
        assertThat(violations, hasSize(1));
        assertThat(violations.get(0).path(), equalTo("containerDefinitions[1].portMappings[0].hostPort"));
        assertThat(violations.get(0).ecsRefuses(), equalTo(false));
    }

    /** A value of the wrong JSON type: the rules read it as ECS does, and leave the words to the shape check. */
    @Test
    void aMistypedValueHasEcsWordsButNoEditorWords() {
        ObjectNode request = RefusedDefinitions.load(RefusedDefinitions.FARGATE);
        request.putObject("family");
        EcsRules.Violation v = EcsRules.check(request).ecsRefusal().orElseThrow();
        assertThat(v.ecsMessage(), equalTo("Family can not be blank."));
        assertThat(v.words(), nullValue());
    }
}
