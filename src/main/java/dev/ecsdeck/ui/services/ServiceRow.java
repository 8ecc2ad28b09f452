package dev.ecsdeck.ui.services;

import dev.ecsdeck.model.Arns;
import dev.ecsdeck.model.CapacityProviderStrategyItem;
import dev.ecsdeck.model.Deployment;
import dev.ecsdeck.model.EcsService;
import dev.ecsdeck.model.ServiceEvent;
import dev.ecsdeck.ui.common.TimeFormat;
import dev.ecsdeck.ui.tree.ServiceHealth;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** One row of a cluster's services table: what each column shows, read from the service as last described. */
public record ServiceRow(String cluster, EcsService service) {

    /** "family:revision" texts in family order, then by number (web:10 after web:9). */
    public static final Comparator<String> REVISION_ORDER = Comparator.comparing((String r) -> r.substring(0, Math.max(0, r.lastIndexOf(':'))),
            // The prefix makes Arns read "web:10" as a reference rather than as an ARN whose last part is "10".
            String.CASE_INSENSITIVE_ORDER).thenComparingInt(r -> Arns.revision("task-definition/" + r));

    public String name() {
        return service.serviceName();
    }

    /** The same badges as the service's tree row. */
    public List<String> badges() {
        ServiceHealth health = ServiceHealth.of(service);
        List<String> out = new ArrayList<>();
        if (health.deploymentFailed()) {
            out.add("deployment failed");
        } else if (health.rolledBack()) {
            out.add("rolled back");
        }
        if (health.deploying() && !health.deploymentFailed()) {
            out.add("deploying");
        }
        if (health.tasksFailing()) {
            out.add("tasks failing");
        }
        return out;
    }

    public String badgesText() {
        return String.join(", ", badges());
    }

    public int running() {
        return service.runningCount();
    }

    public int desired() {
        return service.desiredCount();
    }

    public int pending() {
        return service.pendingCount();
    }

    /** Running of desired, the old revision's among them during a rollout, and the pending ones if any: "4/2 (2 old) · 1 pending". */
    public String tasksText() {
        int old = service.runningOfOlderDeployments();
        return running() + "/" + desired() + (old > 0 ? " (" + old + " old)" : "") + (pending() > 0 ? " · " + pending() + " pending" : "");
    }

    /** The same counts in words. */
    public String tasksInWords() {
        int old = service.runningOfOlderDeployments();
        return running() + " running of " + desired() + " desired" + (old > 0 ? " (" + old + " of them the old revision's)" : "") + ", "
                + pending() + " pending";
    }

    /** family:revision of the service's task definition. */
    public String revision() {
        return service.taskDefinition() == null ? "" : Arns.familyRevision(service.taskDefinition());
    }

    /** The launch type, or the capacity providers of its strategy. */
    public String launch() {
        if (service.launchType() != null) {
            return service.launchType();
        }
        List<CapacityProviderStrategyItem> strategy = service.capacityProviderStrategy();
        return strategy.isEmpty() ? "cluster default strategy"
                : strategy.stream().map(CapacityProviderStrategyItem::capacityProvider).collect(Collectors.joining(", "));
    }

    /** The rollout state of the PRIMARY deployment ("" when there is none), with how many deployments run. */
    public String deploymentState() {
        Deployment primary = service.deployments().stream().filter(Deployment::isPrimary).findFirst().orElse(null);
        if (primary == null) {
            return "";
        }
        String state = primary.rolloutState() == null ? primary.status() : primary.rolloutState();
        int others = service.deployments().size() - 1;
        return others > 0 ? state + " (+" + others + " older)" : state;
    }

    /** The newest event: its time and message, or "". */
    public String lastEvent() {
        if (service.events().isEmpty()) {
            return "";
        }
        ServiceEvent e = service.events().get(0);
        // The row names the service: its events' "(service x) " prefix would only take room.
        String prefix = "(service " + service.serviceName() + ") ";
        String message = e.message().startsWith(prefix) ? e.message().substring(prefix.length()) : e.message();
        return TimeFormat.compact(e.createdAt(), Instant.now()) + "  " + message;
    }

    /** Whether the filter text (already lower case, not empty) is in the name, the revision or a badge. */
    boolean matches(String needle) {
        return name().toLowerCase(Locale.ROOT).contains(needle) || revision().toLowerCase(Locale.ROOT).contains(needle)
                || badges().stream().anyMatch(b -> b.contains(needle));
    }
}
