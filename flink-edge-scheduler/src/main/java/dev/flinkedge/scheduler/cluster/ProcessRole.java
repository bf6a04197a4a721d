package dev.flinkedge.scheduler.cluster;

/** What a child process of the local edge cluster does; persisted by name in the state file. */
public enum ProcessRole {
    KAFKA("Kafka broker"),
    REGISTRY("registry"),
    JOBMANAGER("JobManager"),
    TASKMANAGER("TaskManager"),
    SUPERVISOR("stream supervisor");

    private final String displayName;

    ProcessRole(String displayName) {
        this.displayName = displayName;
    }

    /** How messages name the role, e.g. {@code TaskManager}. */
    public String displayName() {
        return displayName;
    }
}
