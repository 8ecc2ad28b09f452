package dev.ecsdeck.sim.wire.elb;

import static dev.ecsdeck.sim.wire.RequestShape.Kind.BOOLEAN;
import static dev.ecsdeck.sim.wire.RequestShape.Kind.INTEGER;
import static dev.ecsdeck.sim.wire.RequestShape.Kind.STRING;
import static dev.ecsdeck.sim.wire.RequestShape.Kind.STRING_LIST;
import static dev.ecsdeck.sim.wire.RequestShape.Kind.STRUCTURE;
import static dev.ecsdeck.sim.wire.RequestShape.Kind.STRUCTURE_LIST;
import static dev.ecsdeck.sim.wire.RequestShape.of;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsdeck.model.Tag;
import dev.ecsdeck.sim.SimApiException;
import dev.ecsdeck.sim.SimEngine;
import dev.ecsdeck.sim.elb.Action;
import dev.ecsdeck.sim.elb.Certificate;
import dev.ecsdeck.sim.elb.CreateListenerRequest;
import dev.ecsdeck.sim.elb.CreateLoadBalancerRequest;
import dev.ecsdeck.sim.elb.CreateRuleRequest;
import dev.ecsdeck.sim.elb.CreateTargetGroupRequest;
import dev.ecsdeck.sim.elb.ElbApi;
import dev.ecsdeck.sim.elb.MarkedPage;
import dev.ecsdeck.sim.elb.Matcher;
import dev.ecsdeck.sim.elb.ModifyListenerRequest;
import dev.ecsdeck.sim.elb.ModifyTargetGroupRequest;
import dev.ecsdeck.sim.elb.RuleCondition;
import dev.ecsdeck.sim.elb.TargetDescription;
import dev.ecsdeck.sim.elb.TargetGroupAttribute;
import dev.ecsdeck.sim.wire.WireApi;
import dev.ecsdeck.sim.wire.WireRequest;
import dev.ecsdeck.sim.wire.json.WireJson;
import dev.ecsdeck.sim.wire.query.QueryMembers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Elastic Load Balancing v2 operations (API version 2015-12-01, AWS Query) on the simulator's
 * application load balancers. Members are named as the API model names them (PascalCase); each
 * answer is the operation's result shape, which the Query codec writes as XML in ELB's namespace.
 * Members the model has and the simulator does not implement are refused, never silently dropped.
 */
public final class ElbOperations {
    public static final String VERSION = "2015-12-01";
    public static final String NAMESPACE = "http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/";
    /** ELB spells one member of the records' otherwise plain capitalisation differently. */
    static final QueryMembers MEMBERS = new QueryMembers(Map.of("dnsName", "DNSName"));

    private final ElbApi elb;

    private ElbOperations(ElbApi elb) {
        this.elb = elb;
    }

    /** A subnet of CreateLoadBalancer's SubnetMappings: an application load balancer takes only its id. */
    record SubnetMapping(String subnetId, String allocationId, String privateIPv4Address, String iPv6Address) {}

    /** One pair of SetRulePriorities. */
    record RulePriority(String ruleArn, Integer priority) {}

    public static WireApi api(SimEngine engine) {
        ElbOperations o = new ElbOperations(engine.loadBalancing());
        return new WireApi(VERSION, "Elastic Load Balancing v2", "ValidationError", "InternalFailure", NAMESPACE)
                .add("CreateLoadBalancer", of().required("Name", STRING).member("Subnets", STRING_LIST).member("SubnetMappings", STRUCTURE_LIST)
                        .member("SecurityGroups", STRING_LIST).member("Scheme", STRING).member("Tags", STRUCTURE_LIST).member("Type", STRING)
                        .member("IpAddressType", STRING).member("CustomerOwnedIpv4Pool", STRING).member("EnablePrefixForIpv6SourceNat", STRING)
                        .member("IpamPools", STRUCTURE), true, o::createLoadBalancer)
                .add("DescribeLoadBalancers", of().member("LoadBalancerArns", STRING_LIST).member("Names", STRING_LIST).member("Marker", STRING)
                        .member("PageSize", INTEGER), false, o::describeLoadBalancers)
                .add("DeleteLoadBalancer", of().required("LoadBalancerArn", STRING), true, o::deleteLoadBalancer)
                .add("CreateTargetGroup", of().required("Name", STRING).member("Protocol", STRING).member("ProtocolVersion", STRING)
                        .member("Port", INTEGER).member("VpcId", STRING).member("HealthCheckProtocol", STRING).member("HealthCheckPort", STRING)
                        .member("HealthCheckEnabled", BOOLEAN).member("HealthCheckPath", STRING).member("HealthCheckIntervalSeconds", INTEGER)
                        .member("HealthCheckTimeoutSeconds", INTEGER).member("HealthyThresholdCount", INTEGER)
                        .member("UnhealthyThresholdCount", INTEGER).member("Matcher", STRUCTURE).member("TargetType", STRING)
                        .member("Tags", STRUCTURE_LIST).member("IpAddressType", STRING).member("TargetControlPort", INTEGER), true,
                        o::createTargetGroup)
                .add("DescribeTargetGroups", of().member("LoadBalancerArn", STRING).member("TargetGroupArns", STRING_LIST)
                        .member("Names", STRING_LIST).member("Marker", STRING).member("PageSize", INTEGER), false, o::describeTargetGroups)
                .add("ModifyTargetGroup", of().required("TargetGroupArn", STRING).member("HealthCheckProtocol", STRING)
                        .member("HealthCheckPort", STRING).member("HealthCheckPath", STRING).member("HealthCheckEnabled", BOOLEAN)
                        .member("HealthCheckIntervalSeconds", INTEGER).member("HealthCheckTimeoutSeconds", INTEGER)
                        .member("HealthyThresholdCount", INTEGER).member("UnhealthyThresholdCount", INTEGER).member("Matcher", STRUCTURE),
                        true, o::modifyTargetGroup)
                .add("DeleteTargetGroup", of().required("TargetGroupArn", STRING), true, o::deleteTargetGroup)
                .add("DescribeTargetGroupAttributes", of().required("TargetGroupArn", STRING), false, o::describeTargetGroupAttributes)
                .add("ModifyTargetGroupAttributes", of().required("TargetGroupArn", STRING).required("Attributes", STRUCTURE_LIST), true,
                        o::modifyTargetGroupAttributes)
                .add("CreateListener", of().required("LoadBalancerArn", STRING).member("Protocol", STRING).member("Port", INTEGER)
                        .member("SslPolicy", STRING).member("Certificates", STRUCTURE_LIST).required("DefaultActions", STRUCTURE_LIST)
                        .member("AlpnPolicy", STRING_LIST).member("Tags", STRUCTURE_LIST).member("MutualAuthentication", STRUCTURE), true,
                        o::createListener)
                .add("DescribeListeners", of().member("LoadBalancerArn", STRING).member("ListenerArns", STRING_LIST).member("Marker", STRING)
                        .member("PageSize", INTEGER), false, o::describeListeners)
                .add("ModifyListener", of().required("ListenerArn", STRING).member("Port", INTEGER).member("Protocol", STRING)
                        .member("SslPolicy", STRING).member("Certificates", STRUCTURE_LIST).member("DefaultActions", STRUCTURE_LIST)
                        .member("AlpnPolicy", STRING_LIST).member("MutualAuthentication", STRUCTURE), true, o::modifyListener)
                .add("DeleteListener", of().required("ListenerArn", STRING), true, o::deleteListener)
                .add("CreateRule", of().required("ListenerArn", STRING).required("Conditions", STRUCTURE_LIST).required("Priority", INTEGER)
                        .required("Actions", STRUCTURE_LIST).member("Tags", STRUCTURE_LIST).member("Transforms", STRUCTURE_LIST), true,
                        o::createRule)
                .add("DescribeRules", of().member("ListenerArn", STRING).member("RuleArns", STRING_LIST).member("Marker", STRING)
                        .member("PageSize", INTEGER), false, o::describeRules)
                .add("ModifyRule", of().required("RuleArn", STRING).member("Conditions", STRUCTURE_LIST).member("Actions", STRUCTURE_LIST)
                        .member("Transforms", STRUCTURE_LIST).member("ResetTransforms", BOOLEAN), true, o::modifyRule)
                .add("DeleteRule", of().required("RuleArn", STRING), true, o::deleteRule)
                .add("SetRulePriorities", of().required("RulePriorities", STRUCTURE_LIST), true, o::setRulePriorities)
                .add("RegisterTargets", of().required("TargetGroupArn", STRING).required("Targets", STRUCTURE_LIST), true, o::registerTargets)
                .add("DeregisterTargets", of().required("TargetGroupArn", STRING).required("Targets", STRUCTURE_LIST), true,
                        o::deregisterTargets)
                .add("DescribeTargetHealth", of().required("TargetGroupArn", STRING).member("Targets", STRUCTURE_LIST)
                        .member("Include", STRING_LIST), false, o::describeTargetHealth)
                .add("AddTags", of().required("ResourceArns", STRING_LIST).required("Tags", STRUCTURE_LIST), true, o::addTags)
                .add("RemoveTags", of().required("ResourceArns", STRING_LIST).required("TagKeys", STRING_LIST), true, o::removeTags)
                .add("DescribeTags", of().required("ResourceArns", STRING_LIST), false, o::describeTags);
    }

    private JsonNode createLoadBalancer(WireRequest r) {
        unsupported(r, "CreateLoadBalancer", "CustomerOwnedIpv4Pool", "EnablePrefixForIpv6SourceNat", "IpamPools");
        List<String> subnets = r.strings("Subnets");
        List<SubnetMapping> mappings = MEMBERS.bindList(r, "SubnetMappings", SubnetMapping.class);
        if (mappings != null && !mappings.isEmpty()) {
            if (subnets != null && !subnets.isEmpty()) {
                throw new SimApiException("ValidationError", "You can specify subnets or subnet mappings, not both");
            }
            subnets = new ArrayList<>();
            for (SubnetMapping m : mappings) {
                if (m.allocationId() != null || m.privateIPv4Address() != null || m.iPv6Address() != null) {
                    throw new SimApiException("InvalidConfigurationRequest",
                            "Elastic IP addresses and private IP addresses can be assigned only to Network Load Balancers");
                }
                subnets.add(m.subnetId());
            }
        }
        CreateLoadBalancerRequest request = new CreateLoadBalancerRequest(r.string("Name"), subnets, r.strings("SecurityGroups"),
                r.string("Scheme"), tags(r), r.string("Type"), r.string("IpAddressType"));
        return MEMBERS.answer("LoadBalancers", List.of(elb.createLoadBalancer(request)));
    }

    private JsonNode describeLoadBalancers(WireRequest r) {
        return page("LoadBalancers", elb.describeLoadBalancers(r.strings("LoadBalancerArns"), r.strings("Names"), r.string("Marker"),
                r.integer("PageSize")));
    }

    private JsonNode deleteLoadBalancer(WireRequest r) {
        elb.deleteLoadBalancer(r.string("LoadBalancerArn"));
        return WireJson.object();
    }

    private JsonNode createTargetGroup(WireRequest r) {
        unsupported(r, "CreateTargetGroup", "TargetControlPort");
        CreateTargetGroupRequest request = new CreateTargetGroupRequest(r.string("Name"), r.string("Protocol"), r.string("ProtocolVersion"),
                r.integer("Port"), r.string("VpcId"), r.string("HealthCheckProtocol"), r.string("HealthCheckPort"), r.bool("HealthCheckEnabled"),
                r.string("HealthCheckPath"), r.integer("HealthCheckIntervalSeconds"), r.integer("HealthCheckTimeoutSeconds"),
                r.integer("HealthyThresholdCount"), r.integer("UnhealthyThresholdCount"), MEMBERS.bind(r, "Matcher", Matcher.class),
                r.string("TargetType"), tags(r), r.string("IpAddressType"));
        return MEMBERS.answer("TargetGroups", List.of(elb.createTargetGroup(request)));
    }

    private JsonNode describeTargetGroups(WireRequest r) {
        return page("TargetGroups", elb.describeTargetGroups(r.string("LoadBalancerArn"), r.strings("TargetGroupArns"), r.strings("Names"),
                r.string("Marker"), r.integer("PageSize")));
    }

    private JsonNode modifyTargetGroup(WireRequest r) {
        ModifyTargetGroupRequest request = new ModifyTargetGroupRequest(r.string("TargetGroupArn"), r.string("HealthCheckProtocol"),
                r.string("HealthCheckPort"), r.string("HealthCheckPath"), r.bool("HealthCheckEnabled"), r.integer("HealthCheckIntervalSeconds"),
                r.integer("HealthCheckTimeoutSeconds"), r.integer("HealthyThresholdCount"), r.integer("UnhealthyThresholdCount"),
                MEMBERS.bind(r, "Matcher", Matcher.class));
        return MEMBERS.answer("TargetGroups", List.of(elb.modifyTargetGroup(request)));
    }

    private JsonNode deleteTargetGroup(WireRequest r) {
        elb.deleteTargetGroup(r.string("TargetGroupArn"));
        return WireJson.object();
    }

    private JsonNode describeTargetGroupAttributes(WireRequest r) {
        return MEMBERS.answer("Attributes", elb.describeTargetGroupAttributes(r.string("TargetGroupArn")));
    }

    private JsonNode modifyTargetGroupAttributes(WireRequest r) {
        return MEMBERS.answer("Attributes", elb.modifyTargetGroupAttributes(r.string("TargetGroupArn"),
                MEMBERS.bindList(r, "Attributes", TargetGroupAttribute.class)));
    }

    private JsonNode createListener(WireRequest r) {
        unsupported(r, "CreateListener", "AlpnPolicy", "MutualAuthentication");
        CreateListenerRequest request = new CreateListenerRequest(r.string("LoadBalancerArn"), r.string("Protocol"), r.integer("Port"),
                r.string("SslPolicy"), MEMBERS.bindList(r, "Certificates", Certificate.class), MEMBERS.bindList(r, "DefaultActions", Action.class),
                tags(r));
        return MEMBERS.answer("Listeners", List.of(elb.createListener(request)));
    }

    private JsonNode describeListeners(WireRequest r) {
        return page("Listeners", elb.describeListeners(r.string("LoadBalancerArn"), r.strings("ListenerArns"), r.string("Marker"),
                r.integer("PageSize")));
    }

    private JsonNode modifyListener(WireRequest r) {
        unsupported(r, "ModifyListener", "AlpnPolicy", "MutualAuthentication");
        ModifyListenerRequest request = new ModifyListenerRequest(r.string("ListenerArn"), r.integer("Port"), r.string("Protocol"),
                r.string("SslPolicy"), MEMBERS.bindList(r, "Certificates", Certificate.class), MEMBERS.bindList(r, "DefaultActions", Action.class));
        return MEMBERS.answer("Listeners", List.of(elb.modifyListener(request)));
    }

    private JsonNode deleteListener(WireRequest r) {
        elb.deleteListener(r.string("ListenerArn"));
        return WireJson.object();
    }

    private JsonNode createRule(WireRequest r) {
        unsupported(r, "CreateRule", "Transforms");
        CreateRuleRequest request = new CreateRuleRequest(r.string("ListenerArn"), MEMBERS.bindList(r, "Conditions", RuleCondition.class),
                r.integer("Priority"), MEMBERS.bindList(r, "Actions", Action.class), tags(r));
        return MEMBERS.answer("Rules", List.of(elb.createRule(request)));
    }

    private JsonNode describeRules(WireRequest r) {
        return page("Rules", elb.describeRules(r.string("ListenerArn"), r.strings("RuleArns"), r.string("Marker"), r.integer("PageSize")));
    }

    /** ResetTransforms is accepted: the simulator's rules have no transforms to reset. */
    private JsonNode modifyRule(WireRequest r) {
        unsupported(r, "ModifyRule", "Transforms");
        return MEMBERS.answer("Rules", List.of(elb.modifyRule(r.string("RuleArn"), MEMBERS.bindList(r, "Conditions", RuleCondition.class),
                MEMBERS.bindList(r, "Actions", Action.class))));
    }

    private JsonNode deleteRule(WireRequest r) {
        elb.deleteRule(r.string("RuleArn"));
        return WireJson.object();
    }

    private JsonNode setRulePriorities(WireRequest r) {
        Map<String, Integer> priorities = new LinkedHashMap<>();
        for (RulePriority p : MEMBERS.bindList(r, "RulePriorities", RulePriority.class)) {
            if (p.ruleArn() == null || p.priority() == null) {
                throw new SimApiException("ValidationError", "Each rule priority pair must have a rule ARN and a priority");
            }
            if (priorities.put(p.ruleArn(), p.priority()) != null) {
                throw new SimApiException("ValidationError", "Rule '" + p.ruleArn() + "' is specified more than once");
            }
        }
        return MEMBERS.answer("Rules", elb.setRulePriorities(priorities));
    }

    private JsonNode registerTargets(WireRequest r) {
        elb.registerTargets(r.string("TargetGroupArn"), MEMBERS.bindList(r, "Targets", TargetDescription.class));
        return WireJson.object();
    }

    private JsonNode deregisterTargets(WireRequest r) {
        elb.deregisterTargets(r.string("TargetGroupArn"), MEMBERS.bindList(r, "Targets", TargetDescription.class));
        return WireJson.object();
    }

    /** Include (anomaly detection) adds nothing: the simulator's targets have no anomaly detection to show. */
    private JsonNode describeTargetHealth(WireRequest r) {
        return MEMBERS.answer("TargetHealthDescriptions", elb.describeTargetHealth(r.string("TargetGroupArn"),
                MEMBERS.bindList(r, "Targets", TargetDescription.class)));
    }

    private JsonNode addTags(WireRequest r) {
        elb.addTags(r.strings("ResourceArns"), tags(r));
        return WireJson.object();
    }

    private JsonNode removeTags(WireRequest r) {
        elb.removeTags(r.strings("ResourceArns"), r.strings("TagKeys"));
        return WireJson.object();
    }

    private JsonNode describeTags(WireRequest r) {
        return MEMBERS.answer("TagDescriptions", elb.describeTags(r.strings("ResourceArns")));
    }

    private static List<Tag> tags(WireRequest r) {
        return MEMBERS.bindList(r, "Tags", Tag.class);
    }

    private static ObjectNode page(String member, MarkedPage<?> page) {
        ObjectNode out = MEMBERS.answer(member, page.items());
        if (page.nextMarker() != null) {
            out.put("NextMarker", page.nextMarker());
        }
        return out;
    }

    /** A member of the model the simulator does not implement: refused, so nobody takes its absence for its effect. */
    private static void unsupported(WireRequest r, String operation, String... members) {
        for (String member : members) {
            JsonNode v = r.node(member);
            if (v != null && !(v.isArray() && v.isEmpty())) {
                throw new SimApiException("ValidationError", "The simulator does not support " + member + " in " + operation + ".");
            }
        }
    }
}
