package dev.ecsdeck.ui.shell;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Scene;

/** The light or dark look: AtlantaFX's Primer theme, and the "dark" style class the console's own CSS keys on. */
final class Theme {
    private Theme() {
    }

    static void apply(Scene scene, boolean dark) {
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet());
        if (!dark) {
            scene.getRoot().getStyleClass().remove("dark");
        } else if (!scene.getRoot().getStyleClass().contains("dark")) {
            scene.getRoot().getStyleClass().add("dark");
        }
    }
}
