package dev.ecsdeck.ui.logs;

import dev.ecsdeck.ui.common.BackgroundTask;
import dev.ecsdeck.ui.common.Plural;
import dev.ecsdeck.ui.common.TaskExecutor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.StringProperty;

/**
 * A tail's lines out of the view, a million as smoothly as ten: the rows are taken on the UI thread
 * (references only), written or formatted by the executor in the background; the outcome shows in
 * the tail's notice.
 */
final class LogTailExport {
    private LogTailExport() {
    }

    static void save(Path file, List<? extends LogRow> rows, LogLineFormat format, StringProperty notice, TaskExecutor executor) {
        notice.set("Saving " + Plural.of(rows.size(), "line") + " to " + file + "…");
        BackgroundTask.of(() -> LogExport.write(file, rows, format))
                .onSuccess(n -> notice.set("Saved " + Plural.of(n, "line") + " to " + file))
                .onFailure(e -> notice.set("Could not save to " + file + ": " + describe(e)))
                .executeWith(executor);
    }

    /** The rows of {@code shown} in the ranges [from, to) (ascending), formatted in the background and handed to {@code clipboard}. */
    static void copy(List<LogRow> shown, List<int[]> ranges, LogLineFormat format, StringProperty notice, TaskExecutor executor,
            Consumer<String> clipboard) {
        List<LogRow> rows = new ArrayList<>();
        for (int[] r : ranges) {
            for (int i = Math.max(0, r[0]), end = Math.min(r[1], shown.size()); i < end; i++) {
                rows.add(shown.get(i));
            }
        }
        if (rows.isEmpty()) {
            notice.set("Select lines to copy");
            return;
        }
        notice.set("Copying " + Plural.of(rows.size(), "line") + "…");
        BackgroundTask.of(() -> text(rows, format))
                .onSuccess(text -> {
                    clipboard.accept(text);
                    notice.set("Copied " + Plural.of(rows.size(), "line"));
                })
                .onFailure(e -> notice.set("Could not copy: " + describe(e)))
                .executeWith(executor);
    }

    static String text(List<? extends LogRow> rows, LogLineFormat format) {
        StringBuilder b = new StringBuilder();
        for (LogRow row : rows) {
            b.append(format.format(row)).append('\n');
        }
        return b.toString();
    }

    private static String describe(Throwable e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : " " + m);
    }
}
