package dev.ecsdeck.ui.deploy;

import dev.ecsdeck.ui.deploy.DeployStrategyViewModel.Field;
import dev.ecsdeck.ui.deploy.DeployStrategyViewModel.Strategy;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The strategy part of the deploy question: a choice of strategy, the fields of the chosen one
 * with each field's error under it, the PAUSE hook stages, and what the service's load balancer
 * lacks for a traffic-shifting strategy. Bound both ways to a {@link DeployStrategyViewModel}.
 */
public final class DeployStrategyForm {
    private final DeployStrategyViewModel model;
    private final VBox view = new VBox(8);

    public DeployStrategyForm(DeployStrategyViewModel model) {
        this.model = model;
        view.getStyleClass().add("deploy-strategy-form");
        view.setId("deployStrategyForm");
        view.getChildren().addAll(strategyChoice(), error(Field.STRATEGY), missingSetup(), rolling(), shifting());
    }

    private Node strategyChoice() {
        ToggleGroup group = new ToggleGroup();
        HBox row = new HBox(12, new Label("Strategy"));
        for (Strategy s : Strategy.values()) {
            RadioButton b = new RadioButton(s.label);
            b.setId("strategy-" + s.name());
            b.setUserData(s);
            b.setToggleGroup(group);
            b.setSelected(model.strategyProperty().get() == s);
            row.getChildren().add(b);
        }
        group.selectedToggleProperty().addListener((obs, was, now) -> {
            if (now != null) {
                model.strategyProperty().set((Strategy) now.getUserData());
            }
        });
        return row;
    }

    private Node missingSetup() {
        Label l = new Label();
        l.setId("missingSetup");
        l.getStyleClass().add("message-error");
        l.setWrapText(true);
        l.textProperty().bind(model.missingSetupProperty());
        shownWhen(l, model.missingSetupProperty().isNotEmpty());
        return l;
    }

    private Node rolling() {
        GridPane grid = grid();
        field(grid, 0, Field.MINIMUM_HEALTHY, "minimumHealthy");
        field(grid, 2, Field.MAXIMUM, "maximumPercent");
        grid.setId("rollingSection");
        shownWhen(grid, model.strategyProperty().isEqualTo(Strategy.ROLLING));
        return grid;
    }

    private Node shifting() {
        GridPane times = grid();
        field(times, 0, Field.BAKE, "bakeTime");
        GridPane canary = grid();
        field(canary, 0, Field.CANARY_PERCENT, "canaryPercent");
        field(canary, 2, Field.CANARY_BAKE, "canaryBake");
        canary.setId("canarySection");
        shownWhen(canary, model.strategyProperty().isEqualTo(Strategy.CANARY));
        GridPane linear = grid();
        field(linear, 0, Field.STEP_PERCENT, "stepPercent");
        field(linear, 2, Field.STEP_BAKE, "stepBake");
        linear.setId("linearSection");
        shownWhen(linear, model.strategyProperty().isEqualTo(Strategy.LINEAR));

        FlowPane stages = new FlowPane(14, 4);
        for (var stage : DeployStrategyViewModel.PAUSE_STAGES.entrySet()) {
            CheckBox box = new CheckBox(dev.ecsdeck.model.DeploymentLifecycleHook.stageInWords(stage.getKey()));
            box.setMnemonicParsing(false);
            box.setId("pause-" + stage.getKey());
            box.setTooltip(new javafx.scene.control.Tooltip("A PAUSE hook holds the deployment " + stage.getValue()
                    + " until you continue or roll back."));
            box.selectedProperty().bindBidirectional(model.pauseAt(stage.getKey()));
            stages.getChildren().add(box);
        }
        Label note = new Label();
        note.setId("hooksNote");
        note.setWrapText(true);
        note.textProperty().bind(model.hooksNoteProperty());
        shownWhen(note, model.hooksNoteProperty().isNotEmpty());
        VBox section = new VBox(6, times, canary, linear, new Label("Pause (PAUSE hook) at"), stages, error(Field.HOOKS), note);
        section.setId("shiftingSection");
        BooleanBinding shifts = Bindings.createBooleanBinding(() -> model.strategyProperty().get().shiftsTraffic(), model.strategyProperty());
        shownWhen(section, shifts);
        return section;
    }

    private static GridPane grid() {
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(2);
        return g;
    }

    /** A labelled text field in columns {@code col} and {@code col + 1}, its error under it. */
    private void field(GridPane grid, int col, Field f, String id) {
        Label label = new Label(f.label);
        label.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        TextField text = new TextField();
        text.setId(id);
        text.setPrefColumnCount(6);
        text.textProperty().bindBidirectional(model.text(f));
        Label error = error(f);
        error.setId(id + "Error");
        grid.add(label, col, 0);
        grid.add(text, col + 1, 0);
        grid.add(error, col, 1, 2, 1);
    }

    private Label error(Field f) {
        Label l = new Label();
        l.getStyleClass().add("message-error");
        l.setWrapText(true);
        l.setMaxWidth(420);
        l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE); // wrapped in a grid row, not cut with "…"
        l.textProperty().bind(model.errorProperty(f));
        shownWhen(l, model.errorProperty(f).isNotEmpty());
        return l;
    }

    private static void shownWhen(Node n, javafx.beans.value.ObservableBooleanValue shown) {
        n.visibleProperty().bind(Bindings.createBooleanBinding(shown::get, shown));
        n.managedProperty().bind(n.visibleProperty());
    }

    public Node view() {
        return view;
    }
}
