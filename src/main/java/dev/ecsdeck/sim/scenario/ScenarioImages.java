package dev.ecsdeck.sim.scenario;

import dev.ecsdeck.sim.SimEngine;
import java.time.Duration;
import java.time.Instant;

/** Puts a scenario's ECR repositories and images in the engine's registry, pushed at times before the start. */
final class ScenarioImages {
    private ScenarioImages() {}

    static void create(SimEngine engine, Scenario.Ecr ecr, Instant start) {
        engine.ecr().useRegistry(ecr.registryId());
        for (Scenario.RepositorySpec r : ecr.repositories()) {
            Instant created = start.minus(Duration.ofDays(r.createdDaysAgo() == null ? 400 : r.createdDaysAgo()));
            engine.ecr().createRepository(null, r.name(), r.imageTagMutability(), Boolean.TRUE.equals(r.scanOnPush()), created);
            for (Scenario.ImageSpec i : r.images()) {
                engine.ecr().seedImage(r.name(), i.tags(), start.minus(Duration.ofHours(i.pushedHoursAgo())), i.findings());
            }
        }
    }
}
