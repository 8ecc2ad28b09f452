package dev.ecsdeck.sim.elb;

import dev.ecsdeck.sim.SimApiException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** CreateListener, DescribeListeners, ModifyListener and DeleteListener, under the engine's lock. */
final class ListenerCalls {
    private static final String DEFAULT_SSL_POLICY = "ELBSecurityPolicy-2016-08";

    private final SimElb elb;

    ListenerCalls(SimElb elb) {
        this.elb = elb;
    }

    ListenerDescription create(CreateListenerRequest r, Instant now) {
        ElbLoadBalancer lb = elb.loadBalancers.get(r.loadBalancerArn());
        if (lb == null) {
            throw ElbErrors.loadBalancerNotFound();
        }
        String protocol = r.protocol() == null ? "HTTP" : r.protocol();
        checkProtocol(protocol, r.certificates());
        ElbChecks.port(r.port());
        for (ElbListener l : elb.listenersOf(lb.arn)) {
            if (l.port == r.port()) {
                throw new SimApiException("DuplicateListener", "A listener already exists on this port for this load balancer '" + lb.arn + "'");
            }
        }
        ElbActions.check(elb, r.defaultActions(), lb.arn);
        ElbTags.checkNew(r.tags());
        String id = elb.ids.hex(16);
        ElbRule defaultRule = new ElbRule(elb.ids.listenerRuleArn(lb.name, lb.id, id, elb.ids.hex(16)), elb.ids.listenerArn(lb.name, lb.id, id),
                true, null);
        defaultRule.actions.addAll(ElbActions.normalise(r.defaultActions()));
        ElbListener l = new ElbListener(defaultRule.listenerArn, id, lb.arn, defaultRule.arn);
        l.port = r.port();
        l.protocol = protocol;
        l.sslPolicy = "HTTPS".equals(protocol) ? (r.sslPolicy() == null ? DEFAULT_SSL_POLICY : r.sslPolicy()) : null;
        l.certificates.addAll(r.certificates());
        elb.listeners.put(l.arn, l);
        elb.rules.put(defaultRule.arn, defaultRule);
        ElbTags.put(elb, l.arn, r.tags());
        elb.routesChanged(now);
        return ElbViews.listener(l, elb);
    }

    MarkedPage<ListenerDescription> describe(String loadBalancerArn, List<String> arns, String marker, Integer pageSize) {
        boolean byArn = arns != null && !arns.isEmpty();
        if (loadBalancerArn == null && !byArn) {
            throw ElbErrors.validation("You must specify either listener ARNs or a load balancer ARN");
        }
        if (loadBalancerArn != null && byArn) {
            throw ElbErrors.validation("Listener ARNs and a load balancer ARN cannot be specified at the same time");
        }
        List<ListenerDescription> out = new ArrayList<>();
        if (byArn) {
            arns.forEach(arn -> out.add(ElbViews.listener(listener(arn), elb)));
        } else {
            if (!elb.loadBalancers.containsKey(loadBalancerArn)) {
                throw ElbErrors.loadBalancerNotFound();
            }
            elb.listenersOf(loadBalancerArn).forEach(l -> out.add(ElbViews.listener(l, elb)));
        }
        return ElbChecks.page(out, marker, pageSize);
    }

    ListenerDescription modify(ModifyListenerRequest r, Instant now) {
        ElbListener l = listener(r.listenerArn());
        String protocol = r.protocol() == null ? l.protocol : r.protocol();
        List<Certificate> certificates = r.certificates() == null ? l.certificates : r.certificates();
        checkProtocol(protocol, certificates);
        if (r.port() != null) {
            ElbChecks.port(r.port());
            for (ElbListener other : elb.listenersOf(l.loadBalancerArn)) {
                if (other != l && other.port == r.port()) {
                    throw new SimApiException("DuplicateListener", "A listener already exists on this port for this load balancer '"
                            + l.loadBalancerArn + "'");
                }
            }
        }
        if (r.defaultActions() != null) {
            ElbActions.check(elb, r.defaultActions(), l.loadBalancerArn);
        }
        l.port = r.port() == null ? l.port : r.port();
        if (!"HTTPS".equals(protocol)) {
            l.sslPolicy = null;
            l.certificates.clear();
        } else {
            l.sslPolicy = r.sslPolicy() != null ? r.sslPolicy() : l.sslPolicy == null ? DEFAULT_SSL_POLICY : l.sslPolicy;
            List<Certificate> keep = List.copyOf(certificates);
            l.certificates.clear();
            l.certificates.addAll(keep);
        }
        l.protocol = protocol;
        if (r.defaultActions() != null) {
            ElbRule defaultRule = elb.rules.get(l.defaultRuleArn);
            defaultRule.actions.clear();
            defaultRule.actions.addAll(ElbActions.normalise(r.defaultActions()));
            elb.routesChanged(now);
        }
        return ElbViews.listener(l, elb);
    }

    void delete(String arn, Instant now) {
        remove(elb, listener(arn));
        elb.routesChanged(now);
    }

    /** Removes a listener with its rules and their tags (the caller works out the routes again). */
    static void remove(SimElb elb, ElbListener l) {
        elb.listeners.remove(l.arn);
        elb.tags.remove(l.arn);
        for (ElbRule r : elb.rulesOf(l.arn)) {
            elb.rules.remove(r.arn);
            elb.tags.remove(r.arn);
        }
    }

    private ElbListener listener(String arn) {
        ElbListener l = elb.listeners.get(arn);
        if (l == null) {
            throw ElbErrors.listenerNotFound();
        }
        return l;
    }

    private static void checkProtocol(String protocol, List<Certificate> certificates) {
        if (!List.of("HTTP", "HTTPS").contains(protocol)) {
            throw new SimApiException("UnsupportedProtocol", "Protocol '" + protocol + "' is not supported by application load balancers");
        }
        if ("HTTPS".equals(protocol) && (certificates == null || certificates.isEmpty())) {
            throw ElbErrors.validation("A certificate must be specified for HTTPS listeners");
        }
    }
}
