package dev.ecsdeck.sim.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ActionTypeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeLoadBalancersResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTargetGroupsResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DuplicateLoadBalancerNameException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ElasticLoadBalancingV2Exception;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.InvalidTargetException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Listener;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerStateEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerTypeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.OperationNotPermittedException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.PriorityInUseException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ProtocolEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Rule;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.RuleNotFoundException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TagDescription;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroup;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupNotFoundException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthDescription;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthReasonEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthStateEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetTypeEnum;

/**
 * The real SDK v2 Elastic Load Balancing v2 client against the served simulator, as a user points it
 * at {@code serve-sim}: it builds an application load balancer, two {@code ip} target groups, a
 * listener with a weighted forward and a path rule, pages through Describe calls, watches targets'
 * health move on the simulator's manual clock, and gets ELB's errors as its typed exceptions.
 */
class ElbWireTest {
    private static final String VPC = "vpc-0a1b2c3d";

    private WireFixture sim;
    private ElasticLoadBalancingV2Client elb;

    @BeforeEach
    void start() throws IOException {
        sim = WireFixture.empty();
        elb = SdkClients.against(sim.endpoint(), ElasticLoadBalancingV2Client.builder());
    }

    @AfterEach
    void close() {
        elb.close();
        sim.close();
    }

    private LoadBalancer alb(String name) {
        return elb.createLoadBalancer(r -> r.name(name).subnets("subnet-0aa", "subnet-0bb").securityGroups("sg-0web")
                .tags(t -> t.key("team").value("web"))).loadBalancers().get(0);
    }

    private TargetGroup ipGroup(String name) {
        return elb.createTargetGroup(r -> r.name(name).protocol(ProtocolEnum.HTTP).port(80).vpcId(VPC).targetType(TargetTypeEnum.IP)
                .healthCheckPath("/health").matcher(m -> m.httpCode("200-299"))).targetGroups().get(0);
    }

    @Test
    void anAlbWithTwoIpTargetGroupsAWeightedListenerAndAPathRule() {
        LoadBalancer lb = alb("front");
        assertEquals("front", lb.loadBalancerName());
        assertEquals(LoadBalancerTypeEnum.APPLICATION, lb.type());
        assertEquals(LoadBalancerStateEnum.PROVISIONING, lb.state().code());
        assertTrue(lb.dnsName().startsWith("front-") && lb.dnsName().endsWith(".us-east-1.elb.amazonaws.com"), lb.dnsName());
        assertEquals(sim.clock.now(), lb.createdTime(), "CreatedTime, ISO-8601 on the wire, parsed to the instant it was created");
        assertEquals(List.of("subnet-0aa", "subnet-0bb"), lb.availabilityZones().stream().map(z -> z.subnetId()).toList());
        sim.clock.advance(Duration.ofSeconds(10));
        assertEquals(LoadBalancerStateEnum.ACTIVE, elb.describeLoadBalancers(r -> r.names("front")).loadBalancers().get(0).state().code());

        TargetGroup blue = ipGroup("front-blue");
        TargetGroup green = ipGroup("front-green");
        assertEquals(TargetTypeEnum.IP, blue.targetType());
        assertEquals("200-299", blue.matcher().httpCode());
        assertEquals("/health", blue.healthCheckPath());
        assertEquals(List.of(), blue.loadBalancerArns(), "no listener uses it yet");

        Listener listener = elb.createListener(r -> r.loadBalancerArn(lb.loadBalancerArn()).protocol(ProtocolEnum.HTTP).port(80)
                .defaultActions(a -> a.type(ActionTypeEnum.FORWARD).forwardConfig(f -> f.targetGroups(
                        g -> g.targetGroupArn(blue.targetGroupArn()).weight(80), g -> g.targetGroupArn(green.targetGroupArn()).weight(20)))))
                .listeners().get(0);
        assertEquals(Map.of(blue.targetGroupArn(), 80, green.targetGroupArn(), 20), weights(listener.defaultActions().get(0)));
        Rule api = elb.createRule(r -> r.listenerArn(listener.listenerArn()).priority(10)
                .conditions(c -> c.field("path-pattern").pathPatternConfig(p -> p.values("/api/*")))
                .actions(a -> a.type(ActionTypeEnum.FORWARD).targetGroupArn(green.targetGroupArn()))).rules().get(0);
        assertEquals("10", api.priority());
        assertEquals(List.of("/api/*"), api.conditions().get(0).pathPatternConfig().values());

        List<Rule> rules = elb.describeRules(r -> r.listenerArn(listener.listenerArn())).rules();
        assertEquals(List.of("10", "default"), rules.stream().map(Rule::priority).toList());
        assertEquals(List.of(false, true), rules.stream().map(Rule::isDefault).toList());
        assertEquals(Map.of(blue.targetGroupArn(), 80, green.targetGroupArn(), 20), weights(rules.get(1).actions().get(0)),
                "the default rule is the listener's default actions");
        assertEquals(List.of(lb.loadBalancerArn()), elb.describeTargetGroups(r -> r.names("front-blue")).targetGroups().get(0)
                .loadBalancerArns());

        Listener moved = elb.modifyListener(r -> r.listenerArn(listener.listenerArn()).defaultActions(a -> a.type(ActionTypeEnum.FORWARD)
                .forwardConfig(f -> f.targetGroups(g -> g.targetGroupArn(blue.targetGroupArn()).weight(0),
                        g -> g.targetGroupArn(green.targetGroupArn()).weight(100))))).listeners().get(0);
        assertEquals(Map.of(blue.targetGroupArn(), 0, green.targetGroupArn(), 100), weights(moved.defaultActions().get(0)));
        Rule renumbered = elb.setRulePriorities(r -> r.rulePriorities(p -> p.ruleArn(api.ruleArn()).priority(5))).rules().get(0);
        assertEquals("5", renumbered.priority());
        Rule redirected = elb.modifyRule(r -> r.ruleArn(api.ruleArn()).actions(a -> a.type(ActionTypeEnum.REDIRECT)
                .redirectConfig(c -> c.protocol("HTTPS").port("443").statusCode("HTTP_301")))).rules().get(0);
        assertEquals("HTTPS", redirected.actions().get(0).redirectConfig().protocol());

        OperationNotPermittedException e = assertThrows(OperationNotPermittedException.class,
                () -> elb.deleteRule(r -> r.ruleArn(rules.get(1).ruleArn())));
        assertEquals("The default rule cannot be deleted", e.awsErrorDetails().errorMessage());
        elb.deleteRule(r -> r.ruleArn(api.ruleArn()));
        elb.deleteListener(r -> r.listenerArn(listener.listenerArn()));
        elb.deleteTargetGroup(r -> r.targetGroupArn(green.targetGroupArn()));
        elb.deleteLoadBalancer(r -> r.loadBalancerArn(lb.loadBalancerArn()));
        assertEquals(List.of("front-blue"), elb.describeTargetGroups().targetGroups().stream().map(TargetGroup::targetGroupName).toList());
        assertEquals(List.of(), elb.describeLoadBalancers().loadBalancers());
    }

    private static Map<String, Integer> weights(Action forward) {
        return forward.forwardConfig().targetGroups().stream().collect(Collectors.toMap(t -> t.targetGroupArn(), t -> t.weight()));
    }

    @Test
    void describeCallsPageWithMarkers() {
        alb("one");
        alb("two");
        alb("three");
        for (String name : List.of("g1", "g2", "g3", "g4", "g5")) {
            ipGroup(name);
        }
        DescribeLoadBalancersResponse first = elb.describeLoadBalancers(r -> r.pageSize(2));
        assertEquals(List.of("one", "two"), first.loadBalancers().stream().map(LoadBalancer::loadBalancerName).toList());
        assertNotNull(first.nextMarker());
        DescribeLoadBalancersResponse second = elb.describeLoadBalancers(r -> r.pageSize(2).marker(first.nextMarker()));
        assertEquals(List.of("three"), second.loadBalancers().stream().map(LoadBalancer::loadBalancerName).toList());
        assertNull(second.nextMarker());

        List<String> names = elb.describeTargetGroupsPaginator(r -> r.pageSize(2)).targetGroups().stream()
                .map(TargetGroup::targetGroupName).toList();
        assertEquals(List.of("g1", "g2", "g3", "g4", "g5"), names, "the SDK's paginator follows NextMarker");
        DescribeTargetGroupsResponse last = elb.describeTargetGroups(r -> r.pageSize(5));
        assertNull(last.nextMarker());
        assertEquals(3, elb.describeLoadBalancersPaginator(r -> r.pageSize(1)).stream().count(), "three pages of one");

        ElasticLoadBalancingV2Exception bad = assertThrows(ElasticLoadBalancingV2Exception.class,
                () -> elb.describeTargetGroups(r -> r.pageSize(401)));
        assertEquals("ValidationError", bad.awsErrorDetails().errorCode());
        assertEquals("Page size must be from 1 to 400", bad.awsErrorDetails().errorMessage());
    }

    @Test
    void registeredTargetsMoveThroughTheirHealthStatesOnTheClock() {
        LoadBalancer lb = alb("front");
        TargetGroup g = ipGroup("web");
        elb.registerTargets(r -> r.targetGroupArn(g.targetGroupArn()).targets(t -> t.id("10.0.1.17").port(8080), t -> t.id("10.0.1.18")));
        TargetHealthDescription unused = elb.describeTargetHealth(r -> r.targetGroupArn(g.targetGroupArn())).targetHealthDescriptions().get(0);
        assertEquals(TargetHealthStateEnum.UNUSED, unused.targetHealth().state(), "no listener sends it traffic yet");
        assertEquals(TargetHealthReasonEnum.TARGET_NOT_IN_USE, unused.targetHealth().reason());

        elb.createListener(r -> r.loadBalancerArn(lb.loadBalancerArn()).protocol(ProtocolEnum.HTTP).port(80)
                .defaultActions(a -> a.type(ActionTypeEnum.FORWARD).targetGroupArn(g.targetGroupArn())));
        elb.deregisterTargets(r -> r.targetGroupArn(g.targetGroupArn()).targets(t -> t.id("10.0.1.18")));
        sim.clock.advance(Duration.ofSeconds(301)); // the default deregistration delay, 300 s
        elb.registerTargets(r -> r.targetGroupArn(g.targetGroupArn()).targets(t -> t.id("10.0.1.18")));
        List<TargetHealthDescription> health = elb.describeTargetHealth(r -> r.targetGroupArn(g.targetGroupArn())
                .targets(t -> t.id("10.0.1.18"))).targetHealthDescriptions();
        assertEquals(1, health.size());
        assertEquals("10.0.1.18", health.get(0).target().id());
        assertEquals(Integer.valueOf(80), health.get(0).target().port(), "the group's port when none is given");
        assertEquals("80", health.get(0).healthCheckPort(), "the port the checks go to (the traffic port)");
        assertEquals(TargetHealthStateEnum.INITIAL, health.get(0).targetHealth().state());
        assertEquals(TargetHealthReasonEnum.ELB_REGISTRATION_IN_PROGRESS, health.get(0).targetHealth().reason());
        assertEquals("Target registration is in progress", health.get(0).targetHealth().description());

        sim.clock.advance(Duration.ofSeconds(6));
        assertEquals(TargetHealthReasonEnum.ELB_INITIAL_HEALTH_CHECKING, reason(g, "10.0.1.18"));
        sim.clock.advance(Duration.ofSeconds(40)); // checks at 10 s and 40 s: nobody answers at the address
        TargetHealthDescription failed = one(g, "10.0.1.18");
        assertEquals(TargetHealthStateEnum.UNHEALTHY, failed.targetHealth().state());
        assertEquals(TargetHealthReasonEnum.TARGET_TIMEOUT, failed.targetHealth().reason());
        assertEquals("Request timed out", failed.targetHealth().description());

        elb.deregisterTargets(r -> r.targetGroupArn(g.targetGroupArn()).targets(t -> t.id("10.0.1.18")));
        assertEquals(TargetHealthStateEnum.DRAINING, one(g, "10.0.1.18").targetHealth().state());
        assertEquals(TargetHealthReasonEnum.TARGET_DEREGISTRATION_IN_PROGRESS, reason(g, "10.0.1.18"));
        sim.clock.advance(Duration.ofSeconds(301));
        TargetHealthDescription gone = one(g, "10.0.1.18");
        assertEquals(TargetHealthStateEnum.UNUSED, gone.targetHealth().state());
        assertEquals(TargetHealthReasonEnum.TARGET_NOT_REGISTERED, gone.targetHealth().reason());
        assertEquals(List.of("10.0.1.17"), elb.describeTargetHealth(r -> r.targetGroupArn(g.targetGroupArn())).targetHealthDescriptions()
                .stream().map(d -> d.target().id()).toList());
    }

    private TargetHealthDescription one(TargetGroup g, String ip) {
        return elb.describeTargetHealth(r -> r.targetGroupArn(g.targetGroupArn()).targets(t -> t.id(ip))).targetHealthDescriptions().get(0);
    }

    private TargetHealthReasonEnum reason(TargetGroup g, String ip) {
        return one(g, ip).targetHealth().reason();
    }

    @Test
    void elbErrorsArriveAsTheSdksTypedExceptionsWithElbsMessages() {
        LoadBalancer lb = alb("front");
        TargetGroup g = ipGroup("web");
        String missingGroup = g.targetGroupArn().replaceFirst("/[0-9a-f]+$", "/0000000000000000");

        TargetGroupNotFoundException notFound = assertThrows(TargetGroupNotFoundException.class,
                () -> elb.describeTargetHealth(r -> r.targetGroupArn(missingGroup)));
        assertEquals("TargetGroupNotFound", notFound.awsErrorDetails().errorCode());
        assertEquals("One or more target groups not found", notFound.awsErrorDetails().errorMessage());
        assertEquals(400, notFound.statusCode());

        DuplicateLoadBalancerNameException duplicate = assertThrows(DuplicateLoadBalancerNameException.class,
                () -> elb.createLoadBalancer(r -> r.name("front").subnets("subnet-0cc", "subnet-0dd")));
        assertEquals("A load balancer with the same name 'front' exists, but with different settings", duplicate.awsErrorDetails().errorMessage());
        assertEquals(lb.loadBalancerArn(), alb("front").loadBalancerArn(), "the same settings again are the same load balancer");

        Listener listener = elb.createListener(r -> r.loadBalancerArn(lb.loadBalancerArn()).protocol(ProtocolEnum.HTTP).port(80)
                .defaultActions(a -> a.type(ActionTypeEnum.FORWARD).targetGroupArn(g.targetGroupArn()))).listeners().get(0);
        elb.createRule(r -> r.listenerArn(listener.listenerArn()).priority(7).conditions(c -> c.field("host-header").values("a.example.com"))
                .actions(a -> a.type(ActionTypeEnum.FORWARD).targetGroupArn(g.targetGroupArn())));
        PriorityInUseException inUse = assertThrows(PriorityInUseException.class, () -> elb.createRule(r -> r.listenerArn(listener.listenerArn())
                .priority(7).conditions(c -> c.field("path-pattern").values("/b")).actions(a -> a.type(ActionTypeEnum.FORWARD)
                        .targetGroupArn(g.targetGroupArn()))));
        assertEquals("Priority '7' is currently in use", inUse.awsErrorDetails().errorMessage());

        assertThrows(RuleNotFoundException.class, () -> elb.deleteRule(r -> r.ruleArn(listener.listenerArn()
                .replace(":listener/", ":listener-rule/") + "/0000000000000000")));
        InvalidTargetException publicIp = assertThrows(InvalidTargetException.class,
                () -> elb.registerTargets(r -> r.targetGroupArn(g.targetGroupArn()).targets(t -> t.id("8.8.8.8"))));
        assertTrue(publicIp.awsErrorDetails().errorMessage().contains("not in a private range"), publicIp.awsErrorDetails().errorMessage());

        ElasticLoadBalancingV2Exception missing = assertThrows(ElasticLoadBalancingV2Exception.class,
                () -> elb.createRule(r -> r.listenerArn(listener.listenerArn()).priority(8)));
        assertEquals("ValidationError", missing.awsErrorDetails().errorCode());
        assertTrue(missing.awsErrorDetails().errorMessage().contains("Value null at 'Conditions'"), missing.awsErrorDetails().errorMessage());

        ElasticLoadBalancingV2Exception unsupported = assertThrows(ElasticLoadBalancingV2Exception.class,
                () -> elb.createTargetGroup(r -> r.name("ctl").protocol(ProtocolEnum.HTTP).port(80).vpcId(VPC).targetControlPort(9000)));
        assertEquals("The simulator does not support TargetControlPort in CreateTargetGroup.", unsupported.awsErrorDetails().errorMessage());
    }

    @Test
    void tagsAreAddedDescribedAndRemoved() {
        LoadBalancer lb = alb("front");
        TargetGroup g = ipGroup("web");
        elb.addTags(r -> r.resourceArns(lb.loadBalancerArn(), g.targetGroupArn()).tags(t -> t.key("env").value("prod & <test>")));
        elb.removeTags(r -> r.resourceArns(lb.loadBalancerArn()).tagKeys("team"));
        List<TagDescription> tags = elb.describeTags(r -> r.resourceArns(lb.loadBalancerArn(), g.targetGroupArn())).tagDescriptions();
        assertEquals(List.of(lb.loadBalancerArn(), g.targetGroupArn()), tags.stream().map(TagDescription::resourceArn).toList());
        assertEquals(Map.of("env", "prod & <test>"), tags.get(0).tags().stream().collect(Collectors.toMap(t -> t.key(), t -> t.value())));
        assertEquals(Map.of("env", "prod & <test>"), tags.get(1).tags().stream().collect(Collectors.toMap(t -> t.key(), t -> t.value())));

        var attributes = elb.modifyTargetGroupAttributes(r -> r.targetGroupArn(g.targetGroupArn())
                .attributes(a -> a.key("deregistration_delay.timeout_seconds").value("30"))).attributes();
        assertTrue(attributes.stream().anyMatch(a -> a.key().equals("deregistration_delay.timeout_seconds") && a.value().equals("30")));
        assertFalse(elb.describeTargetGroupAttributes(r -> r.targetGroupArn(g.targetGroupArn())).attributes().isEmpty());
        Instant created = elb.describeLoadBalancers(r -> r.loadBalancerArns(lb.loadBalancerArn())).loadBalancers().get(0).createdTime();
        assertEquals(lb.createdTime(), created);
    }
}
