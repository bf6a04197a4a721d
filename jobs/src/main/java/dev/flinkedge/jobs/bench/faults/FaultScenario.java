package dev.flinkedge.jobs.bench.faults;

import dev.flinkedge.scheduler.cluster.ProcessRole;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The scenarios of the fault suite (issue 12), each a fault injected while producers and
 * subscribers run, in the order a run of several takes them: the one that adds a spare TaskManager
 * comes last, since the spare stays and would split the next scenario's producers between two
 * TaskManagers. {@link #prepare} runs once the subscribers receive records, right before the fault;
 * {@link #inject} injects it and returns when the fault is over (a killed process that the scenario
 * leaves dead stays dead until the run ends).
 */
public enum FaultScenario {

    /** 1: the producers are cancelled while the subscribers read. */
    PRODUCER_CANCELLED(1, "the producer jobs are cancelled (REST) while the subscribers read") {
        @Override
        void inject(FaultContext ctx) throws Exception {
            ctx.cancelProducers();
        }
    },

    /** 2: the producers' TaskManager is killed and nothing replaces it. */
    PRODUCER_TM_KILLED(
            2,
            "kill -9 of the TaskManager running the producers; no spare TaskManager at their site,"
                    + " the killed one stays down") {
        @Override
        void inject(FaultContext ctx) throws Exception {
            ctx.injector().kill(ctx.producerTaskManager());
        }
    },

    /**
     * 3: the JobManager is killed and started again. The local cluster runs without high
     * availability, so every job is lost; the subscribers' owner submits them again.
     */
    JOBMANAGER_RESTARTED(
            3,
            "kill -9 of the JobManager, then started again; without high availability its jobs are"
                    + " lost, and the subscribers' owner submits them again") {
        @Override
        void inject(FaultContext ctx) throws Exception {
            String jobManager = ctx.injector().nameOf(ProcessRole.JOBMANAGER);
            ctx.injector().kill(jobManager);
            ctx.injector().restart(jobManager);
            ctx.resubmitSubscribers();
            ctx.note(
                    "the JobManager ran without high availability: the restarted one had no jobs;"
                            + " the subscribers were submitted again");
        }
    },

    /** 4: the Kafka broker is stopped and started again, its data kept. */
    BROKER_RESTARTED(4, "the Kafka broker stopped (SIGTERM) and started again, its data kept") {
        @Override
        void inject(FaultContext ctx) throws Exception {
            String broker = ctx.injector().nameOf(ProcessRole.KAFKA);
            ctx.injector().stop(broker);
            ctx.injector().restart(broker);
        }
    },

    /** 5: the registry is down for three production lease lengths. */
    REGISTRY_DOWN(5, "the registry stopped for 3 x the production lease, then started again") {
        @Override
        void inject(FaultContext ctx) throws Exception {
            String registry = ctx.injector().nameOf(ProcessRole.REGISTRY);
            ctx.injector().stop(registry);
            ctx.hold(ctx.lease().multipliedBy(3), "the registry is down");
            ctx.injector().restart(registry);
        }
    },

    /** 6: the subscribers' TaskManager is killed and, like a rebooted machine, started again. */
    SUBSCRIBER_TM_KILLED(
            6,
            "kill -9 of the TaskManager running the subscribers, started again 5 s later (no spare"
                    + " at their site)") {
        @Override
        void inject(FaultContext ctx) throws Exception {
            String taskManager = ctx.subscriberTaskManager();
            ctx.injector().kill(taskManager);
            ctx.hold(Duration.ofSeconds(5), taskManager + " is down");
            ctx.injector().restart(taskManager);
        }
    },

    /** 7: the producers are cancelled and the stream supervisor is killed as it re-hosts. */
    SUPERVISOR_KILLED(
            7,
            "the producer jobs are cancelled; kill -9 of the stream supervisor as soon as a stream"
                    + " is ORPHANED (while it re-hosts), started again 2 s later") {
        @Override
        void inject(FaultContext ctx) throws Exception {
            ctx.cancelProducers();
            ctx.awaitOrphaned(ctx.lease().multipliedBy(3));
            String supervisor = ctx.injector().nameOf(ProcessRole.SUPERVISOR);
            ctx.injector().kill(supervisor);
            ctx.hold(Duration.ofSeconds(2), supervisor + " is down");
            ctx.injector().restart(supervisor);
        }
    },

    /** 2 with a spare: Flink restarts the producers on a second TaskManager of their site. */
    PRODUCER_TM_KILLED_SPARE(
            2,
            "kill -9 of the TaskManager running the producers, with a spare TaskManager at their"
                    + " site (started after the producers)") {
        @Override
        void prepare(FaultContext ctx) throws Exception {
            ctx.injector().addTaskManager(FaultCluster.PRODUCER_SITE);
        }

        @Override
        void inject(FaultContext ctx) throws Exception {
            ctx.injector().kill(ctx.producerTaskManager());
        }
    };

    private final int number;
    private final String description;

    FaultScenario(int number, String description) {
        this.number = number;
        this.description = description;
    }

    /** The scenario's number in issue 12. */
    public int number() {
        return number;
    }

    /** What the scenario does, for reports. */
    public String description() {
        return description;
    }

    /** The name used on the command line and in report names, e.g. {@code producer-cancelled}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * The scenario named {@code id}.
     *
     * @throws IllegalArgumentException naming the known scenarios
     */
    public static FaultScenario byId(String id) {
        return Arrays.stream(values())
                .filter(s -> s.id().equals(id))
                .findFirst()
                .orElseThrow(
                        () ->
                                new IllegalArgumentException(
                                        "unknown scenario '" + id + "'; choose one of " + ids()));
    }

    /** The scenarios' names, comma-separated. */
    public static String ids() {
        return Arrays.stream(values()).map(FaultScenario::id).collect(Collectors.joining(", "));
    }

    /** Runs right before the fault, once the subscribers receive records. */
    void prepare(FaultContext ctx) throws Exception {}

    /** Injects the fault; returns when it is over. */
    abstract void inject(FaultContext ctx) throws Exception;
}
