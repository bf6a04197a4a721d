package dev.flinkedge.connectors.pipeline;

import dev.flinkedge.connectors.api.EdgeStream;
import dev.flinkedge.connectors.api.EdgeStreams;
import dev.flinkedge.connectors.runtime.StreamTopics;
import dev.flinkedge.registry.client.StreamRegistry;
import dev.flinkedge.registry.model.Producer;
import dev.flinkedge.registry.model.StreamDescriptor;
import dev.flinkedge.registry.model.StreamStatus;

import org.apache.flink.annotation.Internal;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.JobListener;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Finishes and submits an EdgeStreams job: builds every computed stream (so each gets its tap),
 * creates the topics of the streams it produces, checks the placement, submits the job without
 * waiting for it, and once it is submitted marks the streams it computes ACTIVE with the job (and
 * their site) as producer, which grants the job their production leases and makes them reusable by
 * other jobs. The running job renews and finally releases the leases itself (each tap's {@code
 * ProductionHeartbeat}): a detached job has no client left to do it.
 */
@Internal
final class JobSubmitter {

    private static final Logger LOG = LoggerFactory.getLogger(JobSubmitter.class);

    private final EdgeStreams job;
    private final PipelineTranslator translator;
    private final PlacementApplier placement;

    JobSubmitter(EdgeStreams job, PipelineTranslator translator, PlacementApplier placement) {
        this.job = job;
        this.translator = translator;
        this.placement = placement;
    }

    /** Builds the job and returns its checked stream graph, named {@code jobName}. */
    StreamGraph streamGraph(String jobName) {
        prepare();
        return checkedGraph(jobName);
    }

    /** Builds, checks and submits the job; returns once it is submitted. */
    JobClient execute(String jobName) throws Exception {
        prepare();
        if (placement.active()) {
            checkedGraph(jobName);
        }
        Map<StreamDescriptor, String> produced = new LinkedHashMap<>();
        for (EdgeStream<?> s : job.streams()) {
            if (s.kind() == EdgeStream.Kind.COMPUTED) {
                produced.put(s.descriptor(), producerSite(s));
            }
        }
        job.env().registerJobListener(new ProducerRegistration(job.registry(), jobName, produced));
        JobClient client = job.env().executeAsync(jobName);
        LOG.info(
                "Submitted '{}' as {}: computes {}, reuses {}",
                jobName,
                client.getJobID(),
                produced.keySet().stream().map(StreamDescriptor::ref).toList(),
                job.reusedStreams());
        return client;
    }

    private void prepare() {
        translator.buildComputed();
        if (job.channel() != null) {
            StreamTopics.ensure(job.channel().kafka(), job.producedStreams());
        }
    }

    private StreamGraph checkedGraph(String jobName) {
        StreamGraph graph = job.env().getStreamGraph(false);
        graph.setJobName(jobName);
        placement.check(graph);
        return graph;
    }

    /** Where a computed stream is produced: its one placed site, else the job's site. */
    private String producerSite(EdgeStream<?> s) {
        Map<String, ?> branches = translator.branches(s);
        if (placement.active() && branches.size() == 1) {
            return branches.keySet().iterator().next();
        }
        return job.site();
    }

    /**
     * Marks the job's computed streams ACTIVE with the job (id and name) and their site as producer
     * once it is submitted; the name tells a stream supervisor which producers are its host jobs.
     */
    private static final class ProducerRegistration implements JobListener {
        private final StreamRegistry registry;
        private final String jobName;

        /** Each computed stream with its site; the site is null when not known. */
        private final Map<StreamDescriptor, String> produced;

        ProducerRegistration(
                StreamRegistry registry, String jobName, Map<StreamDescriptor, String> produced) {
            this.registry = registry;
            this.jobName = jobName;
            this.produced = Collections.unmodifiableMap(new LinkedHashMap<>(produced));
        }

        @Override
        public void onJobSubmitted(JobClient client, Throwable error) {
            if (client == null) {
                return;
            }
            produced.forEach(
                    (d, at) -> {
                        try {
                            registry.setStatus(
                                    d.ref(),
                                    StreamStatus.ACTIVE,
                                    new Producer(client.getJobID().toString(), jobName, at));
                        } catch (RuntimeException e) {
                            LOG.error(
                                    "Job {} produces {} but could not mark it ACTIVE ({}); other jobs"
                                            + " will not reuse it",
                                    client.getJobID(),
                                    d.ref(),
                                    e.getMessage());
                        }
                    });
        }

        @Override
        public void onJobExecuted(JobExecutionResult result, Throwable error) {}
    }
}
