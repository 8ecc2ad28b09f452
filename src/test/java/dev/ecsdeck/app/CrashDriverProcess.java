package dev.ecsdeck.app;

import dev.ecsdeck.model.EcsService;
import dev.ecsdeck.model.TaskDefinition;
import dev.ecsdeck.sim.ApiFaults;
import dev.ecsdeck.sim.DemoSim;
import dev.ecsdeck.sim.ManualClock;
import dev.ecsdeck.sim.SimEngine;
import dev.ecsdeck.provider.sim.SimProvider;
import dev.ecsdeck.sim.state.SimStateStore;
import dev.ecsdeck.ui.common.CurrentThreadTaskExecutor;
import dev.ecsdeck.ui.taskdef.DeployViewModel;
import dev.ecsdeck.ui.taskdef.DraftStore;
import dev.ecsdeck.ui.taskdef.RolloutViewModel;
import dev.ecsdeck.ui.taskdef.TaskDefinitionEditorViewModel;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * Run in a child JVM by {@link KillNineTest}: the console's own code (editor and deploy view
 * models, draft store, settings store, the simulator with its state file) doing one thing in a
 * loop until it is killed: typing into a draft, registering revisions, or deploying them, saving
 * the preferences each time. After each step is written it prints "ack N [revision]".
 *
 * <p>Arguments: mode (type, register, deploy), config folder, simulator state file, first N.
 */
public final class CrashDriverProcess {
    private CrashDriverProcess() {}

    public static void main(String[] args) {
        String mode = args[0];
        Path configDir = Path.of(args[1]);
        SimStateStore store = new SimStateStore(Path.of(args[2]), "demo");
        long first = Long.parseLong(args[3]);
        ManualClock clock = DemoSim.startClock();
        SimEngine engine = store.exists() ? store.load(clock) : DemoSim.demoEngine(clock);
        SimProvider provider = new SimProvider(engine, "demo", ApiFaults.realTime(1), store);
        SettingsStore settingsStore = new SettingsStore(configDir);
        Settings settings = settingsStore.load(); // the previous round's, as on a next start
        DraftStore drafts = new DraftStore(configDir.resolve("drafts"));
        CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
        SimpleBooleanProperty readOnly = new SimpleBooleanProperty(false);
        TaskDefinitionEditorViewModel editor = new TaskDefinitionEditorViewModel(provider, executor, (t, m) -> true, readOnly, drafts,
                Clock.systemUTC());
        DeployViewModel deploy = new DeployViewModel(provider, executor, (t, m) -> true, readOnly, new RolloutViewModel(provider, executor));
        deploy.askWith(question -> question.deploy()); // the user answers the deploy question with its defaults
        editor.open("web");
        for (long n = first; ; n++) {
            String ack = switch (mode) {
                case "type" -> {
                    editor.textEdited(withImage(editor.textProperty().get(), "acme/web:typed-" + n));
                    yield "";
                }
                case "register" -> {
                    editor.textEdited(withImage(editor.textProperty().get(), "acme/web:registered-" + n));
                    editor.register();
                    yield " " + editor.baseProperty().get().revision();
                }
                case "deploy" -> {
                    TaskDefinition revision = provider.registerTaskDefinition(withImage(editor.textProperty().get(), "acme/web:deployed-" + n));
                    EcsService web = provider.describeServices("prod-web", List.of("web")).get(0);
                    deploy.deploy(new DeployViewModel.Target("prod-web", "web", web.taskDefinition(), web.deploymentConfiguration()), revision);
                    yield " " + revision.revision();
                }
                default -> throw new IllegalArgumentException("mode " + mode);
            };
            settings = settings.withWindow(new Settings.WindowBounds(n, 0, 1280, 800, false));
            settingsStore.save(settings);
            System.out.println("ack " + n + ack);
            System.out.flush();
        }
    }

    static String withImage(String json, String image) {
        return json.replaceFirst("\"image\"\\s*:\\s*\"[^\"]*\"", "\"image\": \"" + image + "\"");
    }
}
