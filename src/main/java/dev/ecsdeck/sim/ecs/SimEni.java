package dev.ecsdeck.sim.ecs;

/**
 * The elastic network interface of an awsvpc task: its attachment, id, subnet, MAC and private
 * address, all drawn from the seeded source when the task is launched (so runs repeat).
 */
record SimEni(String attachmentId, String networkInterfaceId, String subnetId, String macAddress, String privateIpv4Address) {

    /** The private DNS name EC2 gives the address in this region. */
    String privateDnsName(String region) {
        String host = "ip-" + privateIpv4Address.replace('.', '-');
        return "us-east-1".equals(region) ? host + ".ec2.internal" : host + "." + region + ".compute.internal";
    }
}
