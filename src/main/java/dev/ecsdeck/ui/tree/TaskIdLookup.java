package dev.ecsdeck.ui.tree;

import dev.ecsdeck.model.EcsTask;
import dev.ecsdeck.provider.EcsProvider;
import dev.ecsdeck.provider.TaskFilter;
import dev.ecsdeck.ui.common.BackgroundTask;
import dev.ecsdeck.ui.common.ErrorText;
import dev.ecsdeck.ui.common.TaskExecutor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Finds tasks by the start of their id for quick open. Typed text that looks like a task id (6 to 32
 * hex digits) lists the task ARNs of every cluster once per session (ListTasks, running and
 * stopped, no DescribeTasks), then describes only the few tasks the text matches, at most
 * {@link #MAX_DESCRIBED} per text, so each keystroke costs at most one DescribeTasks per cluster.
 */
final class TaskIdLookup {
    static final int MAX_DESCRIBED = 10;
    private static final Pattern TASK_ID_PREFIX = Pattern.compile("[0-9a-f]{6,32}");
    private static final TaskFilter STOPPED = new TaskFilter(null, null, null, null, "STOPPED");

    private final EcsProvider provider;
    private final TaskExecutor executor;
    private final ServiceNameIndex index;
    private final Runnable changed;
    private final java.util.function.Supplier<String> query;
    /** Cluster → its task ARNs; null until the first id-like text of the session. */
    private Map<String, List<String>> arns;
    private int listing;
    private int listingTotal;
    private final Map<String, QuickOpenViewModel.Target> described = new HashMap<>();
    private final java.util.Set<String> describing = new java.util.HashSet<>();
    private String failure = "";
    private int session;

    TaskIdLookup(EcsProvider provider, TaskExecutor executor, ServiceNameIndex index, java.util.function.Supplier<String> query,
            Runnable changed) {
        this.query = query;
        this.provider = provider;
        this.executor = executor;
        this.index = index;
        this.changed = changed;
    }

    static boolean looksLikeTaskId(String text) {
        return text != null && TASK_ID_PREFIX.matcher(text.trim().toLowerCase(Locale.ROOT)).matches();
    }

    /** The service a task belongs to ("service:name" group), or null. */
    static String serviceOf(EcsTask t) {
        return t.group() != null && t.group().startsWith("service:") ? t.group().substring("service:".length()) : null;
    }

    /** A new session: what was listed before may be stale. */
    void reset() {
        session++;
        arns = null;
        listing = 0;
        described.clear();
        describing.clear();
        failure = "";
    }

    /** Looks up the tasks the text names, if it looks like a task id. */
    void search(String text) {
        if (!looksLikeTaskId(text)) {
            return;
        }
        if (arns == null) {
            listArns();
        } else if (listing == 0) {
            describeMatches(text.trim().toLowerCase(Locale.ROOT));
        }
    }

    private void listArns() {
        List<String> clusters = index.clusters();
        if (clusters.isEmpty()) {
            return; // the index is still listing clusters; its next change narrows again and the user's next key retries
        }
        int mine = session;
        arns = new LinkedHashMap<>();
        listing = clusters.size();
        listingTotal = clusters.size();
        for (String cluster : clusters) {
            BackgroundTask.of(() -> {
                List<String> all = new ArrayList<>(provider.listTaskArns(cluster, TaskFilter.running()));
                all.addAll(provider.listTaskArns(cluster, STOPPED));
                return all;
            }).onSuccess(list -> {
                if (mine == session) {
                    arns.put(cluster, list);
                }
            }).onFailure(error -> failure = ErrorText.of(error)).onFinished(() -> {
                if (mine == session) {
                    listing--;
                    if (listing == 0 && looksLikeTaskId(query.get())) {
                        describeMatches(query.get().trim().toLowerCase(Locale.ROOT));
                    }
                    changed.run();
                }
            }).executeWith(executor);
        }
        changed.run();
    }

    /** Describes the first few tasks whose id starts with the prefix, per cluster in one call each. */
    private void describeMatches(String prefix) {
        int mine = session;
        Map<String, List<String>> todo = new LinkedHashMap<>();
        int count = 0;
        for (Map.Entry<String, List<String>> e : arns.entrySet()) {
            for (String arn : e.getValue()) {
                if (count >= MAX_DESCRIBED) {
                    break;
                }
                String id = dev.ecsdeck.model.Arns.lastSegment(arn);
                if (id.startsWith(prefix)) {
                    count++;
                    if (!described.containsKey(arn) && describing.add(arn)) {
                        todo.computeIfAbsent(e.getKey(), c -> new ArrayList<>()).add(arn);
                    }
                }
            }
        }
        todo.forEach((cluster, list) -> BackgroundTask.of(() -> provider.describeTasks(cluster, list)).onSuccess(found -> {
            if (mine == session) {
                found.forEach(t -> described.put(t.taskArn(), new QuickOpenViewModel.Target(QuickOpenViewModel.Kind.TASK, cluster, t.taskId(), t)));
                changed.run();
            }
        }).onFailure(error -> {
            failure = ErrorText.of(error);
            list.forEach(describing::remove);
        }).executeWith(executor));
    }

    /** The tasks described so far whose id starts with the text. */
    List<QuickOpenViewModel.Target> matches(String text) {
        if (!looksLikeTaskId(text)) {
            return List.of();
        }
        String prefix = text.trim().toLowerCase(Locale.ROOT);
        return described.values().stream().filter(t -> t.name().startsWith(prefix)).toList();
    }

    /** "Looking up tasks: 2 of 3 clusters…" while listing; the last failure; else "". */
    String progress() {
        if (arns != null && listing > 0) {
            return "Looking up tasks: " + (listingTotal - listing) + " of " + listingTotal + " clusters…";
        }
        return failure;
    }

}
