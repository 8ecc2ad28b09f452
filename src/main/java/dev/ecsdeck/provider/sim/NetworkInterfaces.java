package dev.ecsdeck.provider.sim;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Gives awsvpc tasks their network interfaces: a subnet of the task's (the one of its zone), a
 * private address in that subnet's block that no running task holds, and ids from the seeded
 * source. Addresses go back when a task has STOPPED.
 */
final class NetworkInterfaces {
    /** Used when a task names no subnet (the simulator accepts awsvpc tasks without one). */
    static final String DEFAULT_SUBNET = "subnet-0sim0default";
    /** Each subnet's block: 10.0.(16·k … 16·k+15).(1 … 254). */
    private static final int BLOCK_ADDRESSES = 16 * 254;

    private final SimIds ids;
    private final Set<String> inUse = new HashSet<>();

    NetworkInterfaces(SimIds ids) {
        this.ids = ids;
    }

    /** A new interface in one of {@code subnets}, chosen by the zone's letter (a → first, b → second, ...). */
    SimEni provision(List<String> subnets, String availabilityZone) {
        String subnet = subnetFor(subnets, availabilityZone);
        int block = Math.floorMod(subnet.hashCode(), 15) * 16;
        int start = ids.random().nextInt(BLOCK_ADDRESSES);
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
        String mac = "0e:" + String.join(":", ids.hex(2), ids.hex(2), ids.hex(2), ids.hex(2), ids.hex(2));
        return new SimEni(ids.uuid(), "eni-0" + ids.hex(16), subnet, mac, address);
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
