package dev.ecsdeck.provider.aws;

import dev.ecsdeck.provider.RetryListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Counts the SDK's retries: the SDK sends each attempt through {@code beforeTransmission}, so a
 * second transmission of one execution is a retry. Listeners (the status bar) hear of each.
 */
final class RetryCounter implements ExecutionInterceptor {
    private static final ExecutionAttribute<AtomicInteger> ATTEMPTS = new ExecutionAttribute<>("ecsdeck.attempts");
    private final AtomicLong retries = new AtomicLong();
    private final List<RetryListener> listeners = new CopyOnWriteArrayList<>();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        attributes.putAttribute(ATTEMPTS, new AtomicInteger());
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        AtomicInteger attempts = attributes.getAttribute(ATTEMPTS);
        int n = attempts == null ? 1 : attempts.incrementAndGet();
        if (n > 1) {
            retries.incrementAndGet();
            String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
            for (RetryListener l : listeners) {
                l.retried(operation, n);
            }
        }
    }

    void addListener(RetryListener listener) {
        listeners.add(listener);
    }

    long retries() {
        return retries.get();
    }
}
