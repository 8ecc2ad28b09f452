package dev.ecsdeck.ui.service;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ecsdeck.provider.ServiceUpdate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ServicePanelViewModelTest {
    private final ServiceTestSim sim = new ServiceTestSim();

    @AfterEach
    void close() {
        sim.close();
    }

    @Test
    void eachPollPublishesTheServiceThenRefreshesThePartsInOrder() {
        ServicePanelViewModel panel = new ServicePanelViewModel(sim.context, new ServiceRef("prod-web", "web"));
        List<String> refreshed = new ArrayList<>();
        panel.add(new ServicePart() {
            @Override
            public void refresh() {
                refreshed.add("first saw " + panel.serviceProperty().get().desiredCount());
            }
        });
        panel.add(new ServicePart() {
            @Override
            public void refresh() {
                refreshed.add("second");
            }
        });
        panel.poll();
        assertEquals(List.of("first saw 4", "second"), refreshed);
        assertEquals("4 desired · 4 running · 0 pending", panel.countsProperty().get());
    }

    @Test
    void countsShowEachDeploymentWhileThereAreSeveral() {
        ServicePanelViewModel panel = new ServicePanelViewModel(sim.context, new ServiceRef("prod-web", "web"));
        sim.provider.updateService(ServiceUpdate.forceNewDeployment("prod-web", "web"));
        panel.poll();
        String counts = panel.countsProperty().get();
        assertThat(counts, containsString("PRIMARY web:1: 0/4 running"));
        assertThat(counts, containsString("ACTIVE web:1: 4/4 running"));
    }

    @Test
    void aMissingServiceOrAFailedReadIsSaid() {
        ServicePanelViewModel gone = new ServicePanelViewModel(sim.context, new ServiceRef("prod-web", "nope"));
        gone.poll();
        assertEquals("Service nope in prod-web no longer exists.", gone.messageProperty().get());

        ServicePanelViewModel panel = new ServicePanelViewModel(sim.context, new ServiceRef("prod-web", "web"));
        sim.backend.faults().failNext("DescribeServices", "ServerException", "Service unavailable.", 500);
        panel.poll();
        assertThat(panel.messageProperty().get(), containsString("(retrying)"));
        panel.poll();
        assertEquals("", panel.messageProperty().get());
    }
}
