package dev.ecsdeck.taskdef;

import static dev.ecsdeck.taskdef.TaskDefinitionValidatorTest.VALID;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecsdeck.model.TaskDefinition;
import dev.ecsdeck.sim.SimEngine;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaskDefinitionDocumentsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aDescribeDocumentBecomesARequestThatRegistersTheSameDefinition() throws Exception {
        SimEngine sim = Fixtures.freshSimulator();
        TaskDefinition first = sim.taskDefinitions().register(VALID);
        String request = TaskDefinitionDocuments.toRegisterRequest(first.json());

        JsonNode node = JSON.readTree(request);
        List<String> members = new ArrayList<>();
        node.fieldNames().forEachRemaining(members::add);
        assertThat(members.stream().filter(TaskDefinitionDocuments.READ_ONLY_FIELDS::contains).toList(), empty());
        assertThat(members.contains("containerDefinitions"), equalTo(true));
        assertThat(new TaskDefinitionValidator().validate(request), empty());

        TaskDefinition second = sim.taskDefinitions().register(request);
        assertThat(second.revision(), equalTo(2));
        assertThat(RevisionDiff.compare(first.json(), second.json()).identical(), equalTo(true));
    }

    @Test
    void theRequestIsPrettyAndKeepsEverythingElse() {
        String request = TaskDefinitionDocuments.toRegisterRequest("{\"taskDefinitionArn\":\"arn\",\"family\":\"a\",\"revision\":3,"
                + "\"x\":null,\"containerDefinitions\":[{\"name\":\"c\",\"image\":\"i\"}],\"status\":\"ACTIVE\",\"registeredAt\":1.5}");
        assertThat(request, equalTo("""
                {
                  "family": "a",
                  "x": null,
                  "containerDefinitions": [
                    {
                      "name": "c",
                      "image": "i"
                    }
                  ]
                }"""));
    }

    @Test
    void theReadOnlyFieldsAreThoseOfTheModelsTaskDefinitionThatARequestHasNot() {
        assertThat(TaskDefinitionDocuments.READ_ONLY_FIELDS, equalTo(java.util.Set.of("taskDefinitionArn", "revision", "status",
                "requiresAttributes", "compatibilities", "registeredAt", "registeredBy", "deregisteredAt", "deleteRequestedAt")));
        for (String field : TaskDefinitionDocuments.READ_ONLY_FIELDS) {
            assertThat(field, RequestSchema.request().members().containsKey(field), equalTo(false));
        }
    }

    @Test
    void invalidJsonIsAnIllegalArgumentWithLineAndColumn() {
        String missingComma = Fixtures.own("refused/not-json.json");
        InvalidJsonException e = assertThrows(InvalidJsonException.class, () -> TaskDefinitionDocuments.toRegisterRequest(missingComma));
        assertThat(e.line(), equalTo(7));
        assertThat(e.column(), equalTo(7));
        assertThat(e.getMessage(), containsString("line 7, column 7"));
        assertThat(assertThrows(IllegalArgumentException.class, () -> TaskDefinitionDocuments.toRegisterRequest("42"))
                .getMessage(), not(containsString("null")));
    }
}
