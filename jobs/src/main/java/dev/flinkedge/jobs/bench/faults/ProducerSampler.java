package dev.flinkedge.jobs.bench.faults;

import com.fasterxml.jackson.databind.JsonNode;

import dev.flinkedge.connectors.http.HttpJson;
import dev.flinkedge.registry.client.StreamRegistry;
import dev.flinkedge.registry.model.StreamDescriptor;
import dev.flinkedge.registry.model.StreamRef;
import dev.flinkedge.registry.model.StreamStatus;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Samples, every {@value #PERIOD_MS} ms on a thread of its own, which jobs could produce each of
 * the suite's streams: from Flink's REST API the RUNNING jobs whose tap of the stream (a vertex
 * named {@code tap:<owner>/<name>}) is RUNNING, and from the registry the stream's status and the
 * job holding its production lease. Keeps the most such jobs seen at once and when the stream was
 * first seen ORPHANED after a mark. Samples that fail (the JobManager or registry is down) are
 * skipped. Which jobs did write is counted at the topic ({@link StreamWriters}).
 */
final class ProducerSampler implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ProducerSampler.class);
    static final long PERIOD_MS = 500;

    /** What was seen of one stream. */
    static final class Observed {
        int maxRunningTapJobs;
        long orphanedAtMs = -1;
        final Set<String> leaseHolders = new LinkedHashSet<>();
        final Set<String> tapJobs = new LinkedHashSet<>();
    }

    private final URI flinkRest;
    private final StreamRegistry registry;
    private final List<StreamRef> streams;
    private final HttpJson http = new HttpJson();
    private final Map<StreamRef, Observed> observed = new HashMap<>();
    private final ScheduledExecutorService sampler =
            Executors.newSingleThreadScheduledExecutor(
                    r -> {
                        Thread t = new Thread(r, "fault-producer-sampler");
                        t.setDaemon(true);
                        return t;
                    });
    private volatile long markMs = Long.MAX_VALUE;

    ProducerSampler(URI flinkRest, StreamRegistry registry, List<StreamRef> streams) {
        this.flinkRest = flinkRest;
        this.registry = registry;
        this.streams = List.copyOf(streams);
        streams.forEach(s -> observed.put(s, new Observed()));
        sampler.scheduleWithFixedDelay(this::sample, 0, PERIOD_MS, TimeUnit.MILLISECONDS);
    }

    /** From now on, the first ORPHANED status seen is recorded (the fault's time). */
    void mark(long atMs) {
        markMs = atMs;
    }

    /** Thread: fault-producer-sampler. One sample; a failed one is skipped. */
    private void sample() {
        try {
            sampleFlink();
        } catch (IOException e) {
            LOG.debug("Flink REST unavailable for a producer sample: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        sampleRegistry();
    }

    private void sampleFlink() throws IOException, InterruptedException {
        Map<StreamRef, List<String>> taps = new HashMap<>();
        for (JsonNode job : http.get(flinkRest.resolve("/jobs/overview")).path("jobs")) {
            if (!"RUNNING".equals(job.path("state").asText())) {
                continue;
            }
            String id = job.path("jid").asText();
            List<String> runningVertices = new ArrayList<>();
            for (JsonNode v : http.get(flinkRest.resolve("/jobs/" + id)).path("vertices")) {
                // A job restarting without slots is RUNNING while its tasks wait: it has no tap
                // yet.
                if ("RUNNING".equals(v.path("status").asText())) {
                    runningVertices.add(v.path("name").asText());
                }
            }
            for (StreamRef stream : streams) {
                String tap = "tap:" + stream;
                if (runningVertices.stream().anyMatch(v -> v.contains(tap))) {
                    taps.computeIfAbsent(stream, s -> new ArrayList<>()).add(id);
                }
            }
        }
        synchronized (this) {
            for (StreamRef stream : streams) {
                List<String> jobs = taps.getOrDefault(stream, List.of());
                Observed o = observed.get(stream);
                o.maxRunningTapJobs = Math.max(o.maxRunningTapJobs, jobs.size());
                o.tapJobs.addAll(jobs);
            }
        }
    }

    private void sampleRegistry() {
        for (StreamRef stream : streams) {
            try {
                StreamDescriptor d = registry.describe(stream);
                long now = System.currentTimeMillis();
                synchronized (this) {
                    Observed o = observed.get(stream);
                    if (d.lease() != null && d.lease().isLiveAt(now)) {
                        o.leaseHolders.add(d.lease().jobId());
                    }
                    if (d.status() == StreamStatus.ORPHANED
                            && now >= markMs
                            && o.orphanedAtMs < 0) {
                        o.orphanedAtMs = now;
                    }
                }
            } catch (RuntimeException e) {
                LOG.debug("Registry unavailable for a sample of {}: {}", stream, e.toString());
            }
        }
    }

    /** What was seen of {@code stream} so far (a copy). */
    synchronized Observed observed(StreamRef stream) {
        Observed o = observed.get(stream);
        Observed copy = new Observed();
        copy.maxRunningTapJobs = o.maxRunningTapJobs;
        copy.orphanedAtMs = o.orphanedAtMs;
        copy.leaseHolders.addAll(o.leaseHolders);
        copy.tapJobs.addAll(o.tapJobs);
        return copy;
    }

    @Override
    public void close() throws InterruptedException {
        sampler.shutdownNow();
        if (!sampler.awaitTermination(10, TimeUnit.SECONDS)) {
            LOG.warn("The producer sampler did not stop within 10 s");
        }
    }
}
