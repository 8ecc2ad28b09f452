package dev.ecsdeck.ui.exec;

import dev.ecsdeck.model.Container;
import dev.ecsdeck.model.EcsService;
import dev.ecsdeck.model.EcsTask;
import dev.ecsdeck.model.ExecuteCommandSession;
import dev.ecsdeck.provider.BackendDescription;
import dev.ecsdeck.provider.EcsProvider;
import dev.ecsdeck.ui.common.BackgroundTask;
import dev.ecsdeck.ui.common.BusyFlag;
import dev.ecsdeck.ui.common.ErrorText;
import dev.ecsdeck.ui.common.TaskExecutor;
import java.io.IOException;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * "Open shell…" on a task: the container to open it in (the first by default), then on AWS the AWS
 * CLI's execute-command run in the user's terminal, or the command to copy and what to install when
 * the CLI or the Session Manager plugin is missing; on the simulator ExecuteCommand is called (the
 * simulator answers) and the dialog says that no shell can open there.
 */
public final class OpenShellViewModel {
    private final EcsProvider provider;
    private final TaskExecutor executor;
    private final BackendDescription backend;
    private final TerminalLauncher launcher;
    private final EcsTask task;
    private final ObservableList<String> containers;
    private final StringProperty container = new SimpleStringProperty();
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty command = new SimpleStringProperty("");
    private final StringProperty sessionId = new SimpleStringProperty("");
    private final BusyFlag busy = new BusyFlag();

    public OpenShellViewModel(EcsProvider provider, TaskExecutor executor, EcsTask task, TerminalLauncher launcher) {
        this.provider = provider;
        this.executor = executor;
        this.backend = provider.description();
        this.launcher = launcher;
        this.task = task;
        this.containers = FXCollections.observableArrayList(task.containers().stream().map(Container::name).toList());
        container.set(containers.isEmpty() ? null : containers.get(0));
        container.addListener((obs, was, now) -> command.set(""));
    }

    /**
     * Why a shell cannot open in the task, or null when it can: ECS Exec must have been on when the
     * task started (its service's enableExecuteCommand, or RunTask's), and the task must be RUNNING.
     */
    public static String unavailableReason(EcsTask task, EcsService service) {
        if (task == null) {
            return "No task.";
        }
        if (!task.enableExecuteCommand()) {
            if (service != null && !service.enableExecuteCommand()) {
                return "ECS Exec is off for service " + service.serviceName()
                        + ": turn on enableExecuteCommand and start new tasks to open a shell in them.";
            }
            return "This task was started without ECS Exec (enableExecuteCommand): only tasks started with it can open a shell.";
        }
        if (!"RUNNING".equals(task.lastStatus())) {
            return "The task is " + task.lastStatus() + ": a shell opens only in a RUNNING task.";
        }
        return null;
    }

    public String title() {
        return "Open a shell in task " + task.taskId();
    }

    public ObservableList<String> containers() {
        return containers;
    }

    public StringProperty containerProperty() {
        return container;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    /** The AWS CLI command, once Open shell was asked for. */
    public ReadOnlyStringProperty commandProperty() {
        return command;
    }

    /** The session ExecuteCommand answered with (on the simulator). */
    public ReadOnlyStringProperty sessionIdProperty() {
        return sessionId;
    }

    public BooleanBinding canOpen() {
        return Bindings.createBooleanBinding(() -> container.get() != null && !busy.isBusy(), container, busy.property());
    }

    private ShellCommand shellCommand() {
        return ShellCommand.of(task.clusterArn(), task.taskArn(), container.get(), backend);
    }

    /** Opens the shell in the chosen container (or says why it cannot). */
    public void open() {
        if (container.get() == null) {
            return;
        }
        ShellCommand shell = shellCommand();
        command.set(shell.commandLine());
        sessionId.set("");
        if (backend.isSimulator()) {
            message.set("Calling ExecuteCommand…");
            BackgroundTask.of(() -> provider.executeCommand(task.clusterArn(), task.taskArn(), shell.container(), ShellCommand.SHELL))
                    .showingBusy(busy)
                    .onSuccess(this::answeredBySimulator)
                    .onFailure(error -> message.set("ExecuteCommand failed: " + ErrorText.of(error)))
                    .executeWith(executor);
            return;
        }
        List<String> missing = launcher.missingTools();
        if (!missing.isEmpty()) {
            message.set("To open the shell from here, install " + installHint(missing)
                    + ". Or copy the command and run it where they are installed.");
            return;
        }
        List<String> argv = shell.argv();
        BackgroundTask.of(() -> launch(argv))
                .showingBusy(busy)
                .onSuccess(opened -> message.set(opened ? "Opened a terminal running the command below."
                        : "No terminal was found to run it in. Copy the command and run it in a terminal."))
                .onFailure(error -> message.set("The terminal did not start: " + ErrorText.of(error)
                        + ". Copy the command and run it in a terminal."))
                .executeWith(executor);
    }

    private boolean launch(List<String> argv) throws IOException {
        return launcher.launch(argv);
    }

    private void answeredBySimulator(ExecuteCommandSession session) {
        sessionId.set(session.sessionId());
        message.set("The simulator answered ExecuteCommand for container " + session.containerName() + " with session "
                + session.sessionId() + ", but no shell can open in the simulator: there is no Session Manager behind it."
                + " On AWS, the console runs this command in your terminal:");
    }

    /** What to install, naming which of the two tools is missing. */
    static String installHint(List<String> missing) {
        List<String> what = missing.stream().map(tool -> TerminalLauncher.AWS_CLI.equals(tool)
                ? "the AWS CLI v2 (\"aws\" is not on the PATH)"
                : "the Session Manager plugin for the AWS CLI (\"session-manager-plugin\" is not on the PATH)").toList();
        return String.join(" and ", what);
    }
}
