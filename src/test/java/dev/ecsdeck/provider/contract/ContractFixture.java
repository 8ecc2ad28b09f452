package dev.ecsdeck.provider.contract;

import dev.ecsdeck.provider.EcsProvider;
import dev.ecsdeck.sim.DemoSim;
import dev.ecsdeck.sim.ManualClock;
import dev.ecsdeck.sim.SimEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What each contract test starts from: the demo scenario on a manual clock that the test moves by
 * hand, and the provider under test on it (the simulator in process, or the AWS SDK provider over
 * HTTP to the served simulator).
 */
abstract class ContractFixture {
    protected ManualClock clock;
    protected SimEngine engine;
    protected EcsProvider provider;

    /** The provider under test, on this engine. */
    protected abstract EcsProvider open(SimEngine engine) throws Exception;

    protected void closeBackend() throws Exception {}

    @BeforeEach
    void setUp() throws Exception {
        clock = DemoSim.startClock();
        engine = DemoSim.demoEngine(clock);
        provider = open(engine);
    }

    @AfterEach
    void tearDown() throws Exception {
        provider.close();
        closeBackend();
    }
}
