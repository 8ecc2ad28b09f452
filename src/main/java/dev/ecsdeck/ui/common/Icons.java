package dev.ecsdeck.ui.common;

import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** The console's icons (Material Design through Ikonli); colours come from the theme's CSS. */
public final class Icons {
    private Icons() {}

    public static FontIcon of(Ikon ikon) {
        FontIcon icon = new FontIcon(ikon);
        icon.getStyleClass().add("app-icon");
        return icon;
    }

    public static FontIcon backend() {
        return of(Material2AL.CLOUD);
    }

    public static FontIcon cluster() {
        return of(Material2AL.DNS);
    }

    public static FontIcon folder() {
        return of(Material2AL.FOLDER);
    }

    public static FontIcon service() {
        return of(Material2AL.APPS);
    }

    public static FontIcon task() {
        return of(Material2AL.LAYERS);
    }

    public static FontIcon container() {
        return of(Material2MZ.WIDGETS);
    }

    public static FontIcon instance() {
        return of(Material2AL.COMPUTER);
    }

    public static FontIcon taskDefinition() {
        return of(Material2AL.DESCRIPTION);
    }

    public static FontIcon refresh() {
        return of(Material2MZ.REFRESH);
    }

    public static FontIcon lock() {
        return of(Material2AL.LOCK);
    }

    public static FontIcon darkMode() {
        return of(Material2AL.BRIGHTNESS_4);
    }

    public static FontIcon copy() {
        return of(Material2AL.CONTENT_COPY);
    }

    public static FontIcon logs() {
        return of(Material2AL.ARTICLE);
    }

    public static FontIcon error() {
        return of(Material2AL.ERROR_OUTLINE);
    }
}
