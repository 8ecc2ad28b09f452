package dev.ecsdeck.sim.elb;

import dev.ecsdeck.model.Tag;
import java.util.List;

/** A CreateListener request. */
public record CreateListenerRequest(
        String loadBalancerArn,
        String protocol,
        Integer port,
        String sslPolicy,
        List<Certificate> certificates,
        List<Action> defaultActions,
        List<Tag> tags) {

    public CreateListenerRequest {
        certificates = certificates == null ? List.of() : List.copyOf(certificates);
        defaultActions = defaultActions == null ? List.of() : List.copyOf(defaultActions);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** An HTTP listener on {@code port} forwarding to one target group. */
    public static CreateListenerRequest http(String loadBalancerArn, int port, String targetGroupArn) {
        return new CreateListenerRequest(loadBalancerArn, "HTTP", port, null, null, List.of(Action.forward(targetGroupArn)), null);
    }
}
