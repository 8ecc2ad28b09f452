package dev.ecsdeck.taskdef;

import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.core.traits.TraitType;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;

/**
 * The shape of a RegisterTaskDefinition request (member names, JSON types, enum values, required
 * members), read from the AWS SDK's own generated model classes, so it follows the SDK version in
 * the build. The SDK carries no "required" trait for ECS, so {@link #REQUIRED} lists those from the
 * API model; RequestSchemaTest proves the whole tree equals the API model's.
 */
final class RequestSchema {
    enum Kind { STRUCTURE, LIST, MAP, STRING, INTEGER, LONG, BOOLEAN, NUMBER, TIMESTAMP, OTHER }

    /**
     * One shape: {@code name} is the model's shape name for structures (null otherwise),
     * {@code members} a structure's members by JSON name, {@code element} a list's member or a map's
     * value, {@code enumValues} the allowed strings (empty: any).
     */
    record Shape(String name, Kind kind, Map<String, Shape> members, Shape element, Set<String> enumValues,
            Set<String> required) {}

    /** Required members by shape name, from the API model (service-2.json "required"). */
    static final Map<String, Set<String>> REQUIRED = Map.ofEntries(
            Map.entry("RegisterTaskDefinitionRequest", Set.of("family", "containerDefinitions")),
            Map.entry("RepositoryCredentials", Set.of("credentialsParameter")),
            Map.entry("ContainerRestartPolicy", Set.of("enabled")),
            Map.entry("EnvironmentFile", Set.of("value", "type")),
            Map.entry("Device", Set.of("hostPath")),
            Map.entry("Tmpfs", Set.of("containerPath", "size")),
            Map.entry("Secret", Set.of("name", "valueFrom")),
            Map.entry("ContainerDependency", Set.of("containerName", "condition")),
            Map.entry("HostEntry", Set.of("hostname", "ipAddress")),
            Map.entry("Ulimit", Set.of("name", "softLimit", "hardLimit")),
            Map.entry("LogConfiguration", Set.of("logDriver")),
            Map.entry("HealthCheck", Set.of("command")),
            Map.entry("ResourceRequirement", Set.of("value", "type")),
            Map.entry("FirelensConfiguration", Set.of("type")),
            Map.entry("EFSVolumeConfiguration", Set.of("fileSystemId")),
            Map.entry("S3FilesVolumeConfiguration", Set.of("fileSystemArn")),
            Map.entry("FSxWindowsFileServerVolumeConfiguration", Set.of("fileSystemId", "rootDirectory", "authorizationConfig")),
            Map.entry("FSxWindowsFileServerAuthorizationConfig", Set.of("credentialsParameter", "domain")),
            Map.entry("ProxyConfiguration", Set.of("containerName")),
            Map.entry("InferenceAccelerator", Set.of("deviceName", "deviceType")),
            Map.entry("EphemeralStorage", Set.of("sizeInGiB")));

    private static final Shape REQUEST = structure((SdkPojo) RegisterTaskDefinitionRequest.builder());

    private RequestSchema() {}

    static Shape request() {
        return REQUEST;
    }

    private static Shape structure(SdkPojo builder) {
        Class<?> builderClass = builder.getClass();
        String name = builderClass.getEnclosingClass() == null ? builderClass.getSimpleName()
                : builderClass.getEnclosingClass().getSimpleName();
        Map<String, Shape> members = new LinkedHashMap<>();
        for (SdkField<?> field : builder.sdkFields()) {
            members.put(field.locationName(), shape(field, enumValues(builderClass, field.memberName())));
        }
        // in the model's member order, so that problems about missing members come in the same order every run
        Set<String> required = new LinkedHashSet<>(members.keySet());
        required.retainAll(REQUIRED.getOrDefault(name, Set.of()));
        return new Shape(name, Kind.STRUCTURE, Collections.unmodifiableMap(members), null, Set.of(),
                Collections.unmodifiableSet(required));
    }

    /** A member's shape; {@code enumValues} apply to the string itself or to a list's strings. */
    private static Shape shape(SdkField<?> field, Set<String> enumValues) {
        MarshallingType<?> type = field.marshallingType();
        if (type == MarshallingType.SDK_POJO) {
            return structure(field.constructor().get());
        }
        if (type == MarshallingType.LIST) {
            SdkField<?> member = field.getRequiredTrait(ListTrait.class, TraitType.LIST_TRAIT).memberFieldInfo();
            return new Shape(null, Kind.LIST, Map.of(), shape(member, enumValues), Set.of(), Set.of());
        }
        if (type == MarshallingType.MAP) {
            SdkField<?> value = field.getRequiredTrait(MapTrait.class, TraitType.MAP_TRAIT).valueFieldInfo();
            return new Shape(null, Kind.MAP, Map.of(), shape(value, Set.of()), Set.of(), Set.of());
        }
        return new Shape(null, scalarKind(type), Map.of(), null, enumValues, Set.of());
    }

    private static Kind scalarKind(MarshallingType<?> type) {
        if (type == MarshallingType.STRING) {
            return Kind.STRING;
        }
        if (type == MarshallingType.INTEGER || type == MarshallingType.SHORT || type == MarshallingType.BYTE) {
            return Kind.INTEGER;
        }
        if (type == MarshallingType.LONG) {
            return Kind.LONG;
        }
        if (type == MarshallingType.BOOLEAN) {
            return Kind.BOOLEAN;
        }
        if (type == MarshallingType.DOUBLE || type == MarshallingType.FLOAT || type == MarshallingType.BIG_DECIMAL) {
            return Kind.NUMBER;
        }
        if (type == MarshallingType.INSTANT) {
            return Kind.TIMESTAMP;
        }
        return Kind.OTHER;
    }

    /**
     * The SDK marks an enum member by a builder setter taking its enum class (or a collection or
     * array of it, for a list of enums); the enum's knownValues() are the model's values.
     */
    private static Set<String> enumValues(Class<?> builderClass, String memberName) {
        for (Method m : builderClass.getMethods()) {
            if (!m.getName().equals(memberName) || m.getParameterCount() != 1) {
                continue;
            }
            Class<?> enumClass = enumClass(m.getGenericParameterTypes()[0]);
            if (enumClass != null) {
                try {
                    Set<String> values = new LinkedHashSet<>();
                    for (Object v : (Iterable<?>) enumClass.getMethod("knownValues").invoke(null)) {
                        values.add(v.toString());
                    }
                    return Collections.unmodifiableSet(values);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("SDK enum " + enumClass.getName() + " has no knownValues()", e);
                }
            }
        }
        return Set.of();
    }

    private static Class<?> enumClass(Type type) {
        if (type instanceof Class) {
            Class<?> c = (Class<?>) type;
            Class<?> candidate = c.isArray() ? c.getComponentType() : c;
            return candidate.isEnum() ? candidate : null;
        }
        if (type instanceof ParameterizedType) {
            Type[] args = ((ParameterizedType) type).getActualTypeArguments();
            return args.length == 1 ? enumClass(args[0]) : null;
        }
        return null;
    }
}
