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
    private String queryVersion;
    private Map<String, String> queryErrorCodes = Map.of();
    private java.util.Set<String> timestampMembers = java.util.Set.of();

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

    /**
     * A service served on AWS Query as well as on a JSON protocol (CloudWatch): Query requests name it by
     * {@code version} (its API version) rather than by its target prefix.
     */
    public WireApi queryVersion(String version) {
        this.queryVersion = version;
        return this;
    }

    /** Whether a request's service prefix (X-Amz-Target's, Query's Version, RPC v2's service name) names this service. */
    public boolean answersTo(String prefix) {
        return targetPrefix.equals(prefix) || (queryVersion != null && queryVersion.equals(prefix));
    }

    /**
     * The model's {@code awsQueryCompatible} trait: {@code codes} maps each error shape's name (the
     * {@code __type} of JSON and CBOR errors) to its Query error code (Query's {@code Code}, and the
     * {@code x-amzn-query-error} header of JSON and CBOR errors, from which the SDKs take the code).
     */
    public WireApi awsQueryCompatible(Map<String, String> codes) {
        this.queryErrorCodes = Map.copyOf(codes);
        return this;
    }

    /** Whether this service's errors carry Query error codes too (the model's awsQueryCompatible). */
    public boolean queryCompatible() {
        return !queryErrorCodes.isEmpty();
    }

    /** The error shape's name for a code the operations throw (a shape name, or a Query code such as "MissingParameter"). */
    public String errorShape(String code) {
        if (queryErrorCodes.containsKey(code)) {
            return code;
        }
        return queryErrorCodes.entrySet().stream().filter(e -> e.getValue().equals(code)).map(Map.Entry::getKey)
                .sorted().findFirst().orElse(code);
    }

    /** The Query error code for a code the operations throw (a shape name or a Query code). */
    public String queryErrorCode(String code) {
        return queryErrorCodes.getOrDefault(errorShape(code), code);
    }

    /**
     * Names of the answers' members that are timestamps (and lists of them), for protocols that type
     * them: RPC v2 CBOR tags them, Query writes them as ISO-8601. The operations write them as epoch
     * seconds, as in AWS JSON. Only for services whose member names say it unambiguously (CloudWatch's do).
     */
    public WireApi timestampMembers(java.util.Set<String> names) {
        this.timestampMembers = java.util.Set.copyOf(names);
        return this;
    }

    public java.util.Set<String> timestampMembers() {
        return timestampMembers;
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
