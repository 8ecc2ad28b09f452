package dev.ecsdeck.ui.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/** Loads a view's FXML (next to its controller class) with a controller the caller has already built. */
public final class Fxml {
    private Fxml() {}

    public static Parent load(Object controller, String fxmlName) {
        URL url = controller.getClass().getResource(fxmlName);
        if (url == null) {
            throw new IllegalStateException("Missing FXML " + fxmlName + " beside " + controller.getClass().getName());
        }
        FXMLLoader loader = new FXMLLoader(url);
        loader.setController(controller);
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load " + url, e);
        }
    }
}
