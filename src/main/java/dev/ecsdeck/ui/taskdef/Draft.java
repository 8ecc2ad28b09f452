package dev.ecsdeck.ui.taskdef;

import java.time.Instant;

/** An unregistered edit of a task definition: the family, the revision it started from (null for a new one), the text, when saved. */
public record Draft(String family, String baseArn, String json, Instant savedAt) {}
