package dev.ecsdeck.app;

import dev.ecsdeck.provider.EcsProvider;
import dev.ecsdeck.ui.common.DialogConfirmer;
import dev.ecsdeck.ui.logs.LogTailViewModel;
import dev.ecsdeck.ui.shell.MainWindow;
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

    @Override
    public void init() {
        options = new AppOptions();
        new CommandLine(options).parseArgs(getParameters().getRaw().toArray(String[]::new));
        AppLogging.configure(options.configDir());
        settingsStore = new SettingsStore(options.configDir());
        settings = settingsStore.load();
    }

    @Override
    public void start(Stage stage) {
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        if (options.smoke()) {
            smoke = new SmokeRun(jvmStart, options.smokeTimeoutSeconds());
            Thread.setDefaultUncaughtExceptionHandler((t, e) -> smoke.failUncaught(t, e));
        } else {
            Thread.setDefaultUncaughtExceptionHandler(this::uncaught);
        }
        EcsProvider backend;
        try {
            backend = Backends.open(options);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "Cannot open backend", e);
            if (smoke != null) {
                smoke.fail("backend: " + e.getMessage());
                return;
            }
            Alert alert = new Alert(Alert.AlertType.ERROR, e.getMessage());
            alert.setHeaderText("Cannot open the " + options.backend() + " backend");
            alert.showAndWait();
            Platform.exit();
            return;
        }
        session = new ConsoleSession(backend, options.readOnly());
        session.shell().darkProperty().set(options.theme() != null ? "dark".equals(options.theme()) : settings.dark());
        window = new MainWindow(session.provider(), session.shell(), session.executor(),
                (title, message) -> new DialogConfirmer(stage).confirm(title, message),
                new MainWindow.Options(options.refreshSeconds(), LogTailViewModel.DEFAULT_CAPACITY, System::currentTimeMillis));
        stage.setTitle("ECS Deck — " + backend.description().label());
        stage.setScene(window.scene());
        restoreBounds(stage);
        stage.show();
        window.mainController().horizontalSplit().setDividerPositions(settings.treeDivider());
        window.mainController().verticalSplit().setDividerPositions(settings.logDivider());
        window.start();
        if (smoke != null) {
            smoke.start(window, session.provider());
        }
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

    @Override
    public void stop() {
        if (window != null) {
            Stage stage = (Stage) window.scene().getWindow();
            double[] tree = window.mainController().horizontalSplit().getDividerPositions();
            double[] log = window.mainController().verticalSplit().getDividerPositions();
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
