package dev.ecsdeck.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PluralTest {
    @Test
    void oneIsSingularEveryOtherCountPlural() {
        assertEquals("1 task", Plural.of(1, "task"));
        assertEquals("0 tasks", Plural.of(0, "task"));
        assertEquals("2 tasks", Plural.of(2, "task"));
        assertEquals("1 retry", Plural.of(1, "retry", "retries"));
        assertEquals("3 retries", Plural.of(3, "retry", "retries"));
    }
}
