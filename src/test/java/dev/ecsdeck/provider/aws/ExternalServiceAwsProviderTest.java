package dev.ecsdeck.provider.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.ecsdeck.model.AwsVpcConfiguration;
import dev.ecsdeck.model.EcsService;
import dev.ecsdeck.model.NetworkConfiguration;
import dev.ecsdeck.provider.ServiceUpdate;
import dev.ecsdeck.sim.DemoSim;
import dev.ecsdeck.sim.ManualClock;
import dev.ecsdeck.sim.SimEngine;
import dev.ecsdeck.sim.ecs.CreateTaskSetRequest;
import dev.ecsdeck.sim.ecs.TaskSetApi;
import dev.ecsdeck.sim.ecs.TaskSetInfo;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The AWS provider reads and scales a served service with the EXTERNAL deployment controller as any other. */
class ExternalServiceAwsProviderTest {

    @Test
    void theAwsProviderReadsAnExternalServiceAndItsScaleReachesTheTaskSet() {
        ManualClock clock = DemoSim.startClock();
        SimEngine engine = DemoSim.demoEngine(clock);
        TaskSetApi taskSets = new TaskSetApi(engine);
        taskSets.createExternalService(new TaskSetApi.ExternalServiceRequest("prod-web", "edge", 2, null, null, null, null, null, null, null,
                null));
        TaskSetInfo ts = taskSets.createTaskSet(new CreateTaskSetRequest("prod-web", "edge", null, "web:1",
                new NetworkConfiguration(new AwsVpcConfiguration(List.of("subnet-0aa"), null, null)), null, null, "FARGATE", null, null,
                new TaskSetInfo.Scale(100.0, "PERCENT"), null, null));
        clock.advance(Duration.ofMinutes(2));
        try (ServedSimulator served = ServedSimulator.of(engine); AwsEcsProvider aws = served.provider()) {
            EcsService edge = aws.describeServices("prod-web", List.of("edge")).get(0);
            assertNull(edge.taskDefinition());
            assertEquals(2, edge.runningCount());
            assertEquals(List.of(), edge.deployments());
            EcsService scaled = aws.updateService(ServiceUpdate.desiredCount("prod-web", "edge", 3));
            assertEquals(3, scaled.desiredCount());
            assertEquals(3, taskSets.describeTaskSets("prod-web", "edge", List.of(ts.id()), null).items().get(0).computedDesiredCount());
        }
    }
}
