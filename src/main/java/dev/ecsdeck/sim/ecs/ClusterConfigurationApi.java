package dev.ecsdeck.sim.ecs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsdeck.model.Attachment;
import dev.ecsdeck.model.Cluster;
import dev.ecsdeck.model.KeyValue;
import dev.ecsdeck.sim.SimApiException;
import dev.ecsdeck.sim.SimEngine;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * UpdateCluster and UpdateClusterSettings (container insights, the execute command configuration,
 * the default Service Connect namespace), and what DescribeClusters shows of them and of the
 * cluster's capacity providers (their attachments).
 */
public final class ClusterConfigurationApi {
    private final SimEngine engine;

    public ClusterConfigurationApi(SimEngine engine) {
        this.engine = engine;
    }

    /** What DescribeClusters shows of a cluster beyond the {@link Cluster} record. */
    public record ClusterExtras(ObjectNode configuration, String serviceConnectNamespace, List<Attachment> attachments,
            String attachmentsStatus) {}

    /** UpdateCluster: settings (merged by name), the configuration as given, and the default Service Connect namespace. */
    public Cluster updateCluster(String cluster, List<KeyValue> settings, ObjectNode configuration, String serviceConnectNamespace) {
        synchronized (engine) {
            engine.advance();
            SimCluster c = engine.ecs().cluster(cluster);
            if (settings != null) {
                checkSettings(settings);
            }
            if (serviceConnectNamespace != null && (serviceConnectNamespace.isEmpty() || serviceConnectNamespace.length() > 1024)) {
                throw SimApiException.invalidParameter("serviceConnectDefaults.namespace must be 1 to 1024 characters.");
            }
            if (settings != null) {
                mergeSettings(c, settings);
            }
            if (configuration != null) {
                c.configuration = configuration.deepCopy();
            }
            if (serviceConnectNamespace != null) {
                c.serviceConnectNamespace = serviceConnectNamespace.startsWith("arn:") ? serviceConnectNamespace
                        : engine.ids().arn("servicediscovery", "namespace/ns-" + UUID.nameUUIDFromBytes(
                                (c.arn + serviceConnectNamespace).getBytes(StandardCharsets.UTF_8)).toString().replace("-", "").substring(0, 16));
            }
            return SimViews.cluster(c);
        }
    }

    public Cluster updateClusterSettings(String cluster, List<KeyValue> settings) {
        synchronized (engine) {
            engine.advance();
            SimCluster c = engine.ecs().cluster(cluster);
            checkSettings(settings);
            mergeSettings(c, settings);
            return SimViews.cluster(c);
        }
    }

    /** The cluster's configuration, Service Connect default and capacity provider attachments (null when there is no such cluster). */
    public ClusterExtras extras(String cluster) {
        synchronized (engine) {
            SimCluster c = engine.ecs().clusters.get(SimEcs.nameOf(cluster));
            if (c == null) {
                return null;
            }
            List<Attachment> attachments = new ArrayList<>();
            for (String name : c.capacityProviders) {
                SimCapacityProvider p = engine.ecs().capacityProviders.find(name);
                if (p == null) {
                    continue;
                }
                if (p.managedScaling()) {
                    attachments.add(new Attachment(stableId(p.arn + "/as_policy"), "as_policy", "ACTIVE", List.of(
                            new KeyValue("capacityProviderName", p.name),
                            new KeyValue("scalingPolicyName", "ECSManagedAutoScalingPolicy-" + stableId(p.arn + "/policy")))));
                }
                if ("ENABLED".equals(p.managedDraining)) {
                    attachments.add(new Attachment(stableId(p.arn + "/managed_draining"), "managed_draining", "ACTIVE", List.of(
                            new KeyValue("capacityProviderName", p.name),
                            new KeyValue("autoScalingLifecycleHookName", "ecs-managed-draining-termination-hook"))));
                }
            }
            return new ClusterExtras(c.configuration, c.serviceConnectNamespace, attachments,
                    c.capacityProviders.isEmpty() ? null : "UPDATE_COMPLETE");
        }
    }

    private static String stableId(String seed) {
        return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static void checkSettings(List<KeyValue> settings) {
        for (KeyValue s : settings) {
            if (!"containerInsights".equals(s.name())) {
                throw SimApiException.invalidParameter("Invalid cluster setting name: " + s.name() + ". Valid names: [containerInsights].");
            }
            if (!List.of("enhanced", "enabled", "disabled").contains(s.value())) {
                throw SimApiException.invalidParameter("Invalid value for containerInsights: " + s.value()
                        + ". Valid values: [enhanced, enabled, disabled].");
            }
        }
    }

    private static void mergeSettings(SimCluster c, List<KeyValue> settings) {
        for (KeyValue s : settings) {
            c.settings.removeIf(old -> old.name().equals(s.name()));
            c.settings.add(s);
        }
    }
}
