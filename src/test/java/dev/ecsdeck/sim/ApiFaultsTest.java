package dev.ecsdeck.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsdeck.provider.ThrottledException;
import dev.ecsdeck.provider.UnavailableException;
import dev.ecsdeck.provider.sim.SimProvider;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ApiFaultsTest {
    private final AtomicLong nanos = new AtomicLong();
    private final ApiFaults faults = new ApiFaults(nanos::get, 3);

    private int admitted(int calls) {
        int ok = 0;
        for (int i = 0; i < calls; i++) {
            try {
                faults.admit("ListServices");
                ok++;
            } catch (SimApiException e) {
                assertEquals("ThrottlingException", e.errorCode());
                assertEquals("Rate exceeded", e.getMessage());
            }
        }
        return ok;
    }

    @Test
    void theTokenBucketAdmitsTheBurstThenTheRate() {
        faults.configure(ApiFaults.Config.none().withRate(10, 5));
        assertEquals(5, admitted(20), "the burst");
        nanos.addAndGet(500_000_000L);
        assertEquals(5, admitted(20), "half a second at 10 per second");
        assertEquals(new ApiFaults.Counts(40, 30, 0), faults.counts());
    }

    @Test
    void randomFaultsFollowTheirShareAndTheSeed() {
        faults.configure(ApiFaults.Config.none().withThrottleRate(0.3));
        int ok = admitted(2000);
        assertTrue(ok > 1300 && ok < 1500, "about 70% admitted: " + ok);
        ApiFaults again = new ApiFaults(nanos::get, 3);
        again.configure(ApiFaults.Config.none().withThrottleRate(0.3));
        int okAgain = 0;
        for (int i = 0; i < 2000; i++) {
            try {
                again.admit("ListServices");
                okAgain++;
            } catch (SimApiException expected) {
                // counted below
            }
        }
        assertEquals(ok, okAgain, "same seed, same faults");
    }

    @Test
    void theProviderTurnsInjectedFaultsIntoTypedErrors() {
        SimEngine engine = DemoSim.emptyEngine(DemoSim.startClock(), 1);
        engine.clusters().createCluster("c", null, null, null);
        try (SimProvider provider = new SimProvider(engine, "test", faults)) {
            faults.configure(ApiFaults.Config.none().withThrottleRate(1.0));
            ThrottledException t = assertThrows(ThrottledException.class, provider::listClusters);
            assertEquals("ListClusters failed: ThrottlingException: Rate exceeded", t.summary());
            faults.configure(ApiFaults.Config.none().withErrorRate(1.0));
            UnavailableException u = assertThrows(UnavailableException.class, () -> provider.listServices("c"));
            assertEquals("ServerException", u.errorCode());
            faults.configure(ApiFaults.Config.none());
            assertEquals(1, provider.listClusters().size());
        }
    }

    @Test
    void aPlannedErrorFailsTheNextCallsOfItsOperationOnly() {
        faults.failNext("RegisterTaskDefinition", "ClientException", "Too many revisions", 400);
        faults.admit("ListServices");
        SimApiException e = assertThrows(SimApiException.class, () -> faults.admit("RegisterTaskDefinition"));
        assertEquals("ClientException", e.errorCode());
        assertEquals("Too many revisions", e.getMessage());
        faults.admit("RegisterTaskDefinition");
        assertEquals(new ApiFaults.Counts(3, 0, 1), faults.counts());
    }
}
