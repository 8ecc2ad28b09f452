package dev.ecsdeck.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsdeck.model.Arns;
import dev.ecsdeck.sim.DemoSim;
import dev.ecsdeck.provider.sim.SimProvider;
import dev.ecsdeck.sim.state.SimStateStore;
import dev.ecsdeck.ui.taskdef.Draft;
import dev.ecsdeck.ui.taskdef.DraftStore;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 while typing, while registering and while deploying loses nothing: a child JVM runs the
 * console's own code in a loop ({@link CrashDriverProcess}) and is killed with SIGKILL after a
 * seeded random number of acknowledged steps; the parent then loads the draft, the preferences
 * and the simulator state with the console's own loaders (as the next start does) and finds each
 * readable and holding at least the last step the child acknowledged. Each round starts the child
 * on what the previous round left.
 */
class KillNineTest {
    private static final int ROUNDS = 3;
    private static final Pattern ACK = Pattern.compile("ack (\\d+)(?: (\\d+))?");

    @TempDir
    Path dir;

    private record Acked(long n, int revision) {}

    @Test
    void killedWhileTypingTheDraftAndPreferencesAreCurrent() throws Exception {
        Random random = new Random(9001);
        for (int round = 0; round < ROUNDS; round++) {
            Acked last = runAndKill("type", round, random);
            Draft draft = webDraft();
            assertTrue(imageNumber(draft.json(), "typed") >= last.n(), "round " + round + ": draft " + draft.json().length()
                    + " chars holds typed-" + imageNumber(draft.json(), "typed") + ", acknowledged " + last.n());
            assertPreferencesAtLeast(last.n(), round);
        }
    }

    @Test
    void killedWhileRegisteringTheRevisionsAndPreferencesAreCurrent() throws Exception {
        Random random = new Random(9002);
        for (int round = 0; round < ROUNDS; round++) {
            Acked last = runAndKill("register", round, random);
            try (SimProvider sim = loadSim()) {
                List<String> revisions = sim.listTaskDefinitions("web", false);
                int newest = Integer.parseInt(Arns.familyRevision(revisions.get(0)).replaceAll(".*:", ""));
                assertTrue(newest >= last.revision(), "round " + round + ": newest web:" + newest + ", acknowledged " + last.revision());
                assertTrue(sim.describeTaskDefinition("web:" + last.revision()).json().contains("acme/web:registered-" + last.n()),
                        "the acknowledged revision is the one registered");
            }
            assertPreferencesAtLeast(last.n(), round);
        }
    }

    @Test
    void killedWhileDeployingTheServiceRunsTheLastDeployedRevision() throws Exception {
        Random random = new Random(9003);
        for (int round = 0; round < ROUNDS; round++) {
            Acked last = runAndKill("deploy", round, random);
            try (SimProvider sim = loadSim()) {
                String deployed = sim.describeServices("prod-web", List.of("web")).get(0).taskDefinition();
                int revision = Integer.parseInt(deployed.replaceAll(".*:", ""));
                assertTrue(revision >= last.revision(), "round " + round + ": web runs web:" + revision + ", acknowledged " + last.revision());
            }
            assertPreferencesAtLeast(last.n(), round);
        }
    }

    /** Starts the child on this round's numbers, reads its acknowledgements, and kills it (SIGKILL) after a seeded random count. */
    private Acked runAndKill(String mode, int round, Random random) throws Exception {
        int killAfter = 3 + random.nextInt(30);
        long first = round * 100_000L + 1;
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), CrashDriverProcess.class.getName(), mode, configDir().toString(), simState().toString(),
                Long.toString(first)).redirectErrorStream(true).start();
        Acked last = null;
        int acks = 0;
        StringBuilder other = new StringBuilder();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                Matcher m = ACK.matcher(line);
                if (!m.matches()) {
                    other.append(line).append('\n');
                    continue;
                }
                last = new Acked(Long.parseLong(m.group(1)), m.group(2) == null ? 0 : Integer.parseInt(m.group(2)));
                if (++acks >= killAfter) {
                    child.destroyForcibly(); // SIGKILL: no shutdown hook, no flush, whatever the child was writing
                    break;
                }
            }
        }
        assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the child ended");
        assertNotNull(last, mode + " round " + round + ": no step acknowledged; the child said:\n" + other);
        assertEquals(killAfter, acks, mode + " round " + round + " ended early; the child said:\n" + other);
        return last;
    }

    private Path configDir() {
        return dir.resolve("ecsdeck");
    }

    private Path simState() {
        return dir.resolve("sim-demo.json");
    }

    private Draft webDraft() {
        List<Draft> drafts = new DraftStore(configDir().resolve("drafts")).all();
        assertEquals(1, drafts.size(), "the web draft, readable");
        assertEquals("web", drafts.get(0).family());
        return drafts.get(0);
    }

    private SimProvider loadSim() {
        return new SimProvider(new SimStateStore(simState(), "demo").load(DemoSim.startClock()), "demo");
    }

    private void assertPreferencesAtLeast(long n, int round) {
        SettingsStore store = new SettingsStore(configDir());
        Settings settings = store.load();
        assertFalse(Files.exists(configDir().resolve("settings.json.bad")), "round " + round + ": settings.json was unreadable");
        assertNotNull(settings.window(), "round " + round + ": preferences saved");
        assertTrue(settings.window().x() >= n, "round " + round + ": preferences hold step " + settings.window().x() + ", acknowledged " + n);
    }

    private static long imageNumber(String json, String kind) {
        Matcher m = Pattern.compile("acme/web:" + kind + "-(\\d+)").matcher(json);
        assertTrue(m.find(), "no " + kind + " image in the draft");
        return Long.parseLong(m.group(1));
    }
}
