package dev.ecsdeck.ui.detail;

import java.util.List;

/** A titled group of rows in a detail sheet. */
public record DetailSection(String title, List<DetailRow> rows) {
    public DetailSection {
        rows = List.copyOf(rows);
    }
}
