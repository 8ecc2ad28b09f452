package dev.ecsdeck.ui.taskdef;

import java.time.Instant;
import java.util.List;

/** One revision in the revisions browser: who registered it when, and the services that run it. */
public record RevisionRow(
        String taskDefinitionArn,
        String familyRevision,
        int revision,
        String status,
        Instant registeredAt,
        String registeredBy,
        Instant deregisteredAt,
        List<String> usedBy) {

    public RevisionRow {
        usedBy = List.copyOf(usedBy);
    }

    public boolean active() {
        return "ACTIVE".equals(status);
    }
}
