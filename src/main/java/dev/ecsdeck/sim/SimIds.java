package dev.ecsdeck.sim;

/** Every identifier the simulator makes, drawn from one seeded random source so runs repeat. */
public final class SimIds {
    /** The account serve-sim and the console's simulator use unless told another (serve-sim --account-id). */
    public static final String DEFAULT_ACCOUNT = "000000000000";
    private final SimRandom random;
    private final String region;
    private final String account;

    SimIds(long seed, String region, String account) {
        if (account == null || !account.matches("\\d{12}")) {
            throw new IllegalArgumentException("An AWS account id is 12 digits, not '" + account + "'.");
        }
        this.random = new SimRandom(seed);
        this.region = region;
        this.account = account;
    }

    public String region() {
        return region;
    }

    /** The 12-digit account id in every ARN the simulator makes. */
    public String account() {
        return account;
    }

    public SimRandom random() {
        return random;
    }

    public String hex(int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(Character.forDigit(random.nextInt(16), 16));
        }
        return sb.toString();
    }

    public String uuid() {
        String h = hex(32);
        return h.substring(0, 8) + "-" + h.substring(8, 12) + "-" + h.substring(12, 16) + "-"
                + h.substring(16, 20) + "-" + h.substring(20);
    }

    public String deploymentId() {
        StringBuilder sb = new StringBuilder("ecs-svc/");
        sb.append(1 + random.nextInt(9));
        for (int i = 0; i < 18; i++) {
            sb.append(random.nextInt(10));
        }
        return sb.toString();
    }

    public String ec2InstanceId() {
        return "i-0" + hex(16);
    }

    public String arn(String service, String resource) {
        return "arn:aws:" + service + ":" + region + ":" + account + ":" + resource;
    }

    public String clusterArn(String cluster) {
        return arn("ecs", "cluster/" + cluster);
    }

    public String serviceArn(String cluster, String service) {
        return arn("ecs", "service/" + cluster + "/" + service);
    }

    public String taskArn(String cluster, String taskId) {
        return arn("ecs", "task/" + cluster + "/" + taskId);
    }

    public String containerInstanceArn(String cluster, String id) {
        return arn("ecs", "container-instance/" + cluster + "/" + id);
    }

    public String taskDefinitionArn(String family, int revision) {
        return arn("ecs", "task-definition/" + family + ":" + revision);
    }

    public String containerArn(String cluster, String taskId) {
        return arn("ecs", "container/" + cluster + "/" + taskId + "/" + uuid());
    }

    /** An application load balancer's ARN; {@code id} is its 16 hex digits. */
    public String loadBalancerArn(String name, String id) {
        return arn("elasticloadbalancing", "loadbalancer/app/" + name + "/" + id);
    }

    public String targetGroupArn(String name, String id) {
        return arn("elasticloadbalancing", "targetgroup/" + name + "/" + id);
    }

    public String listenerArn(String loadBalancerName, String loadBalancerId, String id) {
        return arn("elasticloadbalancing", "listener/app/" + loadBalancerName + "/" + loadBalancerId + "/" + id);
    }

    public String listenerRuleArn(String loadBalancerName, String loadBalancerId, String listenerId, String id) {
        return arn("elasticloadbalancing", "listener-rule/app/" + loadBalancerName + "/" + loadBalancerId + "/" + listenerId + "/" + id);
    }

    /** A service deployment's ARN: its id is 22 letters and digits, as ECS makes them. */
    public String serviceDeploymentArn(String cluster, String service) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        StringBuilder id = new StringBuilder(22);
        for (int i = 0; i < 22; i++) {
            id.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return arn("ecs", "service-deployment/" + cluster + "/" + service + "/" + id);
    }

    /** A service revision's ARN: its id is a 19-digit number, as ECS makes them. */
    public String serviceRevisionArn(String cluster, String service) {
        StringBuilder id = new StringBuilder().append(1 + random.nextInt(9));
        for (int i = 0; i < 18; i++) {
            id.append(random.nextInt(10));
        }
        return arn("ecs", "service-revision/" + cluster + "/" + service + "/" + id);
    }

    /** A whole number in [min, max], for durations in the task lifecycle. */
    public long between(long min, long max) {
        return min + (long) (random.nextDouble() * (max - min + 1));
    }
}
