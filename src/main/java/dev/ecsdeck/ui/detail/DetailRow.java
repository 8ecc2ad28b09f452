package dev.ecsdeck.ui.detail;

/** One line of a detail sheet; {@code copyable} values (ARNs, ids) get a copy button. */
public record DetailRow(String label, String value, boolean copyable) {
    public static DetailRow of(String label, Object value) {
        return new DetailRow(label, value == null ? "—" : String.valueOf(value), false);
    }

    public static DetailRow copyable(String label, String value) {
        return new DetailRow(label, value == null ? "—" : value, value != null);
    }
}
