package dev.ecsdeck.provider;

import dev.ecsdeck.model.Cluster;
import dev.ecsdeck.model.ContainerInstance;
import dev.ecsdeck.model.EcsService;
import dev.ecsdeck.model.EcsTask;
import dev.ecsdeck.model.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The listing logic both backends share: read every page of a List call, and describe what it
 * names in batches at ECS's limits (10 services, 100 clusters, tasks or instances), the batches in
 * parallel with a bound, each delivered as soon as it returns. Subclasses supply the single
 * page and single batch calls.
 */
public abstract class BatchingEcsProvider implements EcsProvider {
    public static final int MAX_DESCRIBE_SERVICES = 10;
    public static final int MAX_DESCRIBE_TASKS = 100;
    public static final int MAX_DESCRIBE_CLUSTERS = 100;
    public static final int MAX_DESCRIBE_INSTANCES = 100;
    public static final int MAX_LIST_RESULTS = 100;

    private final ExecutorService describePool;

    protected BatchingEcsProvider(int parallelism, String threadName) {
        AtomicInteger n = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, threadName + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        this.describePool = Executors.newFixedThreadPool(parallelism, factory);
    }

    // ---- the single calls a backend supplies ----

    protected abstract Page<String> listClustersPage(String nextToken);

    protected abstract List<Cluster> describeClustersBatch(List<String> clusters);

    protected abstract Page<String> listServicesPage(String cluster, String nextToken);

    protected abstract List<EcsService> describeServicesBatch(String cluster, List<String> services);

    protected abstract Page<String> listTasksPage(String cluster, TaskFilter filter, String nextToken);

    protected abstract List<EcsTask> describeTasksBatch(String cluster, List<String> tasks);

    protected abstract Page<String> listContainerInstancesPage(String cluster, String nextToken);

    protected abstract List<ContainerInstance> describeContainerInstancesBatch(String cluster, List<String> instances);

    protected abstract Page<String> listTaskDefinitionFamiliesPage(String nextToken);

    /** One page of a family's revision ARNs, newest first. */
    protected abstract Page<String> listTaskDefinitionsPage(String family, boolean includeInactive, String nextToken);

    // ---- what the console calls ----

    @Override
    public List<Cluster> listClusters() {
        return describeInBatches(readAll(this::listClustersPage), MAX_DESCRIBE_CLUSTERS, this::describeClustersBatch);
    }

    @Override
    public List<Cluster> describeClusters(List<String> clusters) {
        return describeInBatches(clusters, MAX_DESCRIBE_CLUSTERS, this::describeClustersBatch);
    }

    @Override
    public void streamServices(String cluster, Consumer<List<EcsService>> batches) {
        List<Future<?>> pending = new ArrayList<>();
        try {
            String token = null;
            do {
                Page<String> page = listServicesPage(cluster, token);
                List<String> arns = page.items();
                for (int i = 0; i < arns.size(); i += MAX_DESCRIBE_SERVICES) {
                    List<String> batch = arns.subList(i, Math.min(arns.size(), i + MAX_DESCRIBE_SERVICES));
                    pending.add(describePool.submit(() -> batches.accept(describeServicesBatch(cluster, batch))));
                }
                token = page.nextToken();
            } while (token != null);
            awaitAll(pending);
        } finally {
            pending.forEach(f -> f.cancel(true));
        }
    }

    @Override
    public List<EcsService> describeServices(String cluster, List<String> services) {
        return describeInBatches(services, MAX_DESCRIBE_SERVICES, batch -> describeServicesBatch(cluster, batch));
    }

    @Override
    public List<String> listServiceNames(String cluster) {
        return readAll(token -> listServicesPage(cluster, token)).stream().map(dev.ecsdeck.model.Arns::lastSegment).toList();
    }

    @Override
    public List<String> listTaskArns(String cluster, TaskFilter filter) {
        return readAll(token -> listTasksPage(cluster, filter, token));
    }

    @Override
    public List<EcsTask> listTasks(String cluster, TaskFilter filter) {
        List<String> arns = readAll(token -> listTasksPage(cluster, filter, token));
        return describeInBatches(arns, MAX_DESCRIBE_TASKS, batch -> describeTasksBatch(cluster, batch));
    }

    @Override
    public List<EcsTask> describeTasks(String cluster, List<String> tasks) {
        return describeInBatches(tasks, MAX_DESCRIBE_TASKS, batch -> describeTasksBatch(cluster, batch));
    }

    @Override
    public List<ContainerInstance> listContainerInstances(String cluster) {
        List<String> arns = readAll(token -> listContainerInstancesPage(cluster, token));
        return describeInBatches(arns, MAX_DESCRIBE_INSTANCES, batch -> describeContainerInstancesBatch(cluster, batch));
    }

    @Override
    public List<String> listTaskDefinitionFamilies() {
        return readAll(this::listTaskDefinitionFamiliesPage);
    }

    @Override
    public List<String> listTaskDefinitions(String family, boolean includeInactive) {
        return readAll(token -> listTaskDefinitionsPage(family, includeInactive, token));
    }

    @Override
    public void close() {
        describePool.shutdownNow();
    }

    /** Every item of a paged List call. */
    protected static <T> List<T> readAll(Function<String, Page<T>> pageCall) {
        List<T> all = new ArrayList<>();
        String token = null;
        do {
            Page<T> page = pageCall.apply(token);
            all.addAll(page.items());
            token = page.nextToken();
        } while (token != null);
        return all;
    }

    /** Describes in batches of {@code max}, in parallel, results in input order. */
    protected <T> List<T> describeInBatches(List<String> refs, int max, Function<List<String>, List<T>> batchCall) {
        if (refs.isEmpty()) {
            return List.of();
        }
        if (refs.size() <= max) {
            return batchCall.apply(refs);
        }
        List<Future<List<T>>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < refs.size(); i += max) {
                List<String> batch = List.copyOf(refs.subList(i, Math.min(refs.size(), i + max)));
                futures.add(describePool.submit(() -> batchCall.apply(batch)));
            }
            List<T> all = new ArrayList<>();
            for (Future<List<T>> f : futures) {
                all.addAll(get(f));
            }
            return all;
        } finally {
            futures.forEach(f -> f.cancel(true));
        }
    }

    private static void awaitAll(List<Future<?>> futures) {
        for (Future<?> f : futures) {
            get(f);
        }
    }

    private static <T> T get(Future<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnavailableException(null, "Interrupted", "The call was interrupted.", e);
        } catch (CancellationException e) {
            throw new UnavailableException(null, "Cancelled", "The call was cancelled.", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new EcsException(null, cause.getClass().getSimpleName(), String.valueOf(cause.getMessage()), cause);
        }
    }
}
