package dev.ecsdeck.sim.ecs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsdeck.model.Page;
import dev.ecsdeck.sim.Paging;
import dev.ecsdeck.sim.SimApiException;
import dev.ecsdeck.sim.SimEngine;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Services' Service Connect configuration (as CreateService and UpdateService take it; ECS shows it
 * on each of the service's deployments, the one each was made with) and ListServicesByNamespace.
 * There is no Cloud Map behind it: a namespace is known by the services
 * that name it, matched by the name or ARN they were given (an ARN's namespace id is not resolved to
 * a name); a namespace no service names is NamespaceNotFoundException.
 */
public final class ServiceConnectApi {
    private final SimEngine engine;

    public ServiceConnectApi(SimEngine engine) {
        this.engine = engine;
    }

    /** The configurations by service ARN (the current one) and by deployment id (the one it was made with); under the engine's lock. */
    static final class Store {
        final Map<String, ObjectNode> byService = new TreeMap<>();
        final Map<String, ObjectNode> byDeployment = new TreeMap<>();
    }

    /**
     * Checks a configuration against the model's rules and the task definition it will run with
     * ({@code taskDefinition} null: the service's current one): enabled given; each service's portName
     * a named port mapping of the definition; at most one client alias, its port 1-65535.
     */
    public void check(String cluster, String service, String taskDefinition, JsonNode config) {
        synchronized (engine) {
            if (!config.path("enabled").isBoolean()) {
                throw SimApiException.invalidParameter("serviceConnectConfiguration.enabled must be specified.");
            }
            if (config.path("enabled").asBoolean() && !config.path("namespace").isTextual()) {
                throw SimApiException.invalidParameter("serviceConnectConfiguration.namespace must be specified: the cluster has no default"
                        + " Service Connect namespace in the simulator.");
            }
            Set<String> portNames = portNames(cluster, service, taskDefinition);
            for (JsonNode s : config.path("services")) {
                String portName = s.path("portName").asText(null);
                if (portName == null) {
                    throw SimApiException.invalidParameter("serviceConnectConfiguration.services.portName must be specified.");
                }
                if (portNames != null && !portNames.contains(portName)) {
                    throw SimApiException.invalidParameter("Service Connect portName " + portName
                            + " does not match the name of any port mapping in the task definition.");
                }
                JsonNode aliases = s.path("clientAliases");
                if (aliases.size() > 1) {
                    throw SimApiException.invalidParameter("A Service Connect service can have at most 1 client alias.");
                }
                for (JsonNode a : aliases) {
                    int port = a.path("port").asInt(-1);
                    if (!a.path("port").isIntegralNumber() || port < 1 || port > 65535) {
                        throw SimApiException.invalidParameter("serviceConnectConfiguration.services.clientAliases.port must be 1-65535.");
                    }
                }
            }
        }
    }

    /** Keeps the service's configuration (null: none, as a new service without one has). */
    public void set(String serviceArn, JsonNode config) {
        synchronized (engine) {
            if (config == null) {
                engine.ecs().serviceConnect.byService.remove(serviceArn);
            } else {
                engine.ecs().serviceConnect.byService.put(serviceArn, (ObjectNode) config.deepCopy());
            }
        }
    }

    /** The service's configuration, or null. */
    public ObjectNode get(String serviceArn) {
        synchronized (engine) {
            ObjectNode c = engine.ecs().serviceConnect.byService.get(serviceArn);
            return c == null ? null : c.deepCopy();
        }
    }

    /**
     * The configuration a deployment of the service was made with, or null. A PRIMARY deployment not
     * yet seen is made with the service's current one (a rollout the scheduler started is seen here first).
     */
    public ObjectNode ofDeployment(String serviceArn, String deploymentId, boolean primary) {
        synchronized (engine) {
            ServiceConnectApi.Store store = engine.ecs().serviceConnect;
            ObjectNode c = store.byDeployment.get(deploymentId);
            if (c == null && primary && store.byService.containsKey(serviceArn)) {
                c = store.byService.get(serviceArn);
                store.byDeployment.put(deploymentId, c);
            }
            return c == null ? null : c.deepCopy();
        }
    }

    /** ARNs of the services (not INACTIVE, in any cluster) whose configuration names the namespace; pages of 10 by default. */
    public Page<String> listServicesByNamespace(String namespace, String nextToken, Integer maxResults) {
        synchronized (engine) {
            engine.advance();
            if (namespace == null || namespace.isBlank()) {
                throw SimApiException.invalidParameter("namespace can not be blank.");
            }
            List<String> arns = new ArrayList<>();
            for (SimCluster c : engine.ecs().clusters.values()) {
                for (SimService s : c.services.values()) {
                    ObjectNode config = engine.ecs().serviceConnect.byService.get(s.arn);
                    if (!"INACTIVE".equals(s.status) && config != null && sameNamespace(config.path("namespace").asText(""), namespace)) {
                        arns.add(s.arn);
                    }
                }
            }
            if (arns.isEmpty()) {
                throw new SimApiException("NamespaceNotFoundException", "The specified namespace wasn't found: " + namespace + ".");
            }
            return Paging.page(arns, nextToken, maxResults, 10, 100);
        }
    }

    private static boolean sameNamespace(String configured, String asked) {
        return configured.equals(asked) || SimEcs.nameOf(configured).equals(SimEcs.nameOf(asked)) && configured.startsWith("arn:")
                && asked.startsWith("arn:");
    }

    /** The names of the definition's port mappings; null when there is no definition to check against (the call fails elsewhere). */
    private Set<String> portNames(String cluster, String service, String taskDefinition) {
        String ref = taskDefinition;
        if (ref == null) {
            SimCluster c = engine.ecs().clusters.get(cluster == null ? "default" : SimEcs.nameOf(cluster));
            SimService s = c == null || service == null ? null : c.services.get(SimEcs.nameOf(service));
            ref = s == null ? null : s.taskDefinitionArn;
        }
        if (ref == null) {
            return null;
        }
        SimTaskDefinition td;
        try {
            td = engine.ecs().taskDefinitionRegistry.resolve(ref);
        } catch (SimApiException e) {
            return null;
        }
        Set<String> names = new HashSet<>();
        for (JsonNode container : td.document.path("containerDefinitions")) {
            for (JsonNode mapping : container.path("portMappings")) {
                if (mapping.path("name").isTextual()) {
                    names.add(mapping.get("name").asText());
                }
            }
        }
        return names;
    }
}
