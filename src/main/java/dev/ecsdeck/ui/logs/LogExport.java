package dev.ecsdeck.ui.logs;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Writes rows to a text file, one line each ("--" between groups of a filter with context), in
 * UTF-8. Written to a temporary file beside the target and moved into place, so a failed save
 * never leaves half a file under the chosen name.
 */
public final class LogExport {
    private LogExport() {}

    /** Writes the rows; returns the number of log lines written (gaps not counted). */
    public static long write(Path file, List<? extends LogRow> rows, LogLineFormat format) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".part");
        long lines = 0;
        try {
            try (BufferedWriter out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                for (LogRow row : rows) {
                    out.write(format.format(row));
                    out.write('\n');
                    if (row instanceof LogLine) {
                        lines++;
                    }
                }
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return lines;
    }
}
