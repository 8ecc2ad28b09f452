package dev.ecsdeck.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsdeck.provider.BackendDescription;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Read-only per backend: forced by --read-only, else the remembered choice, else on for "prod" profiles. */
class ReadOnlyRuleTest {
    private static final BackendChoice SIM = BackendChoice.simulatorChoice();
    private static final BackendChoice PROD = BackendChoice.aws("prod-admin", "eu-west-1", null);
    private static final BackendChoice DEV = BackendChoice.aws("dev", "eu-west-1", null);

    @Test
    void aProfileNamedProdStartsReadOnlyAndSaysWhy() {
        ReadOnlyRule.Start start = ReadOnlyRule.decide(PROD, false, Map.of());
        assertTrue(start.readOnly());
        assertFalse(start.forced());
        assertTrue(start.reason().startsWith("profile prod-admin starts read-only"), start.reason());
        for (String name : List.of("Production", "my-PROD", "preprod-eu")) {
            assertTrue(ReadOnlyRule.decide(BackendChoice.aws(name, "us-east-1", null), false, Map.of()).readOnly(), name);
        }
        assertFalse(ReadOnlyRule.decide(DEV, false, Map.of()).readOnly());
        assertFalse(ReadOnlyRule.decide(SIM, false, Map.of()).readOnly());
        assertFalse(ReadOnlyRule.decide(BackendChoice.aws(null, "us-east-1", null), false, Map.of()).readOnly(), "default credentials");
    }

    @Test
    void theUsersChoiceForAProfileWinsOverTheName() {
        assertFalse(ReadOnlyRule.decide(PROD, false, Map.of("aws:prod-admin", false)).readOnly(), "switched off for that profile");
        assertTrue(ReadOnlyRule.decide(PROD, false, Map.of("aws:other-prod", false)).readOnly(), "another profile's choice does not count");
        ReadOnlyRule.Start dev = ReadOnlyRule.decide(DEV, false, Map.of("aws:dev", true));
        assertTrue(dev.readOnly());
        assertEquals("switched on for profile dev (remembered)", dev.reason());
        assertTrue(ReadOnlyRule.decide(SIM, false, Map.of("sim", true)).readOnly());
        assertEquals("aws:prod-admin", PROD.inRegion("us-east-1").settingsKey(), "per profile, whatever the region");
    }

    @Test
    void theOptionForcesItOnWhateverWasRemembered() {
        ReadOnlyRule.Start start = ReadOnlyRule.decide(PROD, true, Map.of("aws:prod-admin", false));
        assertTrue(start.readOnly());
        assertTrue(start.forced());
        assertTrue(start.reason().contains("--read-only"));
    }

    @Test
    void theShellRemembersEachSwitchAndKeepsTheReasonCurrent() {
        Map<String, Boolean> settings = new HashMap<>();
        ShellViewModel shell = new ShellViewModel(BackendDescription.aws("prod-admin", "eu-west-1", null), Runnable::run, false);
        shell.governReadOnly(PROD, ReadOnlyRule.decide(PROD, false, settings), on -> settings.put(PROD.settingsKey(), on));
        assertTrue(shell.isReadOnlyNow(), "starts read-only");
        assertTrue(shell.readOnlyReasonProperty().get().contains("prod-admin starts read-only"));
        assertTrue(settings.isEmpty(), "nothing remembered until the user switches");

        shell.readOnlyProperty().set(false);
        assertFalse(shell.isReadOnlyNow());
        assertEquals(Map.of("aws:prod-admin", false), settings);
        assertEquals("", shell.readOnlyReasonProperty().get());
        assertFalse(ReadOnlyRule.decide(PROD, false, settings).readOnly(), "next start: off, as the user left it");

        shell.readOnlyProperty().set(true);
        assertEquals(Map.of("aws:prod-admin", true), settings);
        assertEquals("switched on for profile prod-admin (remembered)", shell.readOnlyReasonProperty().get());
    }

    @Test
    void aForcedStartCannotBeSwitchedOffNorIsItRemembered() {
        List<Boolean> remembered = new ArrayList<>();
        ShellViewModel shell = new ShellViewModel(BackendDescription.simulator("demo"), Runnable::run, false);
        shell.governReadOnly(SIM, ReadOnlyRule.decide(SIM, true, Map.of()), remembered::add);
        assertTrue(shell.readOnlyForcedProperty().get());
        shell.readOnlyProperty().set(false);
        assertTrue(shell.isReadOnlyNow(), "--read-only holds");
        assertTrue(remembered.isEmpty());
    }

    @Test
    void theBannerSaysWhy() {
        assertEquals("Read-only: profile prod-admin starts read-only (its name contains \"prod\"). Every change (scale, deploy, register,"
                + " stop) is refused before it reaches the backend.", MainWindowController.bannerText(ReadOnlyRule.decide(PROD, false, Map.of()).reason()));
    }
}
