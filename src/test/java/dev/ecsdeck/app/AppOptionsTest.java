package dev.ecsdeck.app;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class AppOptionsTest {

    @Test
    void helpListsEveryOption() {
        String help = new CommandLine(new AppOptions()).getUsageMessage();
        for (String option : new String[] {"--backend", "--profile", "--region", "--endpoint-url", "--scenario", "--read-only", "--smoke",
            "--config-dir", "--refresh-seconds", "--theme", "--help", "--version"}) {
            assertThat(help, containsString(option));
        }
    }

    @Test
    void parsesTheOptions() {
        AppOptions o = new AppOptions();
        new CommandLine(o).parseArgs("--backend", "aws", "--profile", "dev", "--region", "eu-west-1", "--endpoint-url",
                "http://127.0.0.1:4566", "--read-only", "--config-dir", "/tmp/x", "--refresh-seconds", "0");
        assertEquals(AppOptions.Backend.aws, o.backend());
        assertEquals("dev", o.profile());
        assertEquals("eu-west-1", o.region());
        assertEquals("http://127.0.0.1:4566", o.endpointUrl());
        assertTrue(o.readOnly());
        assertEquals(Path.of("/tmp/x"), o.configDir());
        assertEquals(0, o.refreshSeconds());
    }

    @Test
    void defaultsToTheSimulatorAndTheDemoScenario() {
        AppOptions o = new AppOptions();
        new CommandLine(o).parseArgs();
        assertEquals(AppOptions.Backend.sim, o.backend());
        assertEquals("demo", o.scenario());
        assertEquals(10, o.refreshSeconds());
    }

    @Test
    void refusesAnUnknownBackendNamingTheChoices() {
        CommandLine.ParameterException e = assertThrows(CommandLine.ParameterException.class,
                () -> new CommandLine(new AppOptions()).parseArgs("--backend", "gcp"));
        assertThat(e.getMessage(), containsString("sim, aws"));
    }
}
