package dev.ecsdeck.provider.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecsdeck.provider.InvalidInputException;
import dev.ecsdeck.provider.Operation;
import java.io.IOException;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;

/** RegisterTaskDefinition's request from the editor's JSON document, checked before anything is sent. */
final class TaskDefinitionRequests {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TaskDefinitionRequests() {}

    /** The request from its JSON document, checked for JSON syntax and member types before anything is sent. */
    static RegisterTaskDefinitionRequest registerRequest(String requestJson) {
        JsonNode json;
        try {
            json = JSON.readTree(requestJson);
        } catch (IOException e) {
            throw new InvalidInputException(Operation.REGISTER_TASK_DEFINITION, "SerializationException",
                    "The task definition is not valid JSON: " + e.getMessage(), null);
        }
        if (json == null || !json.isObject()) {
            throw new InvalidInputException(Operation.REGISTER_TASK_DEFINITION, "SerializationException",
                    "The task definition must be a JSON object.", null);
        }
        RegisterTaskDefinitionRequest.Builder builder = RegisterTaskDefinitionRequest.builder();
        try {
            SdkJson.fill((SdkPojo) builder, json, "");
        } catch (IllegalArgumentException e) {
            String message = e.getMessage();
            String field = message.contains(" ") ? message.substring(0, message.indexOf(' ')) : null;
            throw new InvalidInputException(Operation.REGISTER_TASK_DEFINITION, "SerializationException", message, field);
        }
        return builder.build();
    }

}
