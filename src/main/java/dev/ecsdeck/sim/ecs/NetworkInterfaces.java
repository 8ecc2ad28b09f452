package dev.ecsdeck.sim.ecs;

import dev.ecsdeck.sim.SimApiException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Gives awsvpc tasks their network interfaces: a subnet of the task's (the one of its zone), a
 * private address in that subnet's block that no running task holds, and ids derived from the task's
 * id (itself from the seed). Nothing is drawn from the seeded source, so the rest of a simulation
 * (lifecycle durations, placement) runs exactly as it would without interfaces. Addresses go back
 * when a task has STOPPED.
 */
final class NetworkInterfaces {
    /** Used when a task names no subnet (the simulator accepts awsvpc tasks without one). */
    static final String DEFAULT_SUBNET = "subnet-0sim0default";
    /** Each subnet's block: 10.0.(16·k … 16·k+15).(1 … 254). */
    private static final int BLOCK_ADDRESSES = 16 * 254;

    private final Set<String> inUse = new HashSet<>();

    /** A new interface for the task in one of {@code subnets}, chosen by the zone's letter (a → first, b → second, ...). */
    SimEni provision(String taskId, List<String> subnets, String availabilityZone) {
        String subnet = subnetFor(subnets, availabilityZone);
        String h = digest(taskId);
        int block = Math.floorMod(subnet.hashCode(), 15) * 16;
        int start = Integer.parseInt(h.substring(58, 64), 16) % BLOCK_ADDRESSES;
        String address = null;
        for (int i = 0; i < BLOCK_ADDRESSES && address == null; i++) {
            int n = (start + i) % BLOCK_ADDRESSES;
            String candidate = "10.0." + (block + n / 254) + "." + (1 + n % 254);
            if (!inUse.contains(candidate)) {
                address = candidate;
            }
        }
        if (address == null) {
            throw SimApiException.invalidParameter("Subnet " + subnet + " has no free IP addresses.");
        }
        inUse.add(address);
        String mac = "0e:" + String.join(":", h.substring(16, 18), h.substring(18, 20), h.substring(20, 22), h.substring(22, 24),
                h.substring(24, 26));
        String attachmentId = h.substring(26, 34) + "-" + h.substring(34, 38) + "-" + h.substring(38, 42) + "-" + h.substring(42, 46) + "-"
                + h.substring(46, 58);
        return new SimEni(attachmentId, "eni-0" + h.substring(0, 16), subnet, mac, address);
    }

    /** SHA-256 of the task id, as 64 hex digits. */
    private static String digest(String taskId) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(taskId.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(d);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    /** The address is free again (its task STOPPED). */
    void release(SimEni eni) {
        if (eni != null) {
            inUse.remove(eni.privateIpv4Address());
        }
    }

    /** A restored task that has not stopped holds its address. */
    void reserve(SimEni eni) {
        if (eni != null) {
            inUse.add(eni.privateIpv4Address());
        }
    }

    static String subnetFor(List<String> subnets, String availabilityZone) {
        if (subnets == null || subnets.isEmpty()) {
            return DEFAULT_SUBNET;
        }
        int zone = availabilityZone == null || availabilityZone.isEmpty() ? 0 : availabilityZone.charAt(availabilityZone.length() - 1) - 'a';
        return subnets.get(Math.floorMod(zone, subnets.size()));
    }
}
