package dev.ecsdeck.ui.attention;

import dev.ecsdeck.ui.common.TimeFormat;
import java.time.Instant;

/**
 * One thing that needs a look: a service's failed or rolled-back deployment, its failing tasks, its
 * shortfall of running tasks or a rollout that does not finish, or a container instance that is not
 * ACTIVE or whose agent is disconnected. {@code since} is when it began as far as ECS's data tells,
 * and {@code sinceBasis} says what that time is.
 *
 * @param service the service's name, or null for an instance
 * @param instanceArn the container instance's ARN, or null for a service
 * @param subject what the row names: the service's name or the instance's EC2 id
 */
public record AttentionItem(String cluster, String service, String instanceArn, String subject, Kind kind, String what, Instant since,
        String sinceBasis) {

    /** What kind of problem it is, with the words the list shows. */
    public enum Kind {
        DEPLOYMENT_FAILED("deployment failed"),
        ROLLED_BACK("rolled back"),
        TASKS_FAILING("tasks failing"),
        BELOW_DESIRED("below desired"),
        DEPLOYMENT_STUCK("deployment not finishing"),
        AWAITING_ACTION("waiting for you"),
        INSTANCE_NOT_ACTIVE("instance not active"),
        AGENT_DISCONNECTED("agent disconnected");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** When it began, compact: the time alone when that was on {@code now}'s day, else the date and time. */
    public String sinceShort(Instant now) {
        return TimeFormat.compact(since, now);
    }

    /** When it began to the second, and what that time is. */
    public String sinceInFull() {
        return "Since " + TimeFormat.local(since) + " (" + sinceBasis + ")";
    }

    static AttentionItem ofService(String cluster, String service, Kind kind, String what, Instant since, String sinceBasis) {
        return new AttentionItem(cluster, service, null, service, kind, what, since, sinceBasis);
    }

    /** Identifies the item across refreshes. */
    public String key() {
        return cluster + "/" + (service != null ? "service/" + service : instanceArn) + "/" + kind;
    }

    AttentionItem since(Instant time, String basis) {
        return new AttentionItem(cluster, service, instanceArn, subject, kind, what, time, basis);
    }
}
