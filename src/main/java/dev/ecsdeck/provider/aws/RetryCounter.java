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
 * Counts the SDK's requests and retries: the SDK sends each attempt through
 * {@code beforeTransmission}, so a second transmission of one execution is a retry. Listeners (the
 * status bar) hear of each retry; the request counts per operation let benchmarks compare the
 * calls made with the fewest possible.
 */
final class RetryCounter implements ExecutionInterceptor {
    private static final ExecutionAttribute<AtomicInteger> ATTEMPTS = new ExecutionAttribute<>("ecsdeck.attempts");
    /** The error code of the last attempt's reply (x-amzn-ErrorType, or "429"), "" when it had none. */
    private static final ExecutionAttribute<String> LAST_ERROR = new ExecutionAttribute<>("ecsdeck.lastError");
    private final AtomicLong retries = new AtomicLong();
    private final java.util.concurrent.ConcurrentHashMap<String, AtomicLong> requests = new java.util.concurrent.ConcurrentHashMap<>();
    private final List<RetryListener> listeners = new CopyOnWriteArrayList<>();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        attributes.putAttribute(ATTEMPTS, new AtomicInteger());
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        AtomicInteger attempts = attributes.getAttribute(ATTEMPTS);
        int n = attempts == null ? 1 : attempts.incrementAndGet();
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        requests.computeIfAbsent(String.valueOf(operation), o -> new AtomicLong()).incrementAndGet();
        if (n > 1) {
            retries.incrementAndGet();
            String error = attributes.getAttribute(LAST_ERROR);
            error = error == null || error.isEmpty() ? null : error;
            for (RetryListener l : listeners) {
                l.retried(operation, n, error);
            }
        }
        attributes.putAttribute(LAST_ERROR, ""); // until this attempt's reply says otherwise
    }

    @Override
    public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
        // AWS's JSON and REST services name the error in this header; a 429 is throttling whatever the body says.
        var response = context.httpResponse();
        String error = response.firstMatchingHeader("x-amzn-ErrorType").map(t -> t.split(":")[0]).orElse(null);
        if (error == null && response.statusCode() == 429) {
            error = "429";
        }
        attributes.putAttribute(LAST_ERROR, error == null ? "" : error);
    }

    void addListener(RetryListener listener) {
        listeners.add(listener);
    }

    long retries() {
        return retries.get();
    }

    /** Requests sent (retries included) for the operation, e.g. "DescribeServices". */
    long requests(String operation) {
        AtomicLong n = requests.get(operation);
        return n == null ? 0 : n.get();
    }
}
