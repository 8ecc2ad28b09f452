package dev.ecsdeck.ui.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ecsdeck.provider.BackendDescription;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShellCommandTest {
    private static final String CLUSTER = "arn:aws:ecs:eu-west-1:123456789012:cluster/prod-web";
    private static final String TASK = "arn:aws:ecs:eu-west-1:123456789012:task/prod-web/0123456789abcdef0123456789abcdef";

    @Test
    void passesTheConnectionsProfileRegionAndEndpointOn() {
        ShellCommand c = ShellCommand.of(CLUSTER, TASK, "web", BackendDescription.aws("prod-admin", "eu-west-1", "http://127.0.0.1:4566"));
        assertEquals(List.of("aws", "ecs", "execute-command", "--cluster", "prod-web", "--task", "0123456789abcdef0123456789abcdef",
                "--container", "web", "--interactive", "--command", "/bin/sh", "--profile", "prod-admin", "--region", "eu-west-1",
                "--endpoint-url", "http://127.0.0.1:4566"), c.argv());
        assertEquals("aws ecs execute-command --cluster prod-web --task 0123456789abcdef0123456789abcdef --container web --interactive"
                + " --command /bin/sh --profile prod-admin --region eu-west-1 --endpoint-url http://127.0.0.1:4566", c.commandLine());
    }

    @Test
    void leavesOutWhatTheConnectionDoesNotHave() {
        ShellCommand c = ShellCommand.of(CLUSTER, TASK, "web", BackendDescription.aws(null, "eu-west-1", null));
        assertEquals("aws ecs execute-command --cluster prod-web --task 0123456789abcdef0123456789abcdef --container web --interactive"
                + " --command /bin/sh --region eu-west-1", c.commandLine());
        ShellCommand sim = ShellCommand.of(CLUSTER, TASK, "web", BackendDescription.simulator("demo"));
        assertEquals(List.of("--region", "us-east-1"), sim.argv().subList(sim.argv().size() - 2, sim.argv().size()),
                "the simulator's command stands for AWS: its region only");
    }

    @Test
    void quotesWordsAShellWouldSplitOrExpand() {
        assertEquals("web", ShellCommand.quote("web"));
        assertEquals("'my profile'", ShellCommand.quote("my profile"));
        assertEquals("'it'\\''s'", ShellCommand.quote("it's"));
        assertEquals("'$HOME'", ShellCommand.quote("$HOME"));
        assertEquals("''", ShellCommand.quote(""));
        ShellCommand c = new ShellCommand("c", "t", "side car", "dev team", null, null);
        assertEquals("aws ecs execute-command --cluster c --task t --container 'side car' --interactive --command /bin/sh"
                + " --profile 'dev team'", c.commandLine());
    }
}
