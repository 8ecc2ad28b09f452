package dev.ecsdeck.sim.ecs;

import dev.ecsdeck.model.NetworkConfiguration;
import dev.ecsdeck.sim.SimApiException;
import java.util.regex.Pattern;

/**
 * The simulator has no VPC: it accepts any well-formed subnet and security group id, and checks
 * only that awsvpc tasks have a network configuration, as ECS does.
 */
final class NetworkChecks {
    private static final Pattern SUBNET = Pattern.compile("subnet-[0-9a-zA-Z]{1,32}");
    private static final Pattern SECURITY_GROUP = Pattern.compile("sg-[0-9a-zA-Z]{1,32}");

    private NetworkChecks() {}

    static void check(SimTaskDefinition td, NetworkConfiguration network) {
        boolean awsvpc = "awsvpc".equals(td.networkMode);
        if (awsvpc && (network == null || network.awsvpcConfiguration() == null)) {
            throw SimApiException.invalidParameter("Network Configuration must be provided when networkMode 'awsvpc' is specified.");
        }
        if (!awsvpc && network != null && network.awsvpcConfiguration() != null) {
            throw SimApiException.invalidParameter("Network Configuration is not valid for the given networkMode of this task definition.");
        }
        if (network == null || network.awsvpcConfiguration() == null) {
            return;
        }
        var vpc = network.awsvpcConfiguration();
        if (vpc.subnets().isEmpty()) {
            throw SimApiException.invalidParameter("subnets can not be empty.");
        }
        for (String subnet : vpc.subnets()) {
            if (!SUBNET.matcher(subnet).matches()) {
                throw SimApiException.invalidParameter("Error retrieving subnet information for [" + subnet + "]: The subnet ID '"
                        + subnet + "' is malformed");
            }
        }
        for (String sg : vpc.securityGroups()) {
            if (!SECURITY_GROUP.matcher(sg).matches()) {
                throw SimApiException.invalidParameter("Error retrieving security group information for [" + sg
                        + "]: The security group '" + sg + "' is malformed");
            }
        }
    }
}
