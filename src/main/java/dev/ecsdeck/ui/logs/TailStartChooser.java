package dev.ecsdeck.ui.logs;

import java.time.ZoneId;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The start-point controls' state (the log pane's and the source dialog's): a choice, the typed time
 * when the choice is "a chosen time", and the error that time gives, if any.
 */
public final class TailStartChooser {
    private final ObjectProperty<TailStart.Choice> choice = new SimpleObjectProperty<>(TailStart.Choice.FIVE_MINUTES);
    private final StringProperty timeText = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ZoneId zone;

    public TailStartChooser(ZoneId zone) {
        this.zone = zone;
        choice.addListener((o, was, now) -> error.set(""));
        timeText.addListener((o, was, now) -> error.set(""));
    }

    /** The start chosen, or empty with {@link #errorProperty()} saying what is wrong with the typed time. */
    public Optional<TailStart> validate(long nowMillis) {
        TailStart.Choice c = choice.get() == null ? TailStart.Choice.FIVE_MINUTES : choice.get();
        if (c != TailStart.Choice.CHOSEN) {
            error.set("");
            return Optional.of(TailStart.of(c));
        }
        try {
            TailStart start = TailStart.parse(timeText.get(), zone, nowMillis);
            error.set("");
            return Optional.of(start);
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
            return Optional.empty();
        }
    }

    /** Takes another chooser's settings (the dialog starts from the pane's). */
    public void copyFrom(TailStartChooser other) {
        choice.set(other.choice.get());
        timeText.set(other.timeText.get());
    }

    public ObjectProperty<TailStart.Choice> choiceProperty() {
        return choice;
    }

    public StringProperty timeTextProperty() {
        return timeText;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ZoneId zone() {
        return zone;
    }
}
