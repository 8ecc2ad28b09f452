package dev.ecsdeck.sim.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Every ELB answer, as the XML on the wire, against Elastic Load Balancing v2's API model: the root is
 * {@code <OpResponse>} in the model's namespace, its result element the operation's resultWrapper,
 * every element at any depth a member of its shape (lists as {@code member} elements), every value
 * of the member's type (timestamps ISO-8601, enums one of the model's values). Every operation the
 * server offers is called at least once.
 */
class ElbResponsesModelTest {
    private static final String VERSION = "2015-12-01";

    private WireFixture sim;
    private JsonNode model;
    private final List<String> problems = new ArrayList<>();
    private final Set<String> called = new HashSet<>();

    @BeforeEach
    void start() throws IOException {
        model = WireShapesModelTest.model("elasticloadbalancingv2");
        sim = new WireFixture();
    }

    @AfterEach
    void close() {
        if (sim != null) { // null when the model is not beside the project and the test was skipped
            sim.close();
        }
    }

    @Test
    void everyElbAnswerHoldsOnlyModelMembersOfTheModelTypes() {
        Element lb = check("CreateLoadBalancer", "Name", "shapes-alb", "Subnets.member.1", "subnet-0aa", "Subnets.member.2", "subnet-0bb",
                "SecurityGroups.member.1", "sg-0abc", "Tags.member.1.Key", "team", "Tags.member.1.Value", "web");
        String lbArn = text(lb, "LoadBalancerArn");
        Element blue = check("CreateTargetGroup", "Name", "shapes-blue", "Protocol", "HTTP", "Port", "80", "VpcId", "vpc-0abc",
                "TargetType", "ip", "Matcher.HttpCode", "200-299", "HealthCheckPath", "/health");
        String blueArn = text(blue, "TargetGroupArn");
        String greenArn = text(check("CreateTargetGroup", "Name", "shapes-green", "Protocol", "HTTP", "Port", "80", "VpcId", "vpc-0abc",
                "TargetType", "ip"), "TargetGroupArn");
        Element listener = check("CreateListener", "LoadBalancerArn", lbArn, "Protocol", "HTTP", "Port", "80",
                "DefaultActions.member.1.Type", "forward",
                "DefaultActions.member.1.ForwardConfig.TargetGroups.member.1.TargetGroupArn", blueArn,
                "DefaultActions.member.1.ForwardConfig.TargetGroups.member.1.Weight", "100",
                "DefaultActions.member.1.ForwardConfig.TargetGroups.member.2.TargetGroupArn", greenArn,
                "DefaultActions.member.1.ForwardConfig.TargetGroups.member.2.Weight", "0");
        String listenerArn = text(listener, "ListenerArn");
        Element rule = check("CreateRule", "ListenerArn", listenerArn, "Priority", "10",
                "Conditions.member.1.Field", "path-pattern", "Conditions.member.1.PathPatternConfig.Values.member.1", "/api/*",
                "Actions.member.1.Type", "fixed-response", "Actions.member.1.FixedResponseConfig.StatusCode", "404",
                "Actions.member.1.FixedResponseConfig.ContentType", "text/plain", "Actions.member.1.FixedResponseConfig.MessageBody", "no");
        String ruleArn = text(rule, "RuleArn");
        check("CreateRule", "ListenerArn", listenerArn, "Priority", "20",
                "Conditions.member.1.Field", "host-header", "Conditions.member.1.HostHeaderConfig.Values.member.1", "a.example.com",
                "Actions.member.1.Type", "redirect", "Actions.member.1.RedirectConfig.Protocol", "HTTPS",
                "Actions.member.1.RedirectConfig.Port", "443", "Actions.member.1.RedirectConfig.StatusCode", "HTTP_301");
        check("DescribeLoadBalancers", "PageSize", "1");
        check("DescribeLoadBalancers", "Names.member.1", "shapes-alb");
        check("DescribeTargetGroups", "LoadBalancerArn", lbArn);
        check("DescribeTargetGroups", "PageSize", "1");
        check("DescribeListeners", "LoadBalancerArn", lbArn);
        check("DescribeRules", "ListenerArn", listenerArn);
        check("ModifyRule", "RuleArn", ruleArn, "Actions.member.1.Type", "forward", "Actions.member.1.TargetGroupArn", greenArn);
        check("SetRulePriorities", "RulePriorities.member.1.RuleArn", ruleArn, "RulePriorities.member.1.Priority", "5");
        check("ModifyListener", "ListenerArn", listenerArn, "Port", "8080");
        check("ModifyTargetGroup", "TargetGroupArn", blueArn, "HealthCheckIntervalSeconds", "10", "HealthyThresholdCount", "2");
        check("DescribeTargetGroupAttributes", "TargetGroupArn", blueArn);
        check("ModifyTargetGroupAttributes", "TargetGroupArn", blueArn, "Attributes.member.1.Key", "deregistration_delay.timeout_seconds",
                "Attributes.member.1.Value", "30");
        check("RegisterTargets", "TargetGroupArn", blueArn, "Targets.member.1.Id", "10.0.1.17", "Targets.member.1.Port", "80");
        check("DescribeTargetHealth", "TargetGroupArn", blueArn);
        sim.clock.advance(Duration.ofMinutes(2));
        check("DescribeTargetHealth", "TargetGroupArn", blueArn, "Targets.member.1.Id", "10.0.1.17", "Targets.member.2.Id", "10.0.1.99");
        check("DeregisterTargets", "TargetGroupArn", blueArn, "Targets.member.1.Id", "10.0.1.17");
        check("DescribeTargetHealth", "TargetGroupArn", blueArn);
        check("AddTags", "ResourceArns.member.1", blueArn, "ResourceArns.member.2", lbArn, "Tags.member.1.Key", "env", "Tags.member.1.Value", "x");
        check("DescribeTags", "ResourceArns.member.1", blueArn, "ResourceArns.member.2", lbArn, "ResourceArns.member.3", ruleArn);
        check("RemoveTags", "ResourceArns.member.1", lbArn, "TagKeys.member.1", "team");
        check("DeleteRule", "RuleArn", ruleArn);
        check("DeleteListener", "ListenerArn", listenerArn);
        check("DeleteTargetGroup", "TargetGroupArn", greenArn);
        check("DeleteLoadBalancer", "LoadBalancerArn", lbArn);

        assertEquals(List.of(), problems);
        Set<String> offered = new HashSet<>(sim.server.apis().stream().filter(a -> a.targetPrefix().equals(VERSION)).findFirst()
                .orElseThrow().shapes().keySet());
        assertEquals(offered, called, "every operation the server offers for ELB is checked");
    }

    /** Calls the operation (it must succeed) and walks its XML answer against the model; the answer's result element. */
    private Element check(String operation, String... params) {
        called.add(operation);
        StringBuilder form = new StringBuilder("Action=" + operation + "&Version=" + VERSION);
        for (int i = 0; i < params.length; i += 2) {
            form.append('&').append(params[i]).append('=').append(URLEncoder.encode(params[i + 1], StandardCharsets.UTF_8));
        }
        WireFixture.Reply reply = sim.send(HttpRequest.newBuilder(sim.endpoint()).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString())));
        assertEquals(200, reply.status(), operation + " answered " + reply.raw());
        Element root = parse(reply.raw());
        JsonNode op = model.path("operations").path(operation);
        String namespace = model.path("metadata").path("xmlNamespace").asText();
        if (!(operation + "Response").equals(root.getLocalName()) || !namespace.equals(root.getNamespaceURI())) {
            problems.add(operation + ": root " + root.getNodeName() + " in " + root.getNamespaceURI());
        }
        List<Element> parts = children(root);
        String wrapper = op.path("output").path("resultWrapper").asText();
        if (parts.size() != 2 || !parts.get(0).getLocalName().equals(wrapper) || !parts.get(1).getLocalName().equals("ResponseMetadata")) {
            problems.add(operation + ": expected <" + wrapper + "> and <ResponseMetadata>, found " + parts.stream().map(Node::getLocalName).toList());
            return parts.get(0);
        }
        walk(op.path("output").path("shape").asText(), parts.get(0), operation);
        return parts.get(0);
    }

    private void walk(String shapeName, Element element, String path) {
        JsonNode shape = model.path("shapes").get(shapeName);
        String type = shape.get("type").asText();
        switch (type) {
            case "structure" -> {
                for (Element child : children(element)) {
                    JsonNode member = shape.path("members").get(child.getLocalName());
                    if (member == null) {
                        problems.add(path + "." + child.getLocalName() + ": not a member of " + shapeName);
                    } else {
                        walk(member.get("shape").asText(), child, path + "." + child.getLocalName());
                    }
                }
            }
            case "list" -> {
                List<Element> elements = children(element);
                for (int i = 0; i < elements.size(); i++) {
                    if (!"member".equals(elements.get(i).getLocalName())) {
                        problems.add(path + "[" + i + "]: <member> expected, found <" + elements.get(i).getLocalName() + ">");
                    } else {
                        walk(shape.path("member").path("shape").asText(), elements.get(i), path + "[" + i + "]");
                    }
                }
            }
            default -> scalar(shape, type, element, path);
        }
    }

    private void scalar(JsonNode shape, String type, Element element, String path) {
        String text = element.getTextContent();
        if (!children(element).isEmpty()) {
            problems.add(path + ": a " + type + " expected, found elements");
            return;
        }
        boolean fits = switch (type) {
            case "string" -> !shape.has("enum") || contains(shape.get("enum"), text);
            case "integer", "long" -> text.matches("-?\\d+");
            case "double", "float" -> text.matches("-?\\d+(\\.\\d+)?");
            case "boolean" -> text.equals("true") || text.equals("false");
            case "timestamp" -> isIsoInstant(text);
            default -> false;
        };
        if (!fits) {
            problems.add(path + ": " + type + (shape.has("enum") ? " " + shape.get("enum") : "") + " expected, found '" + text + "'");
        }
    }

    private static boolean contains(JsonNode values, String text) {
        for (JsonNode v : values) {
            if (v.asText().equals(text)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isIsoInstant(String text) {
        try {
            Instant.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static String text(Element result, String name) {
        return result.getElementsByTagNameNS("*", name).item(0).getTextContent();
    }

    private static List<Element> children(Element parent) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }

    private static Element parse(String xml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))).getDocumentElement();
        } catch (Exception e) {
            throw new AssertionError("Not XML: " + xml, e);
        }
    }

    @Test
    void theCheckCatchesAMemberTheModelDoesNotHave() {
        Element fake = parse("<R><LoadBalancers><member><LoadBalancerArn>a</LoadBalancerArn><Colour>red</Colour>"
                + "<CreatedTime>1790000000</CreatedTime></member></LoadBalancers></R>");
        walk("DescribeLoadBalancersOutput", fake, "X");
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("Colour") && problems.get(1).contains("CreatedTime"), problems.toString());
    }
}
