package dev.ecsdeck.sim.ecs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The CreateService/UpdateService members a service keeps and shows that its scheduler does not act
 * on: the platform version, service registries, volume configurations, the IAM role and Availability
 * Zone rebalancing. The first three are part of what a rollout deploys (changing one starts a new
 * service revision, as UpdateService's documentation says); each revision remembers the ones it deployed.
 */
final class ServiceSettings {
    /** The deployed part: platform version as given (null: LATEST), service registries and volume configurations as given. */
    record Workload(String platformVersion, JsonNode serviceRegistries, JsonNode volumeConfigurations) {
        static final Workload NONE = new Workload(null, JsonNodeFactory.instance.arrayNode(), JsonNodeFactory.instance.arrayNode());
    }

    Workload workload = Workload.NONE;
    /** The role's ARN (a name given is made an ARN of the service's account); null: none given. */
    String roleArn;
    /** ENABLED unless CreateService said otherwise, as the model documents the default. */
    String availabilityZoneRebalancing = "ENABLED";
    /** What each revision deployed, by revision ARN; a revision not here deployed {@link Workload#NONE}. */
    private final Map<String, Workload> revisions = new HashMap<>();

    String platformVersion() {
        return workload.platformVersion();
    }

    /** Whether revision {@code revisionArn} deployed the present workload. */
    boolean deployedBy(String revisionArn) {
        return Objects.equals(revisions.getOrDefault(revisionArn, Workload.NONE), workload);
    }

    /** Revision {@code revisionArn} deploys the present workload. */
    void recordRevision(String revisionArn) {
        if (revisionArn != null) {
            revisions.put(revisionArn, workload);
        }
    }

    /** Every revision's workload, by revision ARN (for the state file). */
    Map<String, Workload> revisions() {
        return java.util.Collections.unmodifiableMap(revisions);
    }

    /** A revision's workload, from the state file. */
    void restoreRevision(String revisionArn, Workload w) {
        revisions.put(revisionArn, w);
    }

    /** What revision {@code revisionArn} deployed. */
    Workload revision(String revisionArn) {
        return revisions.getOrDefault(revisionArn, Workload.NONE);
    }
}
