package dev.ecsdeck.ui.shell;

import java.util.List;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The backend and region pickers: the simulator and every AWS profile, and the regions. Picking a
 * different one asks the application to switch; the window stays, its content is reloaded.
 */
public final class BackendPickerViewModel {
    private final ObservableList<BackendChoice> choices = FXCollections.observableArrayList();
    private final ObservableList<String> regions = FXCollections.observableArrayList();
    private final ObjectProperty<BackendChoice> selected = new SimpleObjectProperty<>();
    private final StringProperty region = new SimpleStringProperty();
    private final BackendChoice current;
    private final Consumer<BackendChoice> switcher;
    private final BooleanBinding awsSelected;

    /**
     * @param profiles the AWS profile names
     * @param endpoint the endpoint override AWS choices use (the --endpoint-url option), or null
     * @param profileRegion a profile's own region, or null
     */
    public BackendPickerViewModel(BackendChoice current, List<String> profiles, String endpoint, List<String> regionIds,
            java.util.function.Function<String, String> profileRegion, Consumer<BackendChoice> switcher) {
        this.current = current;
        this.switcher = switcher;
        choices.add(current.simulator() ? current : BackendChoice.simulatorChoice());
        if (!current.simulator() && current.profile() == null) {
            choices.add(current);
        }
        for (String p : profiles) {
            if (!current.simulator() && p.equals(current.profile())) {
                choices.add(current);
            } else {
                String r = profileRegion.apply(p);
                choices.add(BackendChoice.aws(p, r == null ? "us-east-1" : r, endpoint));
            }
        }
        regions.setAll(regionIds);
        selected.set(current);
        region.set(current.simulator() ? null : current.region());
        awsSelected = Bindings.createBooleanBinding(() -> selected.get() != null && !selected.get().simulator(), selected);
        selected.addListener((obs, was, now) -> {
            if (now != null && !now.simulator()) {
                region.set(now.region());
            }
        });
    }

    public ObservableList<BackendChoice> choices() {
        return choices;
    }

    public ObservableList<String> regions() {
        return regions;
    }

    public ObjectProperty<BackendChoice> selectedProperty() {
        return selected;
    }

    public StringProperty regionProperty() {
        return region;
    }

    /** The region picker only means something for AWS. */
    public BooleanBinding awsSelectedProperty() {
        return awsSelected;
    }

    /** Switches when the pick differs from what is open. */
    public void apply() {
        BackendChoice pick = selected.get();
        if (pick == null) {
            return;
        }
        BackendChoice wanted = pick.simulator() ? pick : pick.inRegion(region.get() == null || region.get().isBlank() ? pick.region() : region.get());
        if (!wanted.equals(current)) {
            switcher.accept(wanted);
        }
    }
}
