package dev.ecsdeck.sim.ecs;

import dev.ecsdeck.model.ServiceRevision;
import dev.ecsdeck.sim.ecs.EcsSnapshot.HookState;
import dev.ecsdeck.sim.ecs.EcsSnapshot.ServiceDeploymentState;
import java.util.ArrayList;
import java.util.List;

/**
 * A service's revisions and service deployments (with their traffic split, stage and hook runs) for
 * the state file: taken by {@link EcsSnapshots} with the rest of the service, and put back into a
 * restored one. A state file from before service deployments has none (null lists).
 */
final class ServiceDeploymentSnapshots {
    private ServiceDeploymentSnapshots() {}

    /** The service's revisions, oldest first. */
    static List<ServiceRevision> revisions(SimService svc) {
        return List.copyOf(svc.revisions.values());
    }

    /** The service's service deployments, newest first (as the service keeps them). */
    static List<ServiceDeploymentState> serviceDeployments(SimService svc) {
        List<ServiceDeploymentState> out = new ArrayList<>();
        for (SimServiceDeployment sd : svc.serviceDeployments) {
            List<HookState> hooks = new ArrayList<>();
            for (SimServiceDeployment.HookRun h : sd.hooks) {
                hooks.add(new HookState(h.hookId, h.targetType, h.targetArn, h.stage, h.startedAt, h.expiresAt, h.timeoutAction, h.status,
                        h.answersAt, h.answer));
            }
            out.add(new ServiceDeploymentState(sd.arn, sd.createdAt, sd.sourceRevisionArns, sd.targetRevisionArn, sd.configuration,
                    sd.targetDeploymentId, sd.sourceDeploymentIds, sd.startedAt, sd.finishedAt, sd.stoppedAt, sd.updatedAt, sd.status,
                    sd.statusReason, sd.lifecycleStage, sd.stageStartedAt, sd.productionPercent, sd.testPercent, sd.nextShiftAt, hooks,
                    sd.rollbackReason, sd.rollbackStartedAt, sd.rollbackRevisionArn, sd.rollbackDeploymentId, sd.breakerThreshold,
                    sd.breakerFailures, sd.breakerTriggered));
        }
        return out;
    }

    /** Puts saved revisions and service deployments back into a restored service. */
    static void restore(SimService svc, List<ServiceRevision> revisions, List<ServiceDeploymentState> serviceDeployments) {
        if (revisions != null) {
            revisions.forEach(r -> svc.revisions.put(r.serviceRevisionArn(), r));
        }
        if (serviceDeployments == null) {
            return;
        }
        for (ServiceDeploymentState s : serviceDeployments) {
            svc.serviceDeployments.addLast(serviceDeployment(s));
        }
    }

    private static SimServiceDeployment serviceDeployment(ServiceDeploymentState s) {
        SimServiceDeployment sd = new SimServiceDeployment(s.arn(), s.createdAt(), orEmpty(s.sourceRevisionArns()), s.targetRevisionArn(),
                s.configuration(), s.targetDeploymentId(), orEmpty(s.sourceDeploymentIds()));
        sd.startedAt = s.startedAt();
        sd.finishedAt = s.finishedAt();
        sd.stoppedAt = s.stoppedAt();
        sd.updatedAt = s.updatedAt();
        sd.status = s.status();
        sd.statusReason = s.statusReason();
        sd.lifecycleStage = s.lifecycleStage();
        sd.stageStartedAt = s.stageStartedAt();
        sd.productionPercent = s.productionPercent();
        sd.testPercent = s.testPercent();
        sd.nextShiftAt = s.nextShiftAt();
        for (HookState h : orEmpty(s.hooks())) {
            SimServiceDeployment.HookRun run = new SimServiceDeployment.HookRun(h.hookId(), h.targetType(), h.targetArn(), h.stage(),
                    h.startedAt(), h.expiresAt(), h.timeoutAction(), h.status());
            run.answersAt = h.answersAt();
            run.answer = h.answer();
            sd.hooks.add(run);
        }
        sd.rollbackReason = s.rollbackReason();
        sd.rollbackStartedAt = s.rollbackStartedAt();
        sd.rollbackRevisionArn = s.rollbackRevisionArn();
        sd.rollbackDeploymentId = s.rollbackDeploymentId();
        sd.breakerThreshold = s.breakerThreshold();
        sd.breakerFailures = s.breakerFailures();
        sd.breakerTriggered = s.breakerTriggered();
        return sd;
    }

    static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
