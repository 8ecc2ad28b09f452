package dev.ecsdeck.sim.wire.query;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecsdeck.sim.wire.WireApi;
import dev.ecsdeck.sim.wire.WireCodec;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** The XML of Query answers and errors, read back with the JDK's parser as a client would. */
class QueryXmlTest {
    private static final String NS = "http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final QueryCodec codec = new QueryCodec();
    private final WireApi api = new WireApi("2015-12-01", "Test", "ValidationError", "InternalFailure", NS);

    private static Element parse(byte[] xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml)).getDocumentElement();
    }

    private static List<Element> children(Element e) {
        List<Element> out = new ArrayList<>();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c) {
                out.add(c);
            }
        }
        return out;
    }

    private static Element child(Element e, String name) {
        return children(e).stream().filter(c -> c.getLocalName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no <" + name + "> in <" + e.getLocalName() + ">"));
    }

    private static List<String> names(Element e) {
        return children(e).stream().map(Element::getLocalName).toList();
    }

    private byte[] result(String json) throws Exception {
        JsonNode tree = JSON.readTree(json.replace('\'', '"'));
        return codec.writeResult(tree, new WireCodec.Call("req-1", api, "DescribeThings"));
    }

    @Test
    void anAnswerIsTheResultInItsResponseWithTheRequestId() throws Exception {
        Element root = parse(result("{'Name':'a','Count':3,'Enabled':true,'Ratio':0.5}"));
        assertEquals("DescribeThingsResponse", root.getLocalName());
        assertEquals(NS, root.getNamespaceURI());
        assertEquals(List.of("DescribeThingsResult", "ResponseMetadata"), names(root));
        Element result = child(root, "DescribeThingsResult");
        assertEquals(NS, result.getNamespaceURI(), "children are in the service's namespace too");
        assertEquals(List.of("Name", "Count", "Enabled", "Ratio"), names(result), "members in order");
        assertEquals("3", child(result, "Count").getTextContent());
        assertEquals("true", child(result, "Enabled").getTextContent());
        assertEquals("0.5", child(result, "Ratio").getTextContent());
        assertEquals("req-1", child(child(root, "ResponseMetadata"), "RequestId").getTextContent());
    }

    @Test
    void anEmptyAnswerIsAnEmptyResult() throws Exception {
        Element root = parse(codec.writeResult(JSON.createObjectNode(), new WireCodec.Call("r", api, "DeleteThing")));
        assertEquals(List.of(), names(child(root, "DeleteThingResult")));
    }

    @Test
    void listsAreMembersNestedListsTooAndAnEmptyListIsAnEmptyElement() throws Exception {
        Element result = child(parse(result("{'Things':[{'Id':'a','Ports':[80,443]},{'Id':'b','Ports':[]}],'None':[],'Gone':null}")),
                "DescribeThingsResult");
        assertEquals(List.of("Things", "None"), names(result), "a null member is left out");
        Element things = child(result, "Things");
        assertEquals(List.of("member", "member"), names(things));
        Element first = children(things).get(0);
        assertEquals("a", child(first, "Id").getTextContent());
        assertEquals(List.of("80", "443"), children(child(first, "Ports")).stream().map(Element::getTextContent).toList());
        assertEquals(List.of(), names(child(children(things).get(1), "Ports")));
        assertEquals(List.of(), names(child(result, "None")));
    }

    @Test
    void textIsEscapedAndCharactersXmlCannotHoldAreReplaced() throws Exception {
        String nasty = "<b>&amp; \"quoted\" 'single' ]]> ü€ \uD83D\uDE00";
        byte[] xml = codec.writeResult(JSON.createObjectNode().put("Description", nasty).put("Control", "a\u0001b"),
                new WireCodec.Call("r", api, "DescribeThings"));
        String raw = new String(xml, StandardCharsets.UTF_8);
        assertThat(raw, containsString("&lt;b&gt;&amp;amp;"));
        assertThat(raw, not(containsString("<b>")));
        Element result = child(parse(xml), "DescribeThingsResult");
        assertEquals(nasty, child(result, "Description").getTextContent());
        assertEquals("a\uFFFDb", child(result, "Control").getTextContent());
    }

    @Test
    void largeAndExactDecimalsAreWrittenPlain() throws Exception {
        byte[] xml = codec.writeResult(JSON.createObjectNode().put("Value", new java.math.BigDecimal("1E+3")),
                new WireCodec.Call("r", api, "GetThing"));
        assertEquals("1000", child(child(parse(xml), "GetThingResult"), "Value").getTextContent());
    }

    @Test
    void errorsAreSenderOrReceiverWithCodeMessageAndRequestId() throws Exception {
        Element sender = parse(codec.writeError(400, "TargetGroupNotFound", "No <such> group", new WireCodec.Call("req-2", api, "X")));
        assertEquals("ErrorResponse", sender.getLocalName());
        assertEquals(NS, sender.getNamespaceURI());
        assertEquals(List.of("Error", "RequestId"), names(sender));
        Element error = child(sender, "Error");
        assertEquals(List.of("Type", "Code", "Message"), names(error));
        assertEquals("Sender", child(error, "Type").getTextContent());
        assertEquals("TargetGroupNotFound", child(error, "Code").getTextContent());
        assertEquals("No <such> group", child(error, "Message").getTextContent());
        assertEquals("req-2", child(sender, "RequestId").getTextContent());

        Element receiver = parse(codec.writeError(503, "ServiceUnavailable", "down", new WireCodec.Call("r", null, null)));
        assertEquals("Receiver", child(child(receiver, "Error"), "Type").getTextContent());
        assertNull(receiver.getNamespaceURI(), "before the service is known there is no namespace to give");
    }
}
