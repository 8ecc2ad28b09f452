package dev.ecsdeck.ui.exec;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.ecsdeck.model.EcsService;
import dev.ecsdeck.model.EcsTask;
import dev.ecsdeck.provider.BackendDescription;
import dev.ecsdeck.provider.EcsProvider;
import dev.ecsdeck.provider.ForwardingEcsProvider;
import dev.ecsdeck.provider.TaskFilter;
import dev.ecsdeck.sim.DemoSim;
import dev.ecsdeck.ui.common.CurrentThreadTaskExecutor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Open shell's logic: when it is off and why; on AWS, what to install or the terminal it opens; on the simulator, its answer. */
class OpenShellViewModelTest {
    private final DemoSim sim = new DemoSim();
    private final List<List<String>> started = new ArrayList<>();
    private final EcsTask web = sim.provider.listTasks("prod-web", TaskFilter.ofService("web")).get(0);

    @AfterEach
    void close() {
        sim.close();
    }

    /** The demo's provider, seen as an AWS connection with a profile, a region and an endpoint. */
    private EcsProvider aws() {
        return new ForwardingEcsProvider(sim.provider) {
            @Override
            public BackendDescription description() {
                return BackendDescription.aws("dev", "eu-west-1", "http://127.0.0.1:4566");
            }
        };
    }

    private TerminalLauncher linux(String... files) {
        Set<Path> present = new java.util.HashSet<>();
        for (String f : files) {
            present.add(Path.of(f));
        }
        return new TerminalLauncher("/usr/bin", "Linux", present::contains, started::add);
    }

    @Test
    void isOffWithoutExecOrARunningTask() {
        EcsService webService = sim.provider.describeServices("prod-web", List.of("web")).get(0);
        EcsService checkout = sim.provider.describeServices("prod-web", List.of("checkout")).get(0);
        EcsTask checkoutTask = sim.provider.listTasks("prod-web", TaskFilter.ofService("checkout")).get(0);
        assertNull(OpenShellViewModel.unavailableReason(web, webService));
        assertThat(OpenShellViewModel.unavailableReason(checkoutTask, checkout), containsString("ECS Exec is off for service checkout"));
        assertThat(OpenShellViewModel.unavailableReason(checkoutTask, webService), containsString("started without ECS Exec"));
        sim.provider.stopTask("prod-web", web.taskArn(), "test");
        sim.clock.advance(java.time.Duration.ofMinutes(3));
        EcsTask stopped = sim.provider.describeTasks("prod-web", List.of(web.taskArn())).get(0);
        assertEquals("The task is STOPPED: a shell opens only in a RUNNING task.", OpenShellViewModel.unavailableReason(stopped, webService));
    }

    @Test
    void onAwsWithoutTheToolsShowsTheCommandAndNamesWhatToInstall() {
        OpenShellViewModel model = new OpenShellViewModel(aws(), new CurrentThreadTaskExecutor(), web, linux("/usr/bin/aws", "/usr/bin/xterm"));
        model.open();
        assertThat(model.messageProperty().get(), containsString("the Session Manager plugin for the AWS CLI (\"session-manager-plugin\""));
        assertThat(model.messageProperty().get(), not(containsString("AWS CLI v2")));
        assertEquals("aws ecs execute-command --cluster prod-web --task " + web.taskId() + " --container web --interactive --command /bin/sh"
                + " --profile dev --region eu-west-1 --endpoint-url http://127.0.0.1:4566", model.commandProperty().get());
        assertEquals(List.of(), started, "nothing ran");

        OpenShellViewModel none = new OpenShellViewModel(aws(), new CurrentThreadTaskExecutor(), web, linux());
        none.open();
        assertThat(none.messageProperty().get(), containsString("install the AWS CLI v2 (\"aws\" is not on the PATH) and the Session Manager"));
    }

    @Test
    void onAwsWithTheToolsRunsTheCommandInATerminal() {
        OpenShellViewModel model = new OpenShellViewModel(aws(), new CurrentThreadTaskExecutor(), web,
                linux("/usr/bin/aws", "/usr/bin/session-manager-plugin", "/usr/bin/xterm"));
        model.containerProperty().set("log-forwarder");
        model.open();
        assertEquals("Opened a terminal running the command below.", model.messageProperty().get());
        assertEquals(1, started.size());
        assertEquals(List.of("xterm", "-e", "sh", "-c"), started.get(0).subList(0, 4));
        assertThat(started.get(0).get(4), containsString("--container log-forwarder --interactive --command /bin/sh --profile dev"));
        assertEquals("", model.sessionIdProperty().get(), "the CLI opens the session, not the console");
    }

    @Test
    void onTheSimulatorCallsExecuteCommandAndSaysNoShellCanOpen() {
        OpenShellViewModel model = new OpenShellViewModel(sim.provider, new CurrentThreadTaskExecutor(), web, linux());
        assertEquals(List.of("web", "log-forwarder"), model.containers());
        assertEquals("web", model.containerProperty().get(), "the first container by default");
        model.open();
        assertThat(model.sessionIdProperty().get(), containsString("ecs-execute-command-"));
        assertThat(model.messageProperty().get(), containsString("no shell can open in the simulator"));
        assertThat(model.messageProperty().get(), containsString(model.sessionIdProperty().get()));
        assertEquals(List.of(), started);
    }
}
