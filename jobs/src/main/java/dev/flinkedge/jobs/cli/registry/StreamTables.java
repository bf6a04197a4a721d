package dev.flinkedge.jobs.cli.registry;

import dev.flinkedge.jobs.cli.TextTable;
import dev.flinkedge.registry.model.Producer;
import dev.flinkedge.registry.model.StreamDescriptor;

import java.util.List;

/** The tables the {@code streams} commands print: an overview and the producers of streams. */
final class StreamTables {

    /** Characters of a fingerprint shown in tables; enough to tell streams apart by eye. */
    static final int SHORT_FINGERPRINT = 12;

    private StreamTables() {}

    /** OWNER/NAME, TYPE, STATUS, FINGERPRINT (abbreviated), SUBS (live), GRANTS. */
    static TextTable overview(List<StreamDescriptor> streams) {
        TextTable table =
                new TextTable("OWNER/NAME", "TYPE", "STATUS", "FINGERPRINT", "SUBS", "GRANTS");
        for (StreamDescriptor d : streams) {
            table.row(
                    d.ref(),
                    d.type(),
                    d.status(),
                    d.fingerprint().substring(0, SHORT_FINGERPRINT),
                    d.subscriptions().size(),
                    d.grants().isEmpty() ? "-" : String.join(",", d.grants()));
        }
        return table;
    }

    /** OWNER/NAME, TYPE, STATUS, PRODUCER, TOPIC: where to read a resolved stream. */
    static TextTable producers(List<StreamDescriptor> streams) {
        TextTable table = new TextTable("OWNER/NAME", "TYPE", "STATUS", "PRODUCER", "TOPIC");
        for (StreamDescriptor d : streams) {
            table.row(d.ref(), d.type(), d.status(), producer(d.producer()), d.topic());
        }
        return table;
    }

    /**
     * {@code job @ site} or {@code job}, with the job's name when known ({@code job (host:a/Cars)}
     * for a supervisor's host job), or {@code -} when there is no producer.
     */
    static String producer(Producer p) {
        if (p == null) {
            return "-";
        }
        String job = p.name() == null ? p.jobId() : p.jobId() + " (" + p.name() + ")";
        return p.site() == null ? job : job + " @ " + p.site();
    }
}
