package dev.ecsdeck.ui.service;

import dev.ecsdeck.model.Arns;
import dev.ecsdeck.model.ServiceRevision;
import dev.ecsdeck.provider.EcsProvider;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The service revisions a history or timeline names, read once each (DescribeServiceRevisions):
 * a revision never changes, so what was read stays true. Filled off the FX thread, read on it.
 */
public final class DeploymentTimelineLabels {
    private final Map<String, ServiceRevision> revisions = new ConcurrentHashMap<>();

    /** Reads the revisions among {@code arns} not read yet (blocking: call it off the FX thread). */
    public void fetchMissing(EcsProvider provider, Collection<String> arns) {
        List<String> missing = arns.stream().filter(Objects::nonNull).distinct().filter(a -> !revisions.containsKey(a)).toList();
        if (!missing.isEmpty()) {
            provider.describeServiceRevisions(missing).forEach(r -> revisions.put(r.serviceRevisionArn(), r));
        }
    }

    /** "checkout:2" for a revision read, else its id ("revision 38093742…"); "—" for none. */
    public String label(String revisionArn) {
        if (revisionArn == null) {
            return "—";
        }
        ServiceRevision r = revisions.get(revisionArn);
        if (r != null && r.taskDefinition() != null) {
            return Arns.familyRevision(r.taskDefinition());
        }
        String id = Arns.lastSegment(revisionArn);
        return "revision " + (id.length() > 8 ? id.substring(0, 8) + "…" : id);
    }

    /** The task definition of a revision read, or null. */
    public String taskDefinition(String revisionArn) {
        ServiceRevision r = revisionArn == null ? null : revisions.get(revisionArn);
        return r == null ? null : r.taskDefinition();
    }
}
