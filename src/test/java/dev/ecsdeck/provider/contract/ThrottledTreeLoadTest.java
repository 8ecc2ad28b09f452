package dev.ecsdeck.provider.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsdeck.provider.aws.AwsEcsProvider;
import dev.ecsdeck.provider.aws.AwsSettings;
import dev.ecsdeck.sim.ApiFaults;
import dev.ecsdeck.sim.DemoSim;
import dev.ecsdeck.sim.scenario.LargeScenario;
import dev.ecsdeck.sim.SimEngine;
import dev.ecsdeck.sim.wire.WireServer;
import dev.ecsdeck.ui.common.CurrentThreadTaskExecutor;
import dev.ecsdeck.ui.tree.ClusterTreeViewModel;
import dev.ecsdeck.ui.tree.TreeEntry;
import java.net.URI;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.control.TreeItem;
import org.junit.jupiter.api.Test;

/**
 * With the served simulator throttling (a token bucket of 15 calls a second, plus 10% of calls
 * throttled at random), the AWS provider still loads a whole 400-service tree, retrying as the
 * SDK's adaptive mode does, and counts its retries.
 */
class ThrottledTreeLoadTest {

    @Test
    void completesAFullTreeLoadAndCountsItsRetries() throws Exception {
        SimEngine engine = LargeScenario.build(new LargeScenario.Params(2, 200, 400, 7), DemoSim.startClock(),
                DemoSim.REGION);
        ApiFaults faults = ApiFaults.realTime(11);
        faults.configure(ApiFaults.Config.none().withRate(15, 10).withThrottleRate(0.1));
        try (WireServer server = new WireServer(engine, faults, 0);
                AwsEcsProvider aws = new AwsEcsProvider(new AwsSettings(null, "us-east-1", URI.create("http://127.0.0.1:" + server.port())))) {
            AtomicInteger heard = new AtomicInteger();
            aws.onRetry((op, attempt) -> heard.incrementAndGet());
            ClusterTreeViewModel tree = new ClusterTreeViewModel(aws, new CurrentThreadTaskExecutor());
            tree.start();
            int services = 0;
            List<TreeItem<TreeEntry>> clusters = tree.root().getChildren().stream().filter(i -> i.getValue() instanceof TreeEntry.ClusterEntry).toList();
            for (TreeItem<TreeEntry> cluster : clusters) {
                cluster.setExpanded(true);
                TreeItem<TreeEntry> folder = cluster.getChildren().get(0);
                folder.setExpanded(true);
                services += (int) folder.getChildren().stream().filter(i -> i.getValue() instanceof TreeEntry.ServiceEntry).count();
            }
            assertEquals(2, clusters.size());
            assertEquals(400, services, "every service of both clusters loaded");
            assertTrue(faults.counts().throttled() > 0, "the server throttled " + faults.counts());
            assertTrue(aws.retries() > 0, "the SDK retried");
            assertEquals(aws.retries(), heard.get(), "every retry reported to listeners");
        }
    }
}
