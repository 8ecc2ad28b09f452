package dev.ecsdeck.ui.service;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.util.StringConverter;

/**
 * The service panel's desired-count spinner and the scaler's count kept equal both ways. What is
 * typed counts at once (Apply turns on with the first key), not only when the field loses focus;
 * text that is not a count turns Apply off and says why.
 */
final class DesiredCountSpinner {
    private final IntegerProperty desired;
    private final StringProperty problem;
    /** True while a typed count is being handed to the scaler (the editor shows it already). */
    private boolean typing;

    private DesiredCountSpinner(IntegerProperty desired, StringProperty problem) {
        this.desired = desired;
        this.problem = problem;
    }

    static void bind(Spinner<Integer> spinner, IntegerProperty desired, StringProperty problem) {
        new DesiredCountSpinner(desired, problem).bindTo(spinner);
    }

    private void bindTo(Spinner<Integer> spinner) {
        SpinnerValueFactory.IntegerSpinnerValueFactory counts = new SpinnerValueFactory.IntegerSpinnerValueFactory(0, ServicePanel.MAX_DESIRED, 0);
        counts.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer n) {
                return n == null ? "" : n.toString();
            }

            @Override
            public Integer fromString(String text) {
                Integer n = parseCount(text);
                return n == null ? desired.get() : n; // committing text that is no count puts the dialled one back
            }
        });
        spinner.setValueFactory(counts);
        TextField editor = spinner.getEditor();
        counts.valueProperty().addListener((obs, was, now) -> {
            if (now != null && now != desired.get()) {
                desired.set(now);
            }
        });
        desired.addListener((obs, was, now) -> {
            if (typing) {
                return; // the editor already shows it
            }
            if (!now.equals(counts.getValue())) {
                counts.setValue(now.intValue());
            }
            if (!String.valueOf(now).equals(editor.getText())) {
                editor.setText(String.valueOf(now));
            }
            problem.set("");
        });
        editor.textProperty().addListener((obs, was, text) -> {
            Integer n = parseCount(text);
            problem.set(n == null ? "Type a whole number of tasks from 0 to " + ServicePanel.MAX_DESIRED + "." : "");
            if (n != null && n != desired.get()) {
                typing = true;
                try {
                    desired.set(n);
                } finally {
                    typing = false;
                }
            }
        });
        editor.focusedProperty().addListener((obs, was, focused) -> {
            if (!focused && parseCount(editor.getText()) == null) {
                editor.setText(String.valueOf(desired.get()));
                problem.set("");
            }
        });
    }

    /** The count typed, or null when the text is not a whole number from 0 to {@link ServicePanel#MAX_DESIRED}. */
    static Integer parseCount(String text) {
        String t = text == null ? "" : text.strip();
        if (!t.matches("\\d{1,9}")) {
            return null;
        }
        int n = Integer.parseInt(t);
        return n <= ServicePanel.MAX_DESIRED ? n : null;
    }
}
