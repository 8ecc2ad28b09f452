package dev.ecsdeck.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsdeck.provider.EcsException;
import dev.ecsdeck.provider.Operation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class ErrorTextTest {
    private final EcsException notFound = new EcsException(Operation.UPDATE_SERVICE, "ServiceNotFoundException", "Service not found.");

    @Test
    void aProviderFailureSaysTheCallTheCodeAndTheMessage() {
        assertEquals("UpdateService failed: ServiceNotFoundException: Service not found.", ErrorText.of(notFound));
        assertTrue(ErrorText.isFailedCall(notFound));
    }

    @Test
    void aWrappedFailureIsShownAsWhatItWraps() {
        assertEquals("UpdateService failed: ServiceNotFoundException: Service not found.",
                ErrorText.of(new CompletionException(new ExecutionException(notFound))));
        assertTrue(ErrorText.isFailedCall(new CompletionException(notFound)));
        assertEquals("Failed: disk full", ErrorText.of(new ExecutionException(new IllegalStateException("disk full"))));
    }

    @Test
    void anyOtherFailureSaysFailedAndItsMessage() {
        assertEquals("Failed: boom", ErrorText.of(new RuntimeException("boom")));
        assertFalse(ErrorText.isFailedCall(new RuntimeException("boom")));
    }

    @Test
    void withoutAMessageItSaysWhatKindOfFailureInWords() {
        assertEquals("Failed: null pointer exception", ErrorText.of(new NullPointerException()));
        assertEquals("Failed: unchecked IO exception", ErrorText.of(new UncheckedIOException(null, new IOException())));
        assertEquals("Failed: illegal state exception", ErrorText.of(new IllegalStateException("  ")));
        assertEquals("Failed: runtime exception", ErrorText.of(new CompletionException(new RuntimeException())));
    }

    @Test
    void aWrapperWithoutACauseIsShownItself() {
        assertEquals("Failed: completion exception", ErrorText.of(new CompletionException((Throwable) null)));
    }
}
