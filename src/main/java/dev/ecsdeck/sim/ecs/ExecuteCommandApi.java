package dev.ecsdeck.sim.ecs;

import dev.ecsdeck.model.EcsService;
import dev.ecsdeck.model.EcsTask;
import dev.ecsdeck.sim.SimApiException;
import dev.ecsdeck.sim.SimEngine;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Supplier;

/**
 * ECS Exec: the {@code enableExecuteCommand} setting of services and tasks, and ExecuteCommand.
 * There is no Session Manager behind it: ExecuteCommand answers with a session as ECS does, but
 * nothing listens at its stream URL, so no shell can open.
 */
public final class ExecuteCommandApi {
    /** ECS's answer when the task was run without ECS Exec or its agent is not running (which is how ECS words both). */
    static final String NOT_ENABLED = "The execute command failed because execute command was not enabled when the task was run"
            + " or the execute command agent isn't running. Wait and try again or run a new task with execute command enabled and try again.";

    private final SimEngine engine;

    public ExecuteCommandApi(SimEngine engine) {
        this.engine = engine;
    }

    /** What ExecuteCommand answers: the container, and the Session Manager session ECS would have opened. */
    public record Session(String clusterArn, String containerArn, String containerName, String taskArn, String sessionId,
            String streamUrl, String tokenValue) {}

    /**
     * A CreateService or UpdateService call ({@code change}) and its enableExecuteCommand (null leaves
     * the service's as it is), under one lock so the service's first tasks already carry it.
     */
    public EcsService onService(String cluster, String service, Boolean enableExecuteCommand, Supplier<EcsService> change) {
        synchronized (engine) {
            EcsService changed = change.get();
            return enableExecuteCommand == null ? changed : setOnService(cluster, service, enableExecuteCommand);
        }
    }

    /** Sets the service's enableExecuteCommand: the tasks it starts from now on carry it. */
    public EcsService setOnService(String cluster, String service, boolean enableExecuteCommand) {
        synchronized (engine) {
            SimCluster c = engine.ecs().cluster(cluster);
            SimService s = ServiceApi.service(c, service);
            s.enableExecuteCommand = enableExecuteCommand;
            s.dirty = true;
            return SimViews.service(s, c.tasksOf(s.name), c.arn);
        }
    }

    /** A RunTask or StartTask call ({@code launch}): the tasks it started carry enableExecuteCommand. */
    public Described<EcsTask> onLaunch(String cluster, boolean enableExecuteCommand, Supplier<Described<EcsTask>> launch) {
        synchronized (engine) {
            Described<EcsTask> launched = launch.get();
            if (!enableExecuteCommand) {
                return launched;
            }
            SimCluster c = engine.ecs().cluster(cluster);
            List<EcsTask> tasks = new ArrayList<>();
            for (EcsTask t : launched.items()) {
                SimTask task = c.tasks.get(t.taskId());
                task.enableExecuteCommand = true;
                tasks.add(SimViews.task(task, c.arn, c));
            }
            return new Described<>(tasks, launched.failures());
        }
    }

    /** ExecuteCommand, refused as ECS refuses it. */
    public Session executeCommand(String cluster, String container, String command, Boolean interactive, String task) {
        synchronized (engine) {
            engine.advance();
            if (command == null || command.isBlank()) {
                throw SimApiException.invalidParameter("command can not be blank.");
            }
            if (!Boolean.TRUE.equals(interactive)) {
                throw SimApiException.invalidParameter("Interactive is the only mode supported currently.");
            }
            SimCluster c = engine.ecs().cluster(cluster);
            if (task == null || task.isBlank()) {
                throw SimApiException.invalidParameter("task can not be blank.");
            }
            SimTask t = c.tasks.get(SimEcs.nameOf(task));
            if (t == null) {
                throw SimApiException.invalidParameter("The referenced task was not found.");
            }
            SimContainer target = container(t, container);
            if (!t.enableExecuteCommand || !"RUNNING".equals(t.lastStatus) || !"RUNNING".equals(target.lastStatus)) {
                throw SimApiException.invalidParameter(NOT_ENABLED);
            }
            String sessionId = "ecs-execute-command-" + engine.ids().hex(17);
            String streamUrl = "wss://ssmmessages." + regionOf(c.arn) + ".amazonaws.com/v1/data-channel/" + sessionId
                    + "?role=publish_subscribe&cell-number=" + engine.ids().hex(8);
            byte[] token = engine.ids().hex(48).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            return new Session(c.arn, target.arn, target.spec.name(), t.arn, sessionId, streamUrl,
                    Base64.getEncoder().encodeToString(token));
        }
    }

    /** The named container; the only one when none is named. */
    private static SimContainer container(SimTask t, String name) {
        if (name == null || name.isBlank()) {
            if (t.containers.size() != 1) {
                throw SimApiException.invalidParameter("The task has more than one container: name the container to run the command on.");
            }
            return t.containers.get(0);
        }
        for (SimContainer c : t.containers) {
            if (c.spec.name().equals(name)) {
                return c;
            }
        }
        throw SimApiException.invalidParameter("The container " + name + " does not exist in the task.");
    }

    /** The region part of an ARN (arn:aws:ecs:REGION:...). */
    private static String regionOf(String arn) {
        String[] parts = arn.split(":");
        return parts.length > 3 ? parts[3] : "";
    }
}
