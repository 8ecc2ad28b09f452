package dev.ecsdeck.ui.logs;

import java.util.List;

/**
 * Streams chosen by hand in the source dialog: named streams of one group (at most 100, as
 * FilterLogEvents takes), or, when none are named, the group's newest streams whose names start with
 * {@code prefix} (every stream when it is empty), looked for again as new ones appear.
 */
public record HandPickedSource(String logGroupName, List<String> streamNames, String prefix, TailStart start) {
    public HandPickedSource {
        streamNames = List.copyOf(streamNames);
        prefix = prefix == null ? "" : prefix;
    }

    /** The tab title: the group and what of it. */
    public String title() {
        if (!streamNames.isEmpty()) {
            return logGroupName + (streamNames.size() == 1 ? " · " + streamNames.get(0) : " · " + streamNames.size() + " streams");
        }
        return logGroupName + (prefix.isEmpty() ? " · newest streams" : " · " + prefix + "*");
    }
}
