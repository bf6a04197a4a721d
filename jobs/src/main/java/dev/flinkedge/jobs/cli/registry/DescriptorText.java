package dev.flinkedge.jobs.cli.registry;

import dev.flinkedge.registry.model.Lineage;
import dev.flinkedge.registry.model.OperatorRef;
import dev.flinkedge.registry.model.Producer;
import dev.flinkedge.registry.model.ProductionLease;
import dev.flinkedge.registry.model.SourceSpec;
import dev.flinkedge.registry.model.StreamDescriptor;
import dev.flinkedge.registry.model.Subscription;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;

/** A stream descriptor as aligned {@code key value} lines, for {@code streams describe}. */
final class DescriptorText {

    private static final String INDENT = "  ";
    private static final int KEY_WIDTH = 15;

    private DescriptorText() {}

    /** Prints {@code d}; times are shown in UTC and leases relative to {@code nowMs}. */
    static void print(PrintWriter out, StreamDescriptor d, long nowMs) {
        out.println(d.ref());
        line(out, "type", d.type());
        line(out, "status", d.status());
        line(out, "producer", StreamTables.producer(d.producer()));
        line(out, "lease", lease(d.lease(), nowMs));
        line(out, "fingerprint", d.fingerprint());
        if (d.lineage() != null) {
            lineage(out, d.lineage());
        }
        if (d.source() != null) {
            source(out, d.source());
        }
        line(out, "window", WindowConverter.format(d.window()));
        line(out, "serializer", d.serializer());
        line(out, "guarantee", d.guarantee());
        line(out, "payload type", d.payloadType() == null ? "-" : d.payloadType());
        line(out, "durable", d.durable() ? "yes" : "no");
        line(
                out,
                "topic",
                d.topic()
                        + " ("
                        + d.partitions()
                        + (d.partitions() == 1 ? " partition)" : " partitions)"));
        line(out, "grants", d.grants().isEmpty() ? "none" : String.join(", ", d.grants()));
        subscriptions(out, d.subscriptions(), nowMs);
        line(out, "created", Instant.ofEpochMilli(d.createdAtMs()));
        line(out, "updated", Instant.ofEpochMilli(d.updatedAtMs()));
    }

    /**
     * The production lease: its holder and whether it is live, e.g. {@code expires in 9s (live)}.
     */
    static String lease(ProductionLease lease, long nowMs) {
        if (lease == null) {
            return "none";
        }
        String holder =
                "job "
                        + StreamTables.producer(new Producer(lease.jobId(), lease.site()))
                        + ", "
                        + lease.leaseSeconds()
                        + "s, ";
        long leftMs = lease.expiresAtMs() - nowMs;
        return lease.isLiveAt(nowMs)
                ? holder + "expires in " + (leftMs + 999) / 1000 + "s (live)"
                : holder + "lapsed " + -leftMs / 1000 + "s ago";
    }

    private static void lineage(PrintWriter out, Lineage lineage) {
        OperatorRef op = lineage.operator();
        line(
                out,
                "operator",
                op.name()
                        + " version "
                        + op.version()
                        + (op.params().isEmpty() ? "" : " " + op.params()));
        values(out, "parents", lineage.parents());
    }

    private static void source(PrintWriter out, SourceSpec source) {
        if (!source.devices().isEmpty()) {
            line(out, "devices", String.join(", ", source.devices()));
        }
        if (!source.areas().isEmpty()) {
            values(out, "areas", source.areas());
        }
    }

    private static void subscriptions(PrintWriter out, List<Subscription> subs, long nowMs) {
        if (subs.isEmpty()) {
            line(out, "subscriptions", "none");
            return;
        }
        line(out, "subscriptions", subs.size());
        for (Subscription s : subs) {
            long leftSeconds = Math.max(0, (s.expiresAtMs() - nowMs) / 1000);
            continuation(
                    out,
                    s.id()
                            + "  job "
                            + s.jobId()
                            + " by "
                            + s.subscriber()
                            + ", lease "
                            + s.leaseSeconds()
                            + "s, expires in "
                            + leftSeconds
                            + "s");
        }
    }

    private static void values(PrintWriter out, String key, List<String> values) {
        line(out, key, values.get(0));
        for (String v : values.subList(1, values.size())) {
            continuation(out, v);
        }
    }

    private static void line(PrintWriter out, String key, Object value) {
        out.println(INDENT + key + " ".repeat(KEY_WIDTH - key.length()) + value);
    }

    private static void continuation(PrintWriter out, String value) {
        out.println(INDENT + " ".repeat(KEY_WIDTH) + value);
    }
}
