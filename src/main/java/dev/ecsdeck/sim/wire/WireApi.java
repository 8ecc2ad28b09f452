package dev.ecsdeck.sim.wire;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One AWS service as the server routes to it: its X-Amz-Target prefix (for a Query service, its API
 * version, e.g. "2015-12-01", which Query requests name in {@code Version}), the error codes its model
 * gives a request that lacks a required member and a fault on the server's side, its XML namespace
 * (Query services' answers carry it; null for JSON services), and its operations by name.
 */
public final class WireApi {
    private final String targetPrefix;
    private final String serviceName;
    private final String missingMemberError;
    private final String serverError;
    private final String xmlNamespace;
    private final Map<String, WireOperation> operations = new LinkedHashMap<>();

    public WireApi(String targetPrefix, String serviceName, String missingMemberError, String serverError) {
        this(targetPrefix, serviceName, missingMemberError, serverError, null);
    }

    /** A service whose answers are XML in {@code xmlNamespace} (the API model's {@code metadata.xmlNamespace}). */
    public WireApi(String targetPrefix, String serviceName, String missingMemberError, String serverError, String xmlNamespace) {
        this.targetPrefix = targetPrefix;
        this.serviceName = serviceName;
        this.missingMemberError = missingMemberError;
        this.serverError = serverError;
        this.xmlNamespace = xmlNamespace;
    }

    public WireApi add(String name, RequestShape shape, boolean mutating, WireOperation.Handler handler) {
        if (operations.put(name, new WireOperation(name, shape, mutating, handler)) != null) {
            throw new IllegalArgumentException("Operation defined twice: " + name);
        }
        return this;
    }

    /**
     * Lets another class extend an operation already added: {@code members} may add request members to
     * its shape, and {@code around} answers it, calling the operation as it was ({@code next}) or not.
     */
    public WireApi around(String name, java.util.function.Consumer<RequestShape> members,
            java.util.function.BiFunction<WireRequest, java.util.function.Function<WireRequest, com.fasterxml.jackson.databind.JsonNode>,
                    com.fasterxml.jackson.databind.JsonNode> around) {
        WireOperation op = operations.get(name);
        if (op == null) {
            throw new IllegalArgumentException("No such operation: " + name);
        }
        members.accept(op.shape());
        WireOperation.Handler next = op.handler();
        operations.put(name, new WireOperation(name, op.shape(), op.mutating(), r -> around.apply(r, next::handle)));
        return this;
    }

    public String targetPrefix() {
        return targetPrefix;
    }

    public String serviceName() {
        return serviceName;
    }

    public String missingMemberError() {
        return missingMemberError;
    }

    public String serverError() {
        return serverError;
    }

    /** The namespace of the service's XML answers, or null. */
    public String xmlNamespace() {
        return xmlNamespace;
    }

    WireOperation operation(String name) {
        return operations.get(name);
    }

    /** The operations' request shapes by name, for the test that holds them to the API model. */
    public Map<String, RequestShape> shapes() {
        Map<String, RequestShape> out = new LinkedHashMap<>();
        operations.forEach((name, op) -> out.put(name, op.shape()));
        return Collections.unmodifiableMap(out);
    }

    /** Names of the operations that change the simulation. */
    public java.util.Set<String> mutatingOperations() {
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        operations.forEach((name, op) -> {
            if (op.mutating()) {
                out.add(name);
            }
        });
        return out;
    }
}
