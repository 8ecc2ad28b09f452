package dev.ecsdeck.ui.taskdef;

import dev.ecsdeck.taskdef.TaskDefinitionDraft;
import dev.ecsdeck.taskdef.TaskDefinitionDraft.HealthCheck;
import dev.ecsdeck.taskdef.TaskDefinitionDraft.LogSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/**
 * The form for a task definition's common fields, over the same draft as the JSON text: each
 * keystroke in a field is a change of the draft, so the JSON and the diff follow as it is typed;
 * when the text changes, the fields show the draft again — except the one being typed in.
 * Containers get one section each.
 */
final class TaskDefinitionFormView {
    /** One field: how it shows the draft, and nothing else. */
    private interface Field {
        void show(TaskDefinitionDraft draft);
    }

    private final TaskDefinitionEditorViewModel viewModel;
    /** The account's ECR images offered in the image fields; null: none offered. */
    private final ImageCatalog images;
    private final VBox view = new VBox(10);
    private final List<Field> fields = new ArrayList<>();
    private List<String> shownContainers = List.of();

    TaskDefinitionFormView(TaskDefinitionEditorViewModel viewModel, ImageCatalog images) {
        this.viewModel = viewModel;
        this.images = images;
        view.getStyleClass().add("task-definition-form");
        viewModel.formVersionProperty().addListener((obs, was, now) -> refresh());
    }

    VBox view() {
        return view;
    }

    private void refresh() {
        TaskDefinitionDraft draft = viewModel.draft();
        if (draft == null) {
            return;
        }
        if (!draft.containerNames().equals(shownContainers)) {
            build(draft);
        }
        for (Field f : fields) {
            f.show(draft);
        }
    }

    private void build(TaskDefinitionDraft draft) {
        fields.clear();
        shownContainers = List.copyOf(draft.containerNames());
        GridPane task = grid();
        int row = 0;
        text(task, row++, "Family", "family", TaskDefinitionDraft::family, TaskDefinitionDraft::family);
        text(task, row++, "CPU (units or \"1 vCPU\")", "task-cpu", TaskDefinitionDraft::cpu, TaskDefinitionDraft::cpu);
        text(task, row++, "Memory (MiB or \"2 GB\")", "task-memory", TaskDefinitionDraft::memory, TaskDefinitionDraft::memory);
        ComboBox<String> mode = new ComboBox<>();
        mode.getItems().setAll("awsvpc", "bridge", "host", "none");
        mode.setId("network-mode");
        mode.setOnAction(e -> {
            if (mode.getValue() != null && !mode.getValue().equals(viewModel.draft().networkMode())) {
                viewModel.formEdited(d -> d.networkMode(mode.getValue()));
            }
        });
        fields.add(d -> mode.setValue(d.networkMode()));
        add(task, row++, "Network mode", mode);
        CheckBox ec2 = new CheckBox("EC2");
        CheckBox fargate = new CheckBox("FARGATE");
        ec2.setId("compat-ec2");
        fargate.setId("compat-fargate");
        Runnable compat = () -> {
            List<String> wanted = new ArrayList<>();
            if (ec2.isSelected()) {
                wanted.add("EC2");
            }
            if (fargate.isSelected()) {
                wanted.add("FARGATE");
            }
            if (!wanted.equals(viewModel.draft().requiresCompatibilities())) {
                viewModel.formEdited(d -> d.requiresCompatibilities(wanted.isEmpty() ? null : wanted));
            }
        };
        ec2.setOnAction(e -> compat.run());
        fargate.setOnAction(e -> compat.run());
        fields.add(d -> {
            ec2.setSelected(d.requiresCompatibilities().contains("EC2"));
            fargate.setSelected(d.requiresCompatibilities().contains("FARGATE"));
        });
        add(task, row++, "Launch types", new javafx.scene.layout.HBox(12, ec2, fargate));
        text(task, row++, "Task role ARN", "task-role", TaskDefinitionDraft::taskRoleArn, TaskDefinitionDraft::taskRoleArn);
        text(task, row, "Execution role ARN", "execution-role", TaskDefinitionDraft::executionRoleArn, TaskDefinitionDraft::executionRoleArn);
        List<javafx.scene.Node> sections = new ArrayList<>();
        sections.add(section("Task", task));
        for (int c = 0; c < draft.containerCount(); c++) {
            sections.add(section("Container " + draft.containerNames().get(c), container(c)));
        }
        view.getChildren().setAll(sections);
    }

    private GridPane container(int c) {
        GridPane g = grid();
        int row = 0;
        TextField image = text(g, row++, "Image", "image-" + c, d -> d.image(c), (d, v) -> d.image(c, v));
        if (images != null) {
            ImageCompletion.attach(image, images);
            add(g, row++, "", imagesStatus(c));
        }
        number(g, row++, "CPU units", "cpu-" + c, d -> d.containerCpu(c), (d, v) -> d.containerCpu(c, v));
        number(g, row++, "Memory (hard, MiB)", "memory-" + c, d -> d.memory(c), (d, v) -> d.memory(c, v));
        number(g, row++, "Memory reservation (soft, MiB)", "reservation-" + c, d -> d.memoryReservation(c), (d, v) -> d.memoryReservation(c, v));
        CheckBox essential = new CheckBox("Essential");
        essential.setId("essential-" + c);
        essential.setOnAction(e -> viewModel.formEdited(d -> d.essential(c, essential.isSelected())));
        fields.add(d -> essential.setSelected(d.essential(c)));
        add(g, row++, "", essential);
        area(g, row++, "Environment (NAME=value per line)", "environment-" + c, d -> FormText.pairs(d.environment(c)),
                (d, v) -> d.environment(c, FormText.parsePairs(v)));
        area(g, row++, "Secrets (NAME=valueFrom per line)", "secrets-" + c, d -> FormText.pairs(d.secrets(c)),
                (d, v) -> d.secrets(c, FormText.parsePairs(v)));
        text(g, row++, "Port mappings (8080, 80:8080/udp)", "ports-" + c, d -> FormText.ports(d.portMappings(c)),
                (d, v) -> d.portMappings(c, FormText.parsePorts(v)));
        text(g, row++, "Log driver", "log-driver-" + c, d -> d.logConfiguration(c) == null ? null : d.logConfiguration(c).logDriver(),
                (d, v) -> d.logConfiguration(c, v == null ? null
                        : new LogSettings(v, d.logConfiguration(c) == null ? Map.of() : d.logConfiguration(c).options())));
        area(g, row++, "Log options (key=value per line)", "log-options-" + c,
                d -> d.logConfiguration(c) == null ? null : FormText.pairs(d.logConfiguration(c).options()),
                (d, v) -> {
                    LogSettings now = d.logConfiguration(c);
                    d.logConfiguration(c, new LogSettings(now == null ? "awslogs" : now.logDriver(), FormText.parsePairs(v)));
                });
        text(g, row++, "Health check command (comma-separated)", "health-" + c,
                d -> d.healthCheck(c) == null ? null : String.join(", ", d.healthCheck(c).command()),
                (d, v) -> {
                    HealthCheck h = d.healthCheck(c);
                    d.healthCheck(c, v == null ? null : new HealthCheck(FormText.parseList(v), h == null ? null : h.interval(),
                            h == null ? null : h.timeout(), h == null ? null : h.retries(), h == null ? null : h.startPeriod()));
                });
        text(g, row, "Health interval / timeout / retries / start period (s)", "health-timing-" + c,
                d -> d.healthCheck(c) == null ? null : FormText.timing(d.healthCheck(c)),
                (d, v) -> {
                    HealthCheck h = d.healthCheck(c);
                    if (h != null) {
                        Integer[] t = FormText.parseTiming(v);
                        d.healthCheck(c, new HealthCheck(h.command(), t[0], t[1], t[2], t[3]));
                    }
                });
        return g;
    }

    private static GridPane grid() {
        GridPane g = new GridPane();
        g.setHgap(10);
        g.setVgap(6);
        g.getStyleClass().add("form-grid");
        // The labels' column: most labels on one line; longer ones wrap (never cut); the fields get the rest.
        javafx.scene.layout.ColumnConstraints labels = new javafx.scene.layout.ColumnConstraints(110, 200, 220);
        javafx.scene.layout.ColumnConstraints fields = new javafx.scene.layout.ColumnConstraints();
        fields.setHgrow(javafx.scene.layout.Priority.ALWAYS);
        fields.setFillWidth(true);
        fields.setMinWidth(160);
        g.getColumnConstraints().setAll(labels, fields);
        return g;
    }

    private static TitledPane section(String title, javafx.scene.Node content) {
        TitledPane p = new TitledPane(title, content);
        p.setExpanded(true);
        return p;
    }

    private static void add(GridPane g, int row, String label, javafx.scene.Node control) {
        Label l = new Label(label);
        l.getStyleClass().addAll("detail-key", "form-label");
        l.setWrapText(true);
        l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        g.add(l, 0, row);
        g.add(control, 1, row);
        javafx.scene.layout.GridPane.setHgrow(control, javafx.scene.layout.Priority.ALWAYS);
    }

    private TextField text(GridPane g, int row, String label, String id, Function<TaskDefinitionDraft, String> read,
            BiConsumer<TaskDefinitionDraft, String> write) {
        TextField field = new TextField();
        bind(field, id, read, write);
        add(g, row, label, field);
        return field;
    }

    /** Under an image field: what the ECR suggestions offer (or why none), and reading them again. Hidden until asked. */
    private javafx.scene.Node imagesStatus(int c) {
        Label status = new Label();
        status.setId("images-status-" + c);
        status.getStyleClass().add("form-hint");
        status.setWrapText(true);
        status.textProperty().bind(images.statusProperty());
        javafx.scene.control.Hyperlink again = new javafx.scene.control.Hyperlink("Read ECR again");
        again.setId("images-refresh-" + c);
        again.setOnAction(e -> images.refresh());
        javafx.scene.layout.HBox row = new javafx.scene.layout.HBox(8, status, again);
        row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        row.visibleProperty().bind(images.statusProperty().isNotEmpty());
        row.managedProperty().bind(row.visibleProperty());
        return row;
    }

    private void area(GridPane g, int row, String label, String id, Function<TaskDefinitionDraft, String> read,
            BiConsumer<TaskDefinitionDraft, String> write) {
        TextArea field = new TextArea();
        field.setPrefRowCount(3);
        bind(field, id, read, write);
        add(g, row, label, field);
    }

    private void number(GridPane g, int row, String label, String id, Function<TaskDefinitionDraft, Integer> read,
            BiConsumer<TaskDefinitionDraft, Integer> write) {
        text(g, row, label, id, d -> read.apply(d) == null ? null : String.valueOf(read.apply(d)), (d, v) -> {
            Integer number;
            try {
                number = v == null ? null : Integer.valueOf(v.trim());
            } catch (NumberFormatException e) {
                // Not written into the draft: the field shows the draft again, and the message says why.
                throw new IllegalArgumentException(label + " must be a whole number, not \"" + v + "\".", e);
            }
            write.accept(d, number);
        });
    }

    /** Shows the draft's value unless the user is typing in the field; commits each keystroke of the user's (and Enter, and leaving it). */
    private void bind(TextInputControl field, String id, Function<TaskDefinitionDraft, String> read,
            BiConsumer<TaskDefinitionDraft, String> write) {
        field.setId(id);
        Consumer<String> commit = typed -> {
            String value = typed == null || typed.isBlank() ? null : typed;
            String current = read.apply(viewModel.draft());
            if (value == null ? current != null : !value.equals(current)) {
                viewModel.formEdited(d -> write.accept(d, value));
            }
        };
        if (field instanceof TextField tf) {
            tf.setOnAction(e -> commit.accept(tf.getText()));
            showEndWhenIdle(tf);
        }
        // Only the user's typing (the field has the focus); the draft shown again (not focused) is no edit.
        field.textProperty().addListener((obs, was, now) -> {
            if (field.isFocused()) {
                commit.accept(now);
            }
        });
        field.focusedProperty().addListener((obs, was, focused) -> {
            if (!focused) {
                commit.accept(field.getText());
            }
        });
        fields.add(d -> {
            if (!field.isFocused()) {
                String v = read.apply(d);
                field.setText(v == null ? "" : v);
            }
        });
    }

    /**
     * A value wider than its field shows its end while it is not being typed in: an image's tag, a
     * role's name, is the part that tells values apart. The whole value is in the tooltip.
     */
    private static void showEndWhenIdle(TextField field) {
        field.setMaxWidth(Double.MAX_VALUE);
        Tooltip whole = new Tooltip();
        whole.textProperty().bind(field.textProperty());
        whole.setWrapText(true);
        whole.setMaxWidth(640);
        Runnable toEnd = () -> {
            if (!field.isFocused()) {
                // Moved even when already there, so the skin scrolls to it.
                field.positionCaret(0);
                field.positionCaret(field.getLength());
            }
        };
        field.textProperty().addListener((obs, was, now) -> {
            field.setTooltip(now == null || now.isEmpty() ? null : whole);
            toEnd.run();
        });
        // After the skin's own handling of the focus and the width (it lays the text out again): then scroll.
        field.focusedProperty().addListener((obs, was, focused) -> javafx.application.Platform.runLater(toEnd));
        field.widthProperty().addListener((obs, was, now) -> javafx.application.Platform.runLater(toEnd));
    }

    /** For tests and the "Edit image" shortcut: the image field of a container. */
    TextField imageField(int container) {
        return (TextField) view.lookup("#image-" + container);
    }
}
