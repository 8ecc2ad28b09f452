package dev.ecsdeck.ui.detail;

import dev.ecsdeck.model.Arns;
import dev.ecsdeck.provider.BackendDescription;
import dev.ecsdeck.ui.tree.TreeEntry;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Links to a row's page in the AWS console (v2 ECS console), for real AWS only. */
public final class ConsoleLinks {
    private ConsoleLinks() {}

    /** The console URL of the row, or null when there is none (the simulator, an endpoint override, a folder). */
    public static String of(BackendDescription backend, TreeEntry entry) {
        if (backend.isSimulator() || backend.endpoint() != null || backend.region() == null) {
            return null;
        }
        String r = backend.region();
        String base = "https://" + r + ".console.aws.amazon.com/ecs/v2/";
        String q = "?region=" + r;
        if (entry instanceof TreeEntry.ClusterEntry c) {
            return base + "clusters/" + enc(c.cluster().clusterName()) + "/services" + q;
        } else if (entry instanceof TreeEntry.ServiceEntry s) {
            return base + "clusters/" + enc(s.cluster()) + "/services/" + enc(s.service().serviceName()) + "/health" + q;
        } else if (entry instanceof TreeEntry.TaskEntry t) {
            return base + "clusters/" + enc(t.cluster()) + "/tasks/" + enc(t.task().taskId()) + "/configuration" + q;
        } else if (entry instanceof TreeEntry.ContainerEntry c) {
            return base + "clusters/" + enc(c.cluster()) + "/tasks/" + enc(c.task().taskId()) + "/configuration" + q;
        } else if (entry instanceof TreeEntry.InstanceEntry i) {
            return base + "clusters/" + enc(i.cluster()) + "/infrastructure/container-instances/"
                    + enc(Arns.lastSegment(i.instance().containerInstanceArn())) + q;
        } else if (entry instanceof TreeEntry.RevisionEntry rev) {
            String fr = Arns.familyRevision(rev.taskDefinitionArn());
            int colon = fr.lastIndexOf(':');
            return base + "task-definitions/" + enc(fr.substring(0, colon)) + "/" + fr.substring(colon + 1) + "/containers" + q;
        } else if (entry instanceof TreeEntry.FamilyEntry f) {
            return base + "task-definitions/" + enc(f.family()) + q;
        }
        return null;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
