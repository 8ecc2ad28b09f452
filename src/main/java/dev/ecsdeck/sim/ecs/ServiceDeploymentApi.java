package dev.ecsdeck.sim.ecs;

import dev.ecsdeck.model.Page;
import dev.ecsdeck.model.ServiceDeployment;
import dev.ecsdeck.model.ServiceDeploymentBrief;
import dev.ecsdeck.model.ServiceRevision;
import dev.ecsdeck.sim.Paging;
import dev.ecsdeck.sim.SimApiException;
import dev.ecsdeck.sim.SimEngine;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * ListServiceDeployments, DescribeServiceDeployments, DescribeServiceRevisions,
 * StopServiceDeployment and ContinueServiceDeployment.
 */
public final class ServiceDeploymentApi {
    private static final int MAX_DESCRIBE = 20;

    private final SimEngine engine;

    public ServiceDeploymentApi(SimEngine engine) {
        this.engine = engine;
    }

    /** The service's deployments, newest first, 20 a page unless asked for up to 100; {@code statuses} and the creation window filter them. */
    public Page<ServiceDeploymentBrief> listServiceDeployments(String cluster, String service, List<String> statuses, Instant createdAfter,
            Instant createdBefore, String nextToken, Integer maxResults) {
        synchronized (engine) {
            engine.advance();
            SimCluster c = engine.ecs().cluster(cluster);
            SimService svc = ServiceApi.service(c, service);
            if (statuses != null) {
                for (String s : statuses) {
                    if (!ServiceDeploymentViews.STATUSES.contains(s)) {
                        throw SimApiException.invalidParameter("Invalid status '" + s + "': must be one of " + ServiceDeploymentViews.STATUSES + ".");
                    }
                }
            }
            List<ServiceDeploymentBrief> out = new ArrayList<>();
            for (SimServiceDeployment sd : svc.serviceDeployments) {
                boolean wanted = (statuses == null || statuses.isEmpty() || statuses.contains(sd.status))
                        && (createdAfter == null || !sd.createdAt.isBefore(createdAfter))
                        && (createdBefore == null || !sd.createdAt.isAfter(createdBefore));
                if (wanted) {
                    out.add(ServiceDeploymentViews.brief(sd, svc, c));
                }
            }
            return Paging.page(out, nextToken, maxResults, 20, 100);
        }
    }

    /** At most 20 service deployment ARNs; unknown ones are failures (MISSING). */
    public Described<ServiceDeployment> describeServiceDeployments(List<String> arns) {
        synchronized (engine) {
            engine.advance();
            SimEcs.checkBatch(arns, MAX_DESCRIBE, "serviceDeploymentArns");
            List<ServiceDeployment> found = new ArrayList<>();
            List<Described.Failure> failures = new ArrayList<>();
            for (String arn : arns) {
                Located at = locate(arn, "service-deployment");
                SimServiceDeployment sd = at == null ? null : find(at.service, arn);
                if (sd == null) {
                    failures.add(new Described.Failure(arn, "MISSING", null));
                } else {
                    found.add(ServiceDeploymentViews.full(sd, at.service, at.cluster, engine.ecs().scheduler.serviceDeployments));
                }
            }
            return new Described<>(found, failures);
        }
    }

    /** At most 20 service revision ARNs; unknown ones are failures (MISSING). */
    public Described<ServiceRevision> describeServiceRevisions(List<String> arns) {
        synchronized (engine) {
            engine.advance();
            SimEcs.checkBatch(arns, MAX_DESCRIBE, "serviceRevisionArns");
            List<ServiceRevision> found = new ArrayList<>();
            List<Described.Failure> failures = new ArrayList<>();
            for (String arn : arns) {
                Located at = locate(arn, "service-revision");
                ServiceRevision r = at == null ? null : at.service.revisions.get(arn);
                if (r == null) {
                    failures.add(new Described.Failure(arn, "MISSING", null));
                } else {
                    found.add(r);
                }
            }
            return new Described<>(found, failures);
        }
    }

    /**
     * StopServiceDeployment: ROLLBACK returns the service to the revision it came from (traffic and
     * tasks). ECS documents only ROLLBACK; ABORT is refused.
     */
    public String stopServiceDeployment(String arn, String stopType) {
        synchronized (engine) {
            engine.advance();
            String type = stopType == null ? "ROLLBACK" : stopType;
            if (!"ROLLBACK".equals(type)) {
                if ("ABORT".equals(type)) {
                    throw new SimApiException("UnsupportedFeatureException", "The ABORT stop type is not supported. Use ROLLBACK.");
                }
                throw SimApiException.invalidParameter("Invalid stopType '" + type + "': must be ROLLBACK or ABORT.");
            }
            Located at = requireLocated(arn);
            SimServiceDeployment sd = requireDeployment(at, arn);
            if (!sd.inProgress() || sd.rollingBack()) {
                throw new SimApiException("ConflictException", "The service deployment " + arn + " is " + sd.status
                        + "; only a service deployment in progress can be stopped.");
            }
            ServiceDeployments.requestRollback(at.service, sd, "Service deployment stopped by StopServiceDeployment.", engine.now());
            return arn;
        }
    }

    /** ContinueServiceDeployment: acts on a PAUSE hook that awaits action (CONTINUE, the default, or ROLLBACK). */
    public String continueServiceDeployment(String arn, String hookId, String action) {
        synchronized (engine) {
            engine.advance();
            String act = action == null ? "CONTINUE" : action;
            if (!"CONTINUE".equals(act) && !"ROLLBACK".equals(act)) {
                throw SimApiException.invalidParameter("Invalid action '" + act + "': must be CONTINUE or ROLLBACK.");
            }
            Located at = requireLocated(arn);
            SimServiceDeployment sd = requireDeployment(at, arn);
            SimServiceDeployment.HookRun hook = null;
            for (SimServiceDeployment.HookRun h : sd.hooks) {
                if (h.hookId.equals(hookId)) {
                    hook = h;
                }
            }
            if (hook == null) {
                throw SimApiException.invalidParameter("The service deployment " + arn + " has no lifecycle hook " + hookId + ".");
            }
            if (!"AWAITING_ACTION".equals(hook.status)) {
                // ContinueServiceDeployment's errors in the model have no ConflictException: this is a bad parameter (the hook).
                throw SimApiException.invalidParameter("The lifecycle hook " + hookId + " is " + hook.status
                        + "; only a PAUSE hook that is AWAITING_ACTION can be continued or rolled back.");
            }
            engine.ecs().scheduler.trafficShift.resolveHook(at.service, sd, hook, act, engine.now());
            return arn;
        }
    }

    private record Located(SimCluster cluster, SimService service) {}

    /** The cluster and service an ARN of {@code kind} (service-deployment, service-revision) names, or null. */
    private Located locate(String arn, String kind) {
        String marker = ":" + kind + "/";
        int at = arn == null ? -1 : arn.indexOf(marker);
        if (at < 0) {
            return null;
        }
        String[] path = arn.substring(at + marker.length()).split("/");
        if (path.length != 3) {
            return null;
        }
        SimCluster c = engine.ecs().clusters.get(path[0]);
        SimService s = c == null ? null : c.services.get(path[1]);
        return s == null ? null : new Located(c, s);
    }

    private Located requireLocated(String arn) {
        Located at = locate(arn, "service-deployment");
        if (at == null) {
            if (arn == null || !arn.contains(":service-deployment/")) {
                throw SimApiException.invalidParameter("Invalid service deployment ARN: " + arn);
            }
            throw new SimApiException("ServiceDeploymentNotFoundException", "The service deployment " + arn + " does not exist.");
        }
        return at;
    }

    private static SimServiceDeployment requireDeployment(Located at, String arn) {
        SimServiceDeployment sd = find(at.service, arn);
        if (sd == null) {
            throw new SimApiException("ServiceDeploymentNotFoundException", "The service deployment " + arn + " does not exist.");
        }
        return sd;
    }

    private static SimServiceDeployment find(SimService svc, String arn) {
        for (SimServiceDeployment sd : svc.serviceDeployments) {
            if (sd.arn.equals(arn)) {
                return sd;
            }
        }
        return null;
    }
}
