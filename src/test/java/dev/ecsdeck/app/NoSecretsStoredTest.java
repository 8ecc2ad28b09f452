package dev.ecsdeck.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsdeck.sim.ApiFaults;
import dev.ecsdeck.sim.DemoSim;
import dev.ecsdeck.sim.SimEngine;
import dev.ecsdeck.sim.state.SimStateStore;
import dev.ecsdeck.sim.wire.DenyingWireServer;
import dev.ecsdeck.sim.wire.WireServer;
import dev.ecsdeck.ui.UiTestBench;
import dev.ecsdeck.ui.UiTestEnd;
import dev.ecsdeck.ui.taskdef.DraftStore;
import dev.ecsdeck.ui.taskdef.TaskDefinitionEditorViewModel;
import dev.ecsdeck.ui.tree.TreeEntry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;

/**
 * No secret access key or session token is ever written anywhere the console writes: the real app
 * runs on a profile with distinctive fake static keys and a session token, against the simulator
 * served on 127.0.0.1 (which saves its state after each change); calls succeed and fail (expired
 * token, access denied on one cluster), a revision is registered, a draft typed, read-only
 * switched; then every file under the config folder (logs, settings.json, drafts) and the
 * simulator's state file is searched for the secrets.
 */
class NoSecretsStoredTest {
    private static final String SECRET_KEY = "SECRETKEYzq7Xv3Lm9Pw2Rt5Yb8Nc4Hd6Jf1Gk0Ns";
    private static final String SESSION_TOKEN = "SESSIONTOKENqW3eR5tY7uI9oP1aS3dF5gH7jK9lZ2xC4vB6nM8";
    private static final String KEY_ID = "ASIAECSDECKLEAKTEST1";
    @RegisterExtension
    final UiTestEnd end = new UiTestEnd();

    @TempDir
    Path dir;
    private final FxRobot robot = new FxRobot();
    private final ApiFaults faults = ApiFaults.realTime(1);
    private WireServer server;
    private Path simState;

    @BeforeEach
    void profileWithSecrets() throws Exception {
        Files.writeString(dir.resolve("config"), "[profile leaky]\nregion = us-east-1\n");
        Files.writeString(dir.resolve("credentials"), "[leaky]\naws_access_key_id = " + KEY_ID + "\naws_secret_access_key = " + SECRET_KEY
                + "\naws_session_token = " + SESSION_TOKEN + "\n");
        System.setProperty("aws.configFile", dir.resolve("config").toString());
        System.setProperty("aws.sharedCredentialsFile", dir.resolve("credentials").toString());
        SimEngine engine = DemoSim.demoEngine();
        simState = dir.resolve("served-sim-state.json");
        SimStateStore store = new SimStateStore(simState, "demo");
        store.save(engine);
        server = end.closeAfter(DenyingWireServer.serve(engine, faults, "DescribeServices", "prod-batch", "AccessDeniedException",
                "User is not authorized to perform: ecs:DescribeServices", 400, () -> store.save(engine)));
    }

    @AfterEach
    void forgetTheAwsConfiguration() {
        System.clearProperty("aws.configFile");
        System.clearProperty("aws.sharedCredentialsFile");
    }

    @Test
    void secretsAppearInNoFileTheConsoleOrTheSimulatorWrites() throws Exception {
        AwsSessionCredentials loaded = assertInstanceOf(AwsSessionCredentials.class,
                ProfileCredentialsProvider.builder().profileName("leaky").build().resolveCredentials());
        assertEquals(SESSION_TOKEN, loaded.sessionToken(), "the app's calls are signed with these secrets");

        Path configDir = dir.resolve("ecsdeck");
        Stage stage = FxToolkit.registerPrimaryStage();
        EcsDeckApp app = (EcsDeckApp) FxToolkit.setupApplication(EcsDeckApp.class, "--config-dir", configDir.toString(),
                "--refresh-seconds", "0", "--backend", "aws", "--profile", "leaky", "--endpoint-url", "http://127.0.0.1:" + server.port());
        UiTestBench.waitUntil("the served clusters", () -> app.window() != null && app.window().tree().root() != null
                && app.window().tree().root().getChildren().stream().filter(i -> i.getValue() instanceof TreeEntry.ClusterEntry).count() == 3);

        // Access denied on one cluster: the error shows in its place in the tree and in the status bar; the others load.
        TreeView<TreeEntry> tree = app.window().treeController().treeView();
        UiTestBench.waitUntil("prod-batch denied in place, staging's services shown", () -> {
            expandServiceFolders(tree.getRoot());
            List<String> rows = texts(tree);
            return rows.contains("notifications") && rows.stream().anyMatch(t -> t.startsWith("DescribeServices failed: AccessDeniedException")
                    && t.contains("Profile leaky may not call DescribeServices"));
        });
        UiTestBench.waitUntil("the error in the status bar", () -> app.window().shell().lastErrorProperty().get()
                .contains("Profile leaky may not call DescribeServices"));

        // Register a revision (the served simulator saves its state), then type a draft that stays.
        AtomicReference<TaskDefinitionEditorViewModel> editor = new AtomicReference<>();
        robot.interact(() -> editor.set(app.window().openEditor("web")));
        UiTestBench.waitUntil("the web revision", () -> editor.get().baseProperty().get() != null && !editor.get().busyProperty().get());
        String text = editor.get().textProperty().get();
        robot.interact(() -> editor.get().textEdited(text.replaceFirst("\"image\"\\s*:\\s*\"[^\"]*\"",
                "\"image\": \"acme/web:registered\"")));
        robot.interact(() -> editor.get().register());
        UiTestBench.waitUntil("registered", () -> editor.get().messageProperty().get().startsWith("Registered web:"));
        String registered = editor.get().textProperty().get();
        robot.interact(() -> editor.get().textEdited(registered.replaceFirst("\"image\"\\s*:\\s*\"[^\"]*\"", "\"image\": \"acme/web:draft\"")));
        assertEquals(1, new DraftStore(configDir.resolve("drafts")).all().size(), "a draft is kept");

        // An expired token on one call: the message says what to do; the console carries on.
        faults.failNext("DescribeTaskDefinition", "ExpiredTokenException", "The security token included in the request is expired", 400);
        AtomicReference<TaskDefinitionEditorViewModel> second = new AtomicReference<>();
        robot.interact(() -> second.set(app.window().openEditor("checkout")));
        UiTestBench.waitUntil("the expired token named", () -> second.get().messageProperty().get().contains("aws sso login --profile leaky"));

        robot.clickOn("#readOnlyToggle");
        UiTestBench.waitUntil("read-only remembered", () -> Files.exists(configDir.resolve("settings.json")));
        FxToolkit.cleanupApplication(app); // saves the window's settings

        List<Path> written = new ArrayList<>(files(configDir));
        written.add(simState);
        assertTrue(written.stream().anyMatch(p -> p.getFileName().toString().equals("settings.json")), "preferences: " + written);
        assertTrue(written.stream().anyMatch(p -> p.getParent().getFileName().toString().equals("drafts")), "drafts: " + written);
        assertTrue(written.stream().anyMatch(p -> p.getParent().getFileName().toString().equals("logs")), "logs: " + written);
        assertTrue(Files.readString(simState).contains("acme/web:registered"), "the simulator saved the registration");
        for (Path f : written) {
            String content = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
            assertFalse(content.contains(SECRET_KEY), "the secret key is in " + f);
            assertFalse(content.contains(SESSION_TOKEN), "the session token is in " + f);
        }
    }

    /** The search above can fail: a planted secret is found. */
    @Test
    void theSearchFindsAPlantedSecret() throws IOException {
        Path f = dir.resolve("ecsdeck/logs/planted.log");
        Files.createDirectories(f.getParent());
        Files.writeString(f, "header\nAWS_SECRET_ACCESS_KEY=" + SECRET_KEY + "\n");
        assertTrue(files(dir.resolve("ecsdeck")).stream().anyMatch(p -> {
            try {
                return new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1).contains(SECRET_KEY);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }));
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(Files::isRegularFile).toList();
        }
    }

    private static void expandServiceFolders(TreeItem<TreeEntry> root) {
        for (TreeItem<TreeEntry> cluster : List.copyOf(root.getChildren())) {
            cluster.setExpanded(true);
            for (TreeItem<TreeEntry> folder : List.copyOf(cluster.getChildren())) {
                if (folder.getValue() instanceof TreeEntry.FolderEntry f && f.kind() == TreeEntry.FolderKind.SERVICES) {
                    folder.setExpanded(true);
                }
            }
        }
    }

    private static List<String> texts(TreeView<TreeEntry> tree) {
        List<String> out = new ArrayList<>();
        collect(tree.getRoot(), out);
        return out;
    }

    private static void collect(TreeItem<TreeEntry> item, List<String> out) {
        if (item == null) {
            return;
        }
        if (item.getValue() != null) {
            out.add(item.getValue() instanceof TreeEntry.MessageEntry m ? m.text() : item.getValue().name());
        }
        for (TreeItem<TreeEntry> c : List.copyOf(item.getChildren())) {
            collect(c, out);
        }
    }
}
