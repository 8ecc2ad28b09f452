package dev.ecsdeck.model;

import java.util.List;

/** One page of a List call; {@code nextToken} is null on the last page. */
public record Page<T>(List<T> items, String nextToken) {
    public Page {
        items = List.copyOf(items);
    }
}
