package dev.ecsdeck.sim.elb;

import dev.ecsdeck.model.Tag;
import java.util.List;

/** A resource's tags, as DescribeTags returns them (ELB's {@code TagDescription}). */
public record TagDescription(String resourceArn, List<Tag> tags) {

    public TagDescription {
        tags = List.copyOf(tags);
    }
}
