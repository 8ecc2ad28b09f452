package dev.ecsdeck.sim.state;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsdeck.model.ContainerInstance;
import dev.ecsdeck.model.VersionInfo;
import dev.ecsdeck.sim.DemoSim;
import dev.ecsdeck.sim.ManualClock;
import dev.ecsdeck.sim.SimEngine;
import dev.ecsdeck.sim.ecs.InstanceRegistrationApi;
import dev.ecsdeck.sim.ecs.ServiceSettingsApi;
import dev.ecsdeck.sim.ecs.TaskDetailsApi;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The state file keeps services' kept members, RunTask's platform version and overrides, and the agent's registration. */
class FieldsStateFileTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void servicesTasksAndInstancesKeepTheirFieldsAcrossARestore() throws Exception {
        ManualClock clock = DemoSim.startClock();
        SimEngine a = DemoSim.demoEngine(clock);
        ServiceSettingsApi settings = new ServiceSettingsApi(a);
        settings.update("prod-web", "web", new ServiceSettingsApi.Members("1.3.0",
                JSON.readTree("[{\"registryArn\": \"arn:aws:servicediscovery:us-east-1:000000000000:service/srv-1\"}]"), null, null,
                "DISABLED", null, null, null),
                changed -> a.services().updateService("prod-web", "web", null, null, changed, null));
        String task = a.tasks().listTasks("prod-web", new dev.ecsdeck.sim.ecs.TaskApi.Filter("web", null, null, null, null, null), null, 1)
                .items().get(0);
        ObjectNode overrides = (ObjectNode) JSON.readTree("{\"containerOverrides\": [{\"name\": \"web\", \"command\": [\"x\"]}]}");
        new TaskDetailsApi(a).recordRunTask("prod-web", List.of(task), "1.3.0", overrides);
        ContainerInstance instance = new InstanceRegistrationApi(a).register(new InstanceRegistrationApi.Registration("prod-batch", null, 2048,
                4096, Set.of(22, 8443), Set.of(161), "i-0abc", "us-east-1c", "c5.large", new VersionInfo("1.86.3", "h", "d"), Map.of()));

        SimStateStore store = new SimStateStore(dir.resolve("sim.json"), "demo");
        store.save(a);
        SimEngine b = store.load(clock);

        String service = a.services().describeServices("prod-web", List.of("web")).items().get(0).serviceArn();
        assertEquals(new ServiceSettingsApi(a).shown("prod-web", List.of(service)), new ServiceSettingsApi(b).shown("prod-web", List.of(service)));
        assertEquals("1.3.0", new ServiceSettingsApi(b).shown("prod-web", List.of(service)).get(service).platformVersion());
        assertEquals(new TaskDetailsApi(a).details("prod-web", List.of(task)), new TaskDetailsApi(b).details("prod-web", List.of(task)));
        assertEquals("x", new TaskDetailsApi(b).details("prod-web", List.of(task)).get(task).overrides().get("containerOverrides").get(0)
                .get("command").get(0).asText());
        ContainerInstance restored = b.clusters().describeContainerInstances("prod-batch", List.of(instance.containerInstanceArn())).items().get(0);
        assertEquals(instance.registeredResources(), restored.registeredResources());
        assertEquals(instance.versionInfo(), restored.versionInfo());
        assertEquals("i-0abc", restored.ec2InstanceId());
    }
}
