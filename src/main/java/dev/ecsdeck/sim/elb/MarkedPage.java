package dev.ecsdeck.sim.elb;

import java.util.List;

/** One page of an ELB Describe call: its items and the marker of the next page (null on the last). */
public record MarkedPage<T>(List<T> items, String nextMarker) {

    public MarkedPage {
        items = List.copyOf(items);
    }
}
