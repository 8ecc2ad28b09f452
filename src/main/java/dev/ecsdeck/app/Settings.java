package dev.ecsdeck.app;

import java.util.Map;

/**
 * What the console remembers between runs: window bounds, split positions, theme, and read-only
 * choices per backend. Changed by copying ({@code withX}), saved by {@link SettingsStore}.
 */
public record Settings(
        WindowBounds window,
        double treeDivider,
        double logDivider,
        String theme,
        Map<String, Boolean> readOnlyByBackend) {

    public record WindowBounds(double x, double y, double width, double height, boolean maximized) {}

    public Settings {
        readOnlyByBackend = readOnlyByBackend == null ? Map.of() : Map.copyOf(readOnlyByBackend);
        theme = "dark".equals(theme) ? "dark" : "light";
    }

    public static Settings defaults() {
        return new Settings(null, 0.33, 0.62, "light", Map.of());
    }

    public boolean dark() {
        return "dark".equals(theme);
    }

    public Settings withWindow(WindowBounds bounds) {
        return new Settings(bounds, treeDivider, logDivider, theme, readOnlyByBackend);
    }

    public Settings withDividers(double tree, double log) {
        return new Settings(window, tree, log, theme, readOnlyByBackend);
    }

    public Settings withTheme(String newTheme) {
        return new Settings(window, treeDivider, logDivider, newTheme, readOnlyByBackend);
    }

    public Settings withReadOnly(String backendKey, boolean readOnly) {
        Map<String, Boolean> copy = new java.util.HashMap<>(readOnlyByBackend);
        copy.put(backendKey, readOnly);
        return new Settings(window, treeDivider, logDivider, theme, copy);
    }
}
