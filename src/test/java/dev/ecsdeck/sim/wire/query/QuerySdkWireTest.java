package dev.ecsdeck.sim.wire.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecsdeck.sim.ApiFaults;
import dev.ecsdeck.sim.wire.SdkClients;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ActionTypeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateListenerResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTagsResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTargetHealthInputIncludeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTargetHealthResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ElasticLoadBalancingV2Exception;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Listener;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Tag;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroup;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupNotFoundException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupTuple;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthDescription;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthReasonEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthStateEnum;

/**
 * The real SDK v2 Elastic Load Balancing v2 client against the server's Query codec and a
 * test-only service ({@link ElbTestApi}): it signs and sends form bodies, the operations get the
 * tree they read, and the SDK parses the XML answers and errors into its typed objects and exceptions.
 * Retries are off, so an error shows as it came.
 */
class QuerySdkWireTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TG = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0123456789abcdef";
    private static final String LB = "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/front/0123456789abcdef";
    private QueryFixture sim;
    private ElasticLoadBalancingV2Client elb;
    private EcsClient ecs;

    @BeforeEach
    void start() throws IOException {
        sim = new QueryFixture();
        elb = SdkClients.against(sim.endpoint(), ElasticLoadBalancingV2Client.builder());
        ecs = SdkClients.against(sim.endpoint(), EcsClient.builder());
    }

    @AfterEach
    void close() {
        elb.close();
        ecs.close();
        sim.close();
    }

    private static JsonNode json(String text) throws IOException {
        return JSON.readTree(text.replace('\'', '"'));
    }

    @Test
    void describeTargetHealthSendsNestedTargetsAndParsesTypedAnswers() throws IOException {
        DescribeTargetHealthResponse health = elb.describeTargetHealth(r -> r.targetGroupArn(TG)
                .targets(t -> t.id("10.0.1.17").port(8080).availabilityZone("us-east-1a"), t -> t.id("i-0abc"))
                .include(DescribeTargetHealthInputIncludeEnum.ANOMALY_DETECTION));

        assertEquals(json("{'TargetGroupArn':'" + TG + "','Targets':[{'Id':'10.0.1.17','Port':'8080','AvailabilityZone':'us-east-1a'},"
                + "{'Id':'i-0abc'}],'Include':['AnomalyDetection']}"), sim.elb.lastRequest.get(),
                "the operation got the SDK's form as a tree (nested values as text)");
        List<TargetHealthDescription> described = health.targetHealthDescriptions();
        assertEquals(2, described.size());
        TargetHealthDescription first = described.get(0);
        assertEquals("10.0.1.17", first.target().id());
        assertEquals(Integer.valueOf(8080), first.target().port(), "the port parsed as an Integer");
        assertEquals("8080", first.healthCheckPort());
        assertEquals(TargetHealthStateEnum.UNHEALTHY, first.targetHealth().state());
        assertEquals(TargetHealthReasonEnum.TARGET_RESPONSE_CODE_MISMATCH, first.targetHealth().reason());
        assertEquals("Health checks failed with these codes: [502]", first.targetHealth().description());
        assertEquals("anomalous", first.anomalyDetection().resultAsString());
        assertEquals("i-0abc", described.get(1).target().id());
        assertEquals(null, described.get(1).target().port());
        assertTrue(health.responseMetadata().requestId() != null && !health.responseMetadata().requestId().isEmpty());
    }

    @Test
    void aTargetGroupNotFoundErrorArrivesAsTheSdksException() {
        TargetGroupNotFoundException e = assertThrows(TargetGroupNotFoundException.class,
                () -> elb.describeTargetHealth(r -> r.targetGroupArn(TG + "-missing")));
        assertEquals(400, e.statusCode());
        assertEquals("TargetGroupNotFound", e.awsErrorDetails().errorCode());
        assertEquals("One or more target groups not found: '" + TG + "-missing'.", e.awsErrorDetails().errorMessage());
        assertTrue(e.requestId() != null && !e.requestId().isEmpty(), "the request id is read from the error");
    }

    @Test
    void aMissingRequiredMemberIsTheServicesValidationError() {
        ElasticLoadBalancingV2Exception e = assertThrows(ElasticLoadBalancingV2Exception.class, () -> elb.describeTargetHealth(r -> { }));
        assertEquals(400, e.statusCode());
        assertEquals("ValidationError", e.awsErrorDetails().errorCode());
        assertTrue(e.awsErrorDetails().errorMessage().contains("Value null at 'TargetGroupArn'"), e.awsErrorDetails().errorMessage());
    }

    @Test
    void aThrottledCallIsThrottlingAsTheSdkKnowsIt() {
        sim.faults.configure(ApiFaults.Config.none().withRate(1, 1));
        elb.describeTags(r -> r.resourceArns(TG));
        ElasticLoadBalancingV2Exception e = assertThrows(ElasticLoadBalancingV2Exception.class, () -> elb.describeTags(r -> r.resourceArns(TG)));
        assertEquals("Throttling", e.awsErrorDetails().errorCode());
        assertEquals("Rate exceeded", e.awsErrorDetails().errorMessage());
        assertTrue(e.isThrottlingException(), "the SDK's retry policy sees it as throttling");
    }

    @Test
    void anOperationTheServiceDoesNotHaveIsInvalidAction() {
        ElasticLoadBalancingV2Exception e = assertThrows(ElasticLoadBalancingV2Exception.class, () -> elb.describeLoadBalancers(r -> { }));
        assertEquals("InvalidAction", e.awsErrorDetails().errorCode());
        assertTrue(e.awsErrorDetails().errorMessage().contains("DescribeLoadBalancers"), e.awsErrorDetails().errorMessage());
    }

    @Test
    void describeTagsParsesListsOfStructuresEscapedTextAndEmptyLists() throws IOException {
        DescribeTagsResponse tags = elb.describeTags(r -> r.resourceArns(TG, LB + "-untagged"));
        assertEquals(json("{'ResourceArns':['" + TG + "','" + LB + "-untagged']}"), sim.elb.lastRequest.get());
        assertEquals(2, tags.tagDescriptions().size());
        assertEquals(TG, tags.tagDescriptions().get(0).resourceArn());
        assertEquals(List.of(Tag.builder().key("team").value("web & <edge> \"ops\"").build(), Tag.builder().key("cost-centre").value("42").build()),
                tags.tagDescriptions().get(0).tags());
        assertEquals(List.of(), tags.tagDescriptions().get(1).tags());

        DescribeTagsResponse none = elb.describeTags(r -> r.resourceArns(List.of()));
        assertEquals(json("{'ResourceArns':[]}"), sim.elb.lastRequest.get(), "an empty list the SDK sends arrives as one");
        assertEquals(List.of(), none.tagDescriptions());
    }

    @Test
    void topLevelNumbersAndBooleansArriveTypedAndComeBackTyped() throws IOException {
        TargetGroup group = elb.modifyTargetGroup(r -> r.targetGroupArn(TG).healthCheckEnabled(false).healthCheckIntervalSeconds(15)
                .matcher(m -> m.httpCode("200-299"))).targetGroups().get(0);
        assertEquals(json("{'TargetGroupArn':'" + TG + "','HealthCheckEnabled':false,'HealthCheckIntervalSeconds':15,"
                + "'Matcher':{'HttpCode':'200-299'}}"), sim.elb.lastRequest.get());
        assertEquals(Boolean.FALSE, group.healthCheckEnabled());
        assertEquals(Integer.valueOf(15), group.healthCheckIntervalSeconds());
        assertEquals("200-299", group.matcher().httpCode());
    }

    @Test
    void deeplyNestedActionsAndMapsArriveAsTheTreeAndWeightsAreReadFromText() throws IOException {
        CreateListenerResponse created = elb.createListener(r -> r.loadBalancerArn(LB).port(443).defaultActions(
                a -> a.type(ActionTypeEnum.AUTHENTICATE_OIDC).order(1).authenticateOidcConfig(o -> o.issuer("https://idp.example.com")
                        .clientId("deck").authenticationRequestExtraParams(Map.of("prompt", "login"))),
                a -> a.type(ActionTypeEnum.FORWARD).order(2).forwardConfig(f -> f.targetGroups(
                        TargetGroupTuple.builder().targetGroupArn("blue").weight(90).build(),
                        TargetGroupTuple.builder().targetGroupArn("green").weight(10).build()))));

        JsonNode sent = sim.elb.lastRequest.get();
        assertEquals(443, sent.get("Port").intValue());
        assertEquals(json("{'prompt':'login'}"), sent.at("/DefaultActions/0/AuthenticateOidcConfig/AuthenticationRequestExtraParams"),
                "a map arrives as an object");
        assertEquals(json("[{'TargetGroupArn':'blue','Weight':'90'},{'TargetGroupArn':'green','Weight':'10'}]"),
                sent.at("/DefaultActions/1/ForwardConfig/TargetGroups"));

        Listener listener = created.listeners().get(0);
        assertEquals(Integer.valueOf(443), listener.port());
        assertEquals(List.of(90, 10), listener.defaultActions().get(1).forwardConfig().targetGroups().stream()
                .map(TargetGroupTuple::weight).toList(), "the weights were read from text as integers and came back as Integers");
    }

    @Test
    void anOperationWithoutOutputAnswersAnEmptyResult() throws IOException {
        elb.deleteListener(r -> r.listenerArn("arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/front/1/2"));
        assertEquals("arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/front/1/2",
                sim.elb.lastRequest.get().get("ListenerArn").asText());
    }

    @Test
    void theJsonServicesAreServedBesideTheQueryOne() {
        assertEquals(3, ecs.listClusters().clusterArns().size());
        assertEquals(2, elb.describeTags(r -> r.resourceArns(TG)).tagDescriptions().get(0).tags().size());
    }
}
