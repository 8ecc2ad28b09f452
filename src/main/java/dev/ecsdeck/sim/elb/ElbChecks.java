package dev.ecsdeck.sim.elb;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** ELB's rules for names, ports and ranges, and its Marker/PageSize paging. */
final class ElbChecks {
    static final int MAX_PAGE_SIZE = 400;
    private static final String NAME = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,30}[A-Za-z0-9])?";

    private ElbChecks() {}

    /** A load balancer's or target group's name: up to 32 letters, digits and hyphens, not starting or ending with a hyphen. */
    static void name(String what, String name) {
        if (name == null || name.isEmpty()) {
            throw ElbErrors.validation(what + " name cannot be empty");
        }
        if (name.length() > 32) {
            throw ElbErrors.validation(what + " name '" + name + "' cannot be longer than '32' characters");
        }
        if (!name.matches(NAME)) {
            throw ElbErrors.validation(what + " name '" + name + "' can have a maximum of 32 characters, can contain only alphanumeric "
                    + "characters or hyphens, and cannot begin or end with a hyphen");
        }
    }

    static void port(Integer port) {
        if (port == null || port < 1 || port > 65535) {
            throw ElbErrors.validation("Port '" + port + "' must be from 1 to 65535");
        }
    }

    static void range(String member, Integer value, int min, int max) {
        if (value != null && (value < min || value > max)) {
            throw ElbErrors.validation("'" + member + "' must be from " + min + " to " + max + ", not " + value);
        }
    }

    /** One page of {@code all} after {@code marker}, at most {@code pageSize} (1–400, default 400) long. */
    static <T> MarkedPage<T> page(List<T> all, String marker, Integer pageSize) {
        int size = pageSize == null ? MAX_PAGE_SIZE : pageSize;
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw ElbErrors.validation("Page size must be from 1 to " + MAX_PAGE_SIZE);
        }
        int from = decode(marker);
        if (from > all.size()) {
            throw ElbErrors.validation("Invalid Marker");
        }
        int to = Math.min(all.size(), from + size);
        return new MarkedPage<>(all.subList(from, to), to < all.size() ? encode(to) : null);
    }

    private static String encode(int offset) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("elb:" + offset).getBytes(StandardCharsets.UTF_8));
    }

    private static int decode(String marker) {
        if (marker == null || marker.isEmpty()) {
            return 0;
        }
        try {
            String s = new String(Base64.getUrlDecoder().decode(marker), StandardCharsets.UTF_8);
            int offset = s.startsWith("elb:") ? Integer.parseInt(s.substring(4)) : -1;
            if (offset < 0) {
                throw new IllegalArgumentException(s);
            }
            return offset;
        } catch (IllegalArgumentException e) {
            throw ElbErrors.validation("Invalid Marker");
        }
    }
}
