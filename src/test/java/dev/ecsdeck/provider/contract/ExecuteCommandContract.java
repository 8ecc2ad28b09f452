package dev.ecsdeck.provider.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsdeck.model.EcsService;
import dev.ecsdeck.model.EcsTask;
import dev.ecsdeck.model.ExecuteCommandSession;
import dev.ecsdeck.provider.InvalidInputException;
import dev.ecsdeck.provider.ReadOnlyEcsProvider;
import dev.ecsdeck.provider.ReadOnlyException;
import dev.ecsdeck.provider.TaskFilter;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * ECS Exec, the same on every provider: services and tasks carry enableExecuteCommand (the demo's
 * prod-web/web has it, checkout not); executeCommand opens a session on a running web task's
 * container, is refused on a task without it, and read-only mode refuses it before any backend.
 */
abstract class ExecuteCommandContract extends ContractFixture {
    private static final String WEB = "prod-web";

    private EcsTask runningTask(String service) {
        return provider.listTasks(WEB, TaskFilter.ofService(service)).stream().filter(t -> "RUNNING".equals(t.lastStatus()))
                .findFirst().orElseThrow();
    }

    @Test
    void servicesAndTasksCarryEnableExecuteCommand() {
        List<EcsService> services = provider.describeServices(WEB, List.of("web", "checkout"));
        assertTrue(services.get(0).enableExecuteCommand());
        assertFalse(services.get(1).enableExecuteCommand());
        assertTrue(runningTask("web").enableExecuteCommand());
        assertFalse(runningTask("checkout").enableExecuteCommand());
    }

    @Test
    void executeCommandOpensASessionOnTheNamedContainer() {
        EcsTask task = runningTask("web");
        ExecuteCommandSession session = provider.executeCommand(WEB, task.taskArn(), "log-forwarder", "/bin/sh");
        assertEquals(task.taskArn(), session.taskArn());
        assertEquals(task.clusterArn(), session.clusterArn());
        assertEquals("log-forwarder", session.containerName());
        String containerArn = task.containers().stream().filter(c -> c.name().equals("log-forwarder")).findFirst().orElseThrow()
                .containerArn();
        assertEquals(containerArn, session.containerArn());
        assertTrue(session.sessionId().startsWith("ecs-execute-command-"), session.sessionId());
        assertTrue(session.streamUrl().startsWith("wss://ssmmessages.us-east-1.amazonaws.com/"), session.streamUrl());
        assertNotEquals(session.sessionId(), provider.executeCommand(WEB, task.taskId(), "web", "/bin/sh").sessionId());
    }

    @Test
    void executeCommandIsRefusedWithoutExecAndInReadOnlyMode() {
        EcsTask plain = runningTask("checkout");
        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> provider.executeCommand(WEB, plain.taskArn(), "checkout", "/bin/sh"));
        assertTrue(refused.getMessage().contains("execute command was not enabled"), refused.getMessage());

        EcsTask web = runningTask("web");
        assertThrows(ReadOnlyException.class, () -> new ReadOnlyEcsProvider(provider).executeCommand(WEB, web.taskArn(), "web", "/bin/sh"));
    }
}
