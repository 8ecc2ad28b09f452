package dev.ecsdeck.ui.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsdeck.provider.aws.AwsEcsProvider;
import dev.ecsdeck.provider.aws.AwsSettings;
import dev.ecsdeck.sim.ApiFaults;
import dev.ecsdeck.sim.DemoSim;
import dev.ecsdeck.sim.SimEngine;
import dev.ecsdeck.sim.scenario.LargeScenario;
import dev.ecsdeck.sim.wire.WireServer;
import dev.ecsdeck.ui.common.CurrentThreadTaskExecutor;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The service-name index through the AWS provider (real SDK clients) against the served simulator:
 * every name of every cluster, across pages of 100, from ListServices alone; and a throttled page,
 * retried by the SDK, said while it lasts and not an error.
 */
class ServiceNameIndexWireTest {

    @Test
    void indexesEveryNameOfEveryClusterAcrossPagesAndSaysWhenThrottled() throws Exception {
        SimEngine engine = LargeScenario.build(new LargeScenario.Params(3, 250, 0, 7), DemoSim.startClock(), DemoSim.REGION);
        ApiFaults faults = ApiFaults.realTime(11);
        try (WireServer server = new WireServer(engine, faults, 0);
                AwsEcsProvider aws = new AwsEcsProvider(new AwsSettings(null, "us-east-1", URI.create("http://127.0.0.1:" + server.port())))) {
            CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
            ServiceNameIndex index = new ServiceNameIndex(aws, executor, executor, millis -> { });
            List<String> progress = new ArrayList<>();
            index.onChange(() -> progress.add(index.progress()));
            faults.throttleNext("ListServices", 2);
            index.ensure();

            assertEquals("", index.failureProperty().get(), "the SDK's retries got the throttled page");
            assertEquals(750, index.nameCount(), "every service of the three clusters");
            assertEquals(250, index.names("large-03").size());
            assertEquals("svc-0249", index.names("large-03").get(249));
            assertEquals(3 * 3 + 2, aws.requests("ListServices"), "three pages of 100 a cluster, and the two throttled tries");
            assertEquals(0, aws.requests("DescribeServices"), "names come from the ARNs: nothing described");
            assertTrue(progress.contains("0 of 3 clusters — throttled, retrying"), "said while it lasted: " + progress);
            assertEquals("3 of 3 clusters", index.progress(), "and no more once it passed");
        }
    }
}
