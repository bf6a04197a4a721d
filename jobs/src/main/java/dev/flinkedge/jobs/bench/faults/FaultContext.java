package dev.flinkedge.jobs.bench.faults;

import java.time.Duration;

/** What a {@link FaultScenario} may do to the running suite: the faults and the owners' moves. */
interface FaultContext {

    /** Kills, stops and restarts the cluster's processes. */
    FaultInjector injector();

    /** The production lease length the registry grants. */
    Duration lease();

    /** Cancels every producer job through Flink's REST API, as its owner would. */
    void cancelProducers() throws Exception;

    /** The one TaskManager that runs every producer job. */
    String producerTaskManager() throws InterruptedException;

    /** The one TaskManager that runs every subscriber job. */
    String subscriberTaskManager() throws InterruptedException;

    /**
     * Submits the subscriber jobs again, as their owner would after losing them: once their streams
     * can be reused again (re-hosted), or after three lease lengths, when they compute the streams
     * themselves.
     */
    void resubmitSubscribers() throws Exception;

    /**
     * Waits until the registry shows one of the run's streams ORPHANED or already claimed by a host
     * job (a re-host can follow a release faster than a poll).
     *
     * @throws IllegalStateException when none is within {@code timeout}
     */
    void awaitOrphaned(Duration timeout) throws InterruptedException;

    /** Lets {@code length} pass while a fault lasts, with progress lines naming {@code what}. */
    void hold(Duration length, String what) throws InterruptedException;

    /** Adds a line to the report's notes. */
    void note(String line);
}
