package dev.ecsdeck.provider.aws;

import java.net.URI;

/**
 * Where and as whom to call AWS: a named profile (null for the SDK's default chain), a region
 * (null to take the profile's or the environment's) and an endpoint override (null for AWS's own).
 */
public record AwsSettings(String profile, String region, URI endpoint) {

    /** Whether the endpoint is this machine, such as a served simulator. */
    public boolean loopbackEndpoint() {
        if (endpoint == null || endpoint.getHost() == null) {
            return false;
        }
        String host = endpoint.getHost();
        return host.equals("127.0.0.1") || host.equals("localhost") || host.equals("::1") || host.equals("[::1]");
    }
}
