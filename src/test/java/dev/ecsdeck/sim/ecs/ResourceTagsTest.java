package dev.ecsdeck.sim.ecs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ecsdeck.model.Tag;
import dev.ecsdeck.sim.DemoSim;
import dev.ecsdeck.sim.SimApiException;
import dev.ecsdeck.sim.SimEngine;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A kind of resource made taggable by registering a holder, as capacity providers and task sets do. */
class ResourceTagsTest {
    private static final String PROVIDERS = "arn:aws:ecs:us-east-1:000000000000:capacity-provider/";

    @Test
    void aRegisteredKindIsTaggedUntaggedAndListedByArn() {
        SimEngine engine = DemoSim.demoEngine(DemoSim.startClock());
        Map<String, List<Tag>> providers = new LinkedHashMap<>();
        providers.put("spot-asg", new ArrayList<>());
        engine.ecs().tags().register("capacity-provider", (arn, path) -> path.size() == 1 ? providers.get(path.get(0)) : null);

        engine.tags().tagResource(PROVIDERS + "spot-asg", List.of(new Tag("team", "batch"), new Tag("tier", "spot")));
        engine.tags().untagResource(PROVIDERS + "spot-asg", List.of("tier"));
        assertEquals(List.of(new Tag("team", "batch")), engine.tags().listTagsForResource(PROVIDERS + "spot-asg"));
        assertEquals(List.of(new Tag("team", "batch")), providers.get("spot-asg"), "the holder's own list is the one changed");

        SimApiException missing = assertThrows(SimApiException.class,
                () -> engine.tags().tagResource(PROVIDERS + "nope", List.of(new Tag("a", "b"))));
        assertEquals("ResourceNotFoundException", missing.errorCode());
        SimApiException unknownKind = assertThrows(SimApiException.class,
                () -> engine.tags().listTagsForResource("arn:aws:ecs:us-east-1:000000000000:task-set/prod-web/web/ecs-svc/1"));
        assertEquals("InvalidParameterException", unknownKind.errorCode(), "a kind nobody registered is not taggable");
    }
}
