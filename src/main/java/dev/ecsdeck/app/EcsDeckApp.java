package dev.ecsdeck.app;

import dev.ecsdeck.provider.EcsProvider;
import dev.ecsdeck.ui.common.DialogConfirmer;
import dev.ecsdeck.provider.aws.AwsProfiles;
import dev.ecsdeck.ui.common.BackgroundTask;
import dev.ecsdeck.ui.logs.LogTailViewModel;
import dev.ecsdeck.ui.taskdef.DraftStore;
import dev.ecsdeck.ui.shell.BackendChoice;
import dev.ecsdeck.ui.shell.BackendPickerViewModel;
import dev.ecsdeck.ui.shell.MainWindow;
import dev.ecsdeck.ui.shell.ReadOnlyRule;
import java.lang.management.ManagementFactory;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.Alert;
import javafx.stage.Screen;
import javafx.stage.Stage;
import picocli.CommandLine;

/** The JavaFX application: opens the backend, shows the main window, and saves settings on exit. */
public final class EcsDeckApp extends Application {
    private static final System.Logger LOG = System.getLogger(EcsDeckApp.class.getName());

    private AppOptions options;
    private SettingsStore settingsStore;
    private Settings settings;
    private ConsoleSession session;
    private MainWindow window;
    private SmokeRun smoke;
    private Stage stage;
    /** Set once the window's state is saved and the session closed: by the close button, or by SIGTERM/SIGINT. */
    private boolean closed;

    @Override
    public void init() {
        StartupTrace.mark("fx-init");
        options = new AppOptions();
        new CommandLine(options).parseArgs(getParameters().getRaw().toArray(String[]::new));
        AppLogging.configure(options.configDir());
        settingsStore = new SettingsStore(options.configDir());
        settings = settingsStore.load();
    }

    @Override
    public void start(Stage stage) {
        StartupTrace.mark("fx-start");
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        this.stage = stage;
        if (options.smoke()) {
            smoke = new SmokeRun(jvmStart, options.smokeTimeoutSeconds());
            Thread.setDefaultUncaughtExceptionHandler((t, e) -> smoke.failUncaught(t, e));
        } else {
            Thread.setDefaultUncaughtExceptionHandler(this::uncaught);
        }
        EcsProvider backend;
        try {
            backend = Backends.openAlongside(options);
        } catch (RuntimeException e) {
            cannotOpen(e);
            return;
        }
        PendingBackend.whenFailed(backend, error -> Platform.runLater(() -> cannotOpen(error)));
        StartupTrace.mark("backend-open");
        show(backend, options.theme() != null ? "dark".equals(options.theme()) : settings.dark());
        StartupTrace.mark("window-built");
        restoreBounds(stage);
        stage.show();
        StartupTrace.mark("stage-shown");
        applyDividers(settings.treeDivider(), settings.logDivider());
        window.start();
        CloseOnSignal.install(() -> {
            close();
            Platform.exit();
        });
        LOG.log(System.Logger.Level.INFO, "Window open on " + session.shell().backendLabel());
        if (smoke != null) {
            smoke.start(window, session.provider());
        }
    }

    /** The backend did not open: the smoke run fails; a user is told why and the console ends. */
    private void cannotOpen(Throwable e) {
        LOG.log(System.Logger.Level.ERROR, "Cannot open backend", e);
        if (smoke != null) {
            smoke.fail("backend: " + e.getMessage());
            return;
        }
        Alert alert = new Alert(Alert.AlertType.ERROR, e.getMessage());
        alert.setHeaderText("Cannot open the " + options.backend() + " backend");
        alert.showAndWait();
        Platform.exit();
    }

    /** Opens a console session on the backend and shows its window in the stage. */
    private void show(EcsProvider backend, boolean dark) {
        BackendChoice choice = currentChoice(backend);
        ReadOnlyRule.Start readOnly = ReadOnlyRule.decide(choice, options.readOnly(), settings.readOnlyByBackend());
        session = new ConsoleSession(backend, readOnly.readOnly());
        session.shell().governReadOnly(choice, readOnly, on -> rememberReadOnly(choice, on));
        session.shell().darkProperty().set(dark);
        BackendPickerViewModel picker = new BackendPickerViewModel(choice, AwsProfiles.names(), options.endpointUrl(), AwsProfiles.regions(),
                AwsProfiles::regionOf, this::switchTo);
        window = new MainWindow(session.provider(), session.shell(), session.executor(),
                new DialogConfirmer(stage),
                new MainWindow.Options(options.refreshSeconds(), LogTailViewModel.DEFAULT_CAPACITY, System::currentTimeMillis, picker,
                        new DraftStore(options.configDir().resolve("drafts"))));
        window.detail().onOpenUrl(getHostServices()::showDocument);
        stage.setTitle("ECS Deck — " + backend.description().label());
        stage.setScene(window.scene());
    }

    /** The window on screen (tests drive it through its view models). */
    MainWindow window() {
        return window;
    }

    private void applyDividers(double tree, double log) {
        window.mainController().horizontalSplit().setDividerPositions(tree);
        window.mainController().setLogDivider(log);
    }

    private BackendChoice currentChoice(EcsProvider backend) {
        if (options.backend() == AppOptions.Backend.sim) {
            return BackendChoice.simulatorChoice();
        }
        return BackendChoice.aws(options.profile(), backend.description().region(), options.endpointUrl());
    }

    /** The user switched read-only for this backend: remembered in settings.json at once, so a crash does not forget it. */
    private void rememberReadOnly(BackendChoice backend, boolean on) {
        settings = settings.withReadOnly(backend.settingsKey(), on);
        if (smoke == null) {
            settingsStore.save(settings);
        }
    }

    /**
     * Switches the open window to another backend: the new one is opened in the background, then
     * the window's content is replaced; the old session is closed. A backend that fails to open
     * leaves the current one in place and says why.
     */
    void switchTo(BackendChoice choice) {
        AppOptions next = options.forBackend(choice.simulator() ? AppOptions.Backend.sim : AppOptions.Backend.aws, choice.profile(),
                // the simulator keeps --endpoint-url for the profiles it lists
                choice.region(), choice.simulator() ? options.endpointUrl() : choice.endpoint());
        ConsoleSession old = session;
        MainWindow oldWindow = window;
        old.shell().setStatus("Opening " + choice.label() + "…");
        BackgroundTask.of(() -> Backends.open(next)).onSuccess(backend -> {
            double[] tree = oldWindow.mainController().horizontalSplit().getDividerPositions();
            double[] log = {oldWindow.mainController().logDivider()};
            boolean dark = old.shell().darkProperty().get();
            oldWindow.stop();
            options = next;
            show(backend, dark);
            applyDividers(tree[0], log[0]);
            window.start();
            new Thread(old::close, "close-old-backend").start();
        }).onFailure(error -> old.shell().report(error)).executeWith(old.executor());
    }

    private void restoreBounds(Stage stage) {
        Settings.WindowBounds b = settings.window();
        if (b == null) {
            stage.setWidth(1280);
            stage.setHeight(800);
            return;
        }
        boolean visible = Screen.getScreens().stream().map(Screen::getVisualBounds)
                .anyMatch((Rectangle2D r) -> r.intersects(b.x(), b.y(), Math.max(1, b.width()), Math.max(1, b.height())));
        if (visible) {
            stage.setX(b.x());
            stage.setY(b.y());
        }
        stage.setWidth(Math.max(640, b.width()));
        stage.setHeight(Math.max(480, b.height()));
        stage.setMaximized(b.maximized());
    }

    private void uncaught(Thread thread, Throwable error) {
        LOG.log(System.Logger.Level.ERROR, "Uncaught exception on " + thread.getName(), error);
        if (session != null) {
            session.shell().report(error);
        }
    }

    /** The close button (the last window closed) ends here. */
    @Override
    public void stop() {
        close();
    }

    /** Saves the window's state and closes the session; once (on the FX thread), whichever way the console ends. */
    private void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (window != null) {
            Stage stage = (Stage) window.scene().getWindow();
            double[] tree = window.mainController().horizontalSplit().getDividerPositions();
            double[] log = {window.mainController().logDivider()};
            settings = settings.withDividers(tree.length > 0 ? tree[0] : settings.treeDivider(), log.length > 0 ? log[0] : settings.logDivider())
                    .withTheme(session.shell().darkProperty().get() ? "dark" : "light");
            if (stage != null) {
                settings = settings.withWindow(new Settings.WindowBounds(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(),
                        stage.isMaximized()));
            }
            if (smoke == null) {
                settingsStore.save(settings);
            }
            window.stop();
        }
        if (session != null) {
            session.close();
        }
    }
}
