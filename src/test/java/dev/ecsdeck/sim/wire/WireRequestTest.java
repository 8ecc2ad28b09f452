package dev.ecsdeck.sim.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsdeck.sim.SimApiException;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading values inside structures: typed JSON in a JSON request; text naming a number or boolean in a Query one, and only there. */
class WireRequestTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    record Weighted(@JsonProperty("Arn") String arn, @JsonProperty("Weight") Integer weight, @JsonProperty("Sticky") Boolean sticky,
            @JsonProperty("Codes") List<String> codes) {}

    private static ObjectNode tree(String json) throws IOException {
        return (ObjectNode) JSON.readTree(json.replace('\'', '"'));
    }

    @Test
    void aQueryRequestReadsNumbersAndBooleansFromText() throws IOException {
        WireRequest query = new WireRequest(tree("{'Group':{'Weight':'10','On':'true','Big':'1795337100000'}}"), true);
        JsonNode group = query.node("Group");
        assertEquals(10, query.integer(group.get("Weight"), "Group.Weight"));
        assertEquals(Boolean.TRUE, query.bool(group.get("On"), "Group.On"));
        assertEquals(1795337100000L, query.longValue(group.get("Big"), "Group.Big"));
        assertNull(query.integer(group.get("Absent"), "Group.Absent"));
        SimApiException e = assertThrows(SimApiException.class, () -> query.integer(group.get("Big"), "Group.Big"));
        assertEquals("Expected an integer for 'Group.Big', found '1795337100000'.", e.getMessage());
        assertEquals("Expected a boolean for 'Group.Weight', found '10'.",
                assertThrows(SimApiException.class, () -> query.bool(group.get("Weight"), "Group.Weight")).getMessage());
    }

    @Test
    void aQueryRequestBindsRecordsFromTextAndAnEmptyTextAsAnEmptyList() throws IOException {
        WireRequest query = new WireRequest(tree("{'Groups':[{'Arn':'a','Weight':'90','Sticky':'false','Codes':''}]}"), true);
        assertEquals(List.of(new Weighted("a", 90, false, List.of())), query.bindList("Groups", Weighted.class));
        WireRequest bad = new WireRequest(tree("{'Groups':[{'Arn':'a','Weight':'heavy'}]}"), true);
        SimApiException e = assertThrows(SimApiException.class, () -> bad.bindList("Groups", Weighted.class));
        assertEquals("SerializationException", e.errorCode());
        assertTrue(e.getMessage().contains("'Groups[0].Weight'"), e.getMessage());
    }

    @Test
    void aJsonRequestStillRefusesTextForNumbersAndBooleans() throws IOException {
        WireRequest json = new WireRequest(tree("{'Group':{'Weight':'10','On':'true','N':7,'B':false}}"));
        JsonNode group = json.node("Group");
        assertEquals(7, json.integer(group.get("N"), "Group.N"));
        assertFalse(json.bool(group.get("B"), "Group.B"));
        assertEquals("Expected an integer for 'Group.Weight', found '10'.",
                assertThrows(SimApiException.class, () -> json.integer(group.get("Weight"), "Group.Weight")).getMessage());
        assertThrows(SimApiException.class, () -> json.bool(group.get("On"), "Group.On"));
        WireRequest textWeight = new WireRequest(tree("{'Groups':[{'Arn':'a','Weight':'90'}]}"));
        assertThrows(SimApiException.class, () -> textWeight.bindList("Groups", Weighted.class));
    }
}
