package dev.ecsdeck.model;

import java.util.List;

/** A container instance resource: CPU, MEMORY (INTEGER) or PORTS/PORTS_UDP (STRINGSET). */
public record Resource(String name, String type, Integer integerValue, Long longValue, Double doubleValue, List<String> stringSetValue) {
    public Resource {
        stringSetValue = stringSetValue == null ? null : List.copyOf(stringSetValue);
    }

    public static Resource integer(String name, int value) {
        return new Resource(name, "INTEGER", value, null, null, null);
    }

    public static Resource stringSet(String name, List<String> values) {
        return new Resource(name, "STRINGSET", null, null, null, values);
    }
}
