package dev.ecsdeck.sim.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ecsdeck.sim.wire.cloudwatch.CloudWatchOperations;
import dev.ecsdeck.sim.wire.cloudwatch.CloudWatchShapes;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** What CloudWatch's protocols take from its model ({@link CloudWatchShapes}) is the monitoring model's (skipped without it). */
class CloudWatchShapesModelTest {
    @Test
    void errorCodesAreTheModelsAwsQueryErrorCodes() throws Exception {
        JsonNode model = WireShapesModelTest.model("monitoring");
        Map<String, String> codes = new TreeMap<>();
        model.get("shapes").fields().forEachRemaining(e -> {
            if (e.getValue().path("exception").asBoolean()) {
                codes.put(e.getKey(), e.getValue().path("error").path("code").asText(e.getKey()));
            }
        });
        assertEquals(codes, new TreeMap<>(CloudWatchShapes.ERROR_CODES));
        assertEquals("GraniteServiceVersion20100801", model.at("/metadata/targetPrefix").asText());
        assertEquals(CloudWatchOperations.API_VERSION, model.at("/metadata/apiVersion").asText());
        assertEquals(CloudWatchOperations.XML_NAMESPACE, model.at("/metadata/xmlNamespace").asText());
    }

    @Test
    void timestampMembersAreExactlyTheModelsTimestampsAndNothingElseIsNamedSo() throws Exception {
        JsonNode shapes = WireShapesModelTest.model("monitoring").get("shapes");
        Set<String> timestamps = new TreeSet<>();
        Set<String> others = new TreeSet<>();
        shapes.fields().forEachRemaining(s -> s.getValue().path("members").fields().forEachRemaining(m -> {
            JsonNode type = shapes.get(m.getValue().path("shape").asText());
            boolean timestamp = "timestamp".equals(type.path("type").asText()) || "list".equals(type.path("type").asText())
                    && "timestamp".equals(shapes.get(type.at("/member/shape").asText()).path("type").asText());
            (timestamp ? timestamps : others).add(m.getKey());
        }));
        assertEquals(timestamps, new TreeSet<>(CloudWatchShapes.TIMESTAMP_MEMBERS));
        others.retainAll(timestamps);
        assertEquals(Set.of(), others, "a name that is a timestamp in one shape is one in every shape");
    }
}
