package dev.ecsdeck.ui.logs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.Optional;

/** JSON log lines, pretty-printed on demand (for the selected line only, never for the whole buffer). */
public final class LogJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private LogJson() {}

    /** The message pretty-printed, or empty when it is not a JSON object or array. */
    public static Optional<String> pretty(String message) {
        String s = message == null ? "" : message.strip();
        if (s.isEmpty() || (s.charAt(0) != '{' && s.charAt(0) != '[')) {
            return Optional.empty();
        }
        try {
            JsonNode node = MAPPER.readTree(s);
            return node == null || !node.isContainerNode() ? Optional.empty() : Optional.of(MAPPER.writeValueAsString(node));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }
}
