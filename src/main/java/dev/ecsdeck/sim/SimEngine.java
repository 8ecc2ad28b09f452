package dev.ecsdeck.sim;

import dev.ecsdeck.sim.autoscaling.ScalingApi;
import dev.ecsdeck.sim.cloudwatch.AlarmApi;
import dev.ecsdeck.sim.cloudwatch.MetricApi;
import dev.ecsdeck.sim.ecs.AccountSettingApi;
import dev.ecsdeck.sim.ecs.ClusterApi;
import dev.ecsdeck.sim.ecs.ServiceApi;
import dev.ecsdeck.sim.ecs.ServiceDeploymentApi;
import dev.ecsdeck.sim.ecs.SimEcs;
import dev.ecsdeck.sim.ecs.TagApi;
import dev.ecsdeck.sim.ecs.TaskApi;
import dev.ecsdeck.sim.ecs.TaskDefinitionApi;
import dev.ecsdeck.sim.elb.ElbApi;
import dev.ecsdeck.sim.elb.SimElb;
import dev.ecsdeck.sim.events.EventsApi;
import dev.ecsdeck.sim.logs.LogApi;
import dev.ecsdeck.sim.logs.SimLogs;
import dev.ecsdeck.sim.scheduler.SchedulerApi;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The simulated ECS: clusters, instances, task definitions, services, tasks and their logs, on a
 * {@link SimClock}. Time moves in steps of one simulated second, each running the task lifecycle
 * and then the service scheduler; every call first catches the simulation up with the clock, so a
 * test that advances a {@link ManualClock} sees exactly what that much time would do. Everything
 * random comes from the seed. One lock guards it all: calls are short.
 *
 * <p>The API is grouped as ECS's is: {@link #clusters()}, {@link #taskDefinitions()},
 * {@link #services()}, {@link #tasks()}, {@link #logs()}, {@link #scaling()}, {@link #loadBalancing()}.
 */
public final class SimEngine {
    private static final System.Logger LOG = System.getLogger(SimEngine.class.getName());
    static final Duration STEP = Duration.ofSeconds(1);

    private final SimClock clock;
    private final long seed;
    private final SimIds ids;
    private final SimLogs logStore = new SimLogs();
    private final SimEcs ecs;
    private final SimElb elb;
    private Instant simulatedUntil;
    /** Scenario actions waiting for their simulated time, in time order. */
    private final java.util.PriorityQueue<TimedAction> timedActions = new java.util.PriorityQueue<>();
    private long actionSequence;
    private boolean stepping;

    private final ClusterApi clusterApi = new ClusterApi(this);
    private final TaskDefinitionApi taskDefinitionApi = new TaskDefinitionApi(this);
    private final ServiceApi serviceApi = new ServiceApi(this);
    private final ServiceDeploymentApi serviceDeploymentApi = new ServiceDeploymentApi(this);
    private final TaskApi taskApi = new TaskApi(this);
    private final LogApi logApi = new LogApi(this);
    private final ScalingApi scalingApi = new ScalingApi(this);
    private final ElbApi elbApi = new ElbApi(this);
    private final EventsApi eventsApi = new EventsApi(this);
    private final SchedulerApi schedulerApi = new SchedulerApi(this);
    private final TagApi tagApi = new TagApi(this);
    private final AccountSettingApi accountSettingApi = new AccountSettingApi(this);
    private final MetricApi metricApi = new MetricApi(this);
    private final AlarmApi alarmApi = new AlarmApi(this);
    private final dev.ecsdeck.sim.ecr.EcrApi ecrApi = new dev.ecsdeck.sim.ecr.EcrApi(this);

    public SimEngine(SimClock clock, long seed, String region) {
        this(clock, seed, region, clock.now());
    }

    /**
     * An engine whose simulated time starts at {@code startAt}, possibly before the clock's now: the
     * first call then runs the time in between (how a scenario warms up before the user sees it).
     */
    public SimEngine(SimClock clock, long seed, String region, Instant startAt) {
        this(clock, seed, region, startAt, SimIds.DEFAULT_ACCOUNT);
    }

    /** As above, in the AWS account {@code account} (12 digits): every ARN the engine makes names it. */
    public SimEngine(SimClock clock, long seed, String region, Instant startAt, String account) {
        this.clock = clock;
        this.seed = seed;
        this.ids = new SimIds(seed, region, account);
        this.elb = new SimElb(ids);
        this.ecs = new SimEcs(ids, logStore, elb, seed, region);
        this.simulatedUntil = startAt;
        ecs.pullImagesWith(ecrApi::pullFailure); // tasks pull their images of this account's registry from the simulated ECR
    }

    /**
     * A change a scenario makes at a set simulated time. Implemented by the scenario's own action
     * records (data, so a saved simulation keeps what is still to come), so the engine runs them
     * without knowing the scenario format.
     */
    public interface Change {
        void applyTo(SimEngine engine);
    }

    /** A change waiting for its simulated time. */
    public record TimedAction(Instant at, long sequence, Change action) implements Comparable<TimedAction> {
        @Override
        public int compareTo(TimedAction o) {
            int byTime = at.compareTo(o.at);
            return byTime != 0 ? byTime : Long.compare(sequence, o.sequence);
        }
    }

    /** Runs {@code setUp} (calls of this engine's API) at the current simulated time, without catching up with the clock. */
    public synchronized void setUpAtStart(Runnable setUp) {
        boolean was = stepping;
        stepping = true;
        try {
            setUp.run();
        } finally {
            stepping = was;
        }
    }

    /** Carries out a scenario's change when the simulation reaches {@code at}. */
    public synchronized void at(Instant at, Change action) {
        timedActions.add(new TimedAction(at, actionSequence++, action));
    }

    public synchronized List<TimedAction> pendingActions() {
        List<TimedAction> out = new ArrayList<>(timedActions);
        java.util.Collections.sort(out);
        return out;
    }

    /** Restores the clock position and pending actions of a saved simulation. */
    public synchronized void restoreTime(Instant until, List<TimedAction> pending) {
        this.simulatedUntil = until;
        timedActions.clear();
        timedActions.addAll(pending);
        actionSequence = pending.stream().mapToLong(TimedAction::sequence).max().orElse(-1) + 1;
    }

    public ClusterApi clusters() {
        return clusterApi;
    }

    public TaskDefinitionApi taskDefinitions() {
        return taskDefinitionApi;
    }

    public ServiceApi services() {
        return serviceApi;
    }

    /** ListServiceDeployments, DescribeServiceDeployments, DescribeServiceRevisions, Stop- and ContinueServiceDeployment. */
    public ServiceDeploymentApi serviceDeployments() {
        return serviceDeploymentApi;
    }

    public TaskApi tasks() {
        return taskApi;
    }

    public LogApi logs() {
        return logApi;
    }

    public ScalingApi scaling() {
        return scalingApi;
    }

    /** Elastic Load Balancing v2's API (application load balancers). */
    public ElbApi loadBalancing() {
        return elbApi;
    }

    /** EventBridge's rules and their targets (scheduled rules run ECS tasks on this engine's clock). */
    public EventsApi events() {
        return eventsApi;
    }

    /** EventBridge Scheduler's schedules (those with ECS targets run tasks on this engine's clock). */
    public SchedulerApi schedules() {
        return schedulerApi;
    }

    /** TagResource, UntagResource, ListTagsForResource, and tags given as resources are made. */
    public TagApi tags() {
        return tagApi;
    }

    /** PutAccountSetting, PutAccountSettingDefault, ListAccountSettings, DeleteAccountSetting. */
    public AccountSettingApi accountSettings() {
        return accountSettingApi;
    }

    /** CloudWatch's metrics: what the simulated services publish, PutMetricData, and the reads. */
    public MetricApi metrics() {
        return metricApi;
    }

    /** CloudWatch's metric alarms, evaluated on the metrics. */
    public AlarmApi alarms() {
        return alarmApi;
    }

    /** Amazon ECR's private registry: repositories and images; tasks pull from it. */
    public dev.ecsdeck.sim.ecr.EcrApi ecr() {
        return ecrApi;
    }

    public String region() {
        return ids.region();
    }

    /** The AWS account id in the engine's ARNs. */
    public String account() {
        return ids.account();
    }

    /** The clock the engine runs on (an engine for another region runs on the same one). */
    public SimClock clock() {
        return clock;
    }

    /** The seed everything random derives from (the ids' source moves on; this does not). */
    public long seed() {
        return seed;
    }

    /** The simulated ECS's state, for the ECS API classes and the state file. */
    public SimEcs ecs() {
        return ecs;
    }

    /** The simulated Elastic Load Balancing's state, for ECS (under this engine's lock) and the state file. */
    public SimElb elb() {
        return elb;
    }

    /** CloudWatch Logs' store (the container logs ECS writes). */
    public SimLogs logStore() {
        return logStore;
    }

    public SimIds ids() {
        return ids;
    }

    /** The simulated time the state is at. */
    public synchronized Instant now() {
        return simulatedUntil;
    }

    /** Runs the simulation up to the clock's now. Calls do this themselves; a ticker calls it to keep time moving. */
    public synchronized void advance() {
        if (stepping) {
            return; // a timed action calling the API: the step in progress is "now"
        }
        Instant target = clock.now();
        while (simulatedUntil.isBefore(target)) {
            Instant next = simulatedUntil.plus(STEP);
            if (next.isAfter(target)) {
                next = target;
            }
            stepping = true;
            try {
                runTimedActions(next);
                simulatedUntil = next;
                step(next);
            } finally {
                stepping = false;
            }
        }
    }

    private void runTimedActions(Instant upTo) {
        while (!timedActions.isEmpty() && !timedActions.peek().at().isAfter(upTo)) {
            Instant previous = simulatedUntil;
            TimedAction a = timedActions.poll();
            simulatedUntil = a.at().isAfter(previous) ? a.at() : previous;
            try {
                a.action().applyTo(this);
            } catch (SimApiException | IllegalArgumentException e) {
                // A scenario's action that ECS would refuse is refused here too; the simulation goes on.
                LOG.log(System.Logger.Level.WARNING, "Scenario action at " + a.at() + " failed: " + e.getMessage());
            }
        }
    }

    /** Declares that an image crash-loops: its process exits with {@code exitCode} this long after it starts. */
    public synchronized void crashLoopImage(String image, Duration after, int exitCode) {
        ecs.crashLoopImage(image, after, exitCode);
    }

    /**
     * Declares that an image's health check never passes: a container with a health check turns UNHEALTHY
     * (a service's task then stops and is replaced); without one, its task never counts as healthy.
     */
    public synchronized void neverHealthyImage(String image) {
        ecs.neverHealthyImage(image);
    }

    /** Declares that an image answers its load balancer's health checks wrongly from this long after its task starts. */
    public synchronized void failTargetHealthOfImage(String image, Duration after) {
        ecs.failTargetHealthOfImage(image, after);
    }

    /**
     * Declares that one task (by ARN) answers its load balancer's health checks wrongly from now on: its
     * target turns unhealthy and, after the service's health check grace period, ECS replaces it; the
     * replacement answers well.
     */
    public synchronized void failTargetHealthOfTask(String taskArn) {
        ecs.failTargetHealthOfTask(taskArn);
    }

    /** Declares what an AWS_LAMBDA lifecycle hook's function answers (SUCCEEDED, FAILED, or null: never) and after how long. */
    public synchronized void lambdaHookOutcome(String functionArn, String answer, long afterSeconds) {
        ecs.lambdaHookOutcome(functionArn, answer, afterSeconds);
    }

    /** Declares that an image's health check starts failing this long after it starts. */
    public synchronized void failHealthCheckOfImage(String image, Duration after) {
        ecs.failHealthCheckOfImage(image, after);
    }

    /**
     * One simulated second: ECS moves its tasks and services, ELB checks targets and counts requests, CloudWatch records the
     * metrics and evaluates alarms, then Application Auto Scaling acts.
     */
    private void step(Instant now) {
        ecs.step(now);
        elb.step(now);
        metricApi.step(now);
        alarmApi.step(now);
        scalingApi.step(now);
        eventsApi.step(now);
        schedulerApi.step(now);
    }
}
