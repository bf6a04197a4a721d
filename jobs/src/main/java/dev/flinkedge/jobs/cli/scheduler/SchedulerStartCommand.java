package dev.flinkedge.jobs.cli.scheduler;

import dev.flinkedge.jobs.cli.CliException;
import dev.flinkedge.jobs.cli.DurationConverter;
import dev.flinkedge.jobs.cli.KafkaPropertiesOption;
import dev.flinkedge.jobs.cli.RunUntilStopped;
import dev.flinkedge.jobs.cli.cluster.WorkDirOption;
import dev.flinkedge.kafka.KafkaClientConfig;
import dev.flinkedge.scheduler.cluster.ClusterState;
import dev.flinkedge.scheduler.cluster.ClusterStateFile;
import dev.flinkedge.scheduler.control.ControlLoop;
import dev.flinkedge.scheduler.control.ControlOptions;
import dev.flinkedge.scheduler.control.ControlSettings;
import dev.flinkedge.scheduler.control.FlinkSiteLoads;
import dev.flinkedge.scheduler.control.LinkBandwidths;
import dev.flinkedge.scheduler.control.MetricsView;
import dev.flinkedge.scheduler.control.PolicyStore;
import dev.flinkedge.scheduler.control.SchedulingPolicies;
import dev.flinkedge.scheduler.control.SchedulingPolicy;
import dev.flinkedge.scheduler.control.SiteLoadSource;
import dev.flinkedge.scheduler.topology.InvalidTopologyException;
import dev.flinkedge.scheduler.topology.Topology;
import dev.flinkedge.scheduler.topology.TopologyLoader;

import org.apache.flink.configuration.Configuration;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code scheduler start}: runs the control loop in the foreground until stopped (Ctrl-C). Kafka,
 * the Flink REST address and the topology default to those of the local edge cluster in the work
 * directory, if one runs.
 */
@Command(
        name = "start",
        description = {
            "Run the control loop until stopped: every period read the metrics topic, run the"
                    + " scheduling policy, publish changed camera policies (logged with reasons).",
            "Defaults for --bootstrap-servers, --flink-rest and --topology come from the local"
                    + " cluster in --work-dir, if one runs."
        })
final class SchedulerStartCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Mixin WorkDirOption workDir;

    @Option(
            names = "--policy",
            required = true,
            paramLabel = "NAME",
            description = "fixed, slo-feedback, profile or lifetime.")
    String policy;

    @Option(
            names = "--slo",
            defaultValue = "500ms",
            converter = DurationConverter.class,
            description = "p95 latency objective (default ${DEFAULT-VALUE}).")
    Duration slo;

    @Option(
            names = "--period",
            defaultValue = "2s",
            converter = DurationConverter.class,
            description =
                    "Control period (default ${DEFAULT-VALUE}); pipelines should use the same"
                            + " metrics.period.")
    Duration period;

    @Option(
            names = "--bootstrap-servers",
            paramLabel = "HOST:PORT",
            description =
                    "Kafka of the metrics and policy topics (wins over the bootstrap.servers of"
                            + " --kafka.properties).")
    String bootstrapServers;

    @Mixin KafkaPropertiesOption kafkaProperties;

    @Option(
            names = "--topology",
            paramLabel = "FILE",
            description = "Sites and links; required by lifetime, used by profile.")
    Path topologyFile;

    @Option(
            names = "--flink-rest",
            paramLabel = "URL",
            description = "JobManager REST address, for the sites' CPU loads.")
    String flinkRest;

    @Option(
            names = "--profile",
            paramLabel = "FILE",
            description = "Accuracy/cost profile (JSON) of the profile policy.")
    Path profile;

    @Option(
            names = {"-D", "--set"},
            paramLabel = "KEY=VALUE",
            description =
                    "Any other scheduler option (docs/scheduler.md), e.g."
                            + " -D scheduler.slo-feedback.increase-step=0.05.")
    Map<String, String> options = new LinkedHashMap<>();

    @Override
    public Integer call() throws Exception {
        Optional<ClusterState> cluster = localCluster();
        Configuration conf = configuration(cluster);
        ControlSettings settings;
        Topology topology;
        SchedulingPolicy scheduling;
        try {
            settings = ControlSettings.from(conf);
            topology = topology(cluster);
            scheduling = SchedulingPolicies.create(conf, topology);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        } catch (IOException e) {
            throw new CliException(e.getMessage(), e);
        }
        KafkaClientConfig kafka = kafkaConfig(settings);
        PolicyStore store =
                PolicyStore.kafka(kafka, settings.policyTopic(), Duration.ofSeconds(30));
        MetricsView view =
                MetricsView.start(
                        kafka, settings.metricsTopic(), settings.period().multipliedBy(2));
        SiteLoadSource loads =
                settings.flinkRest() == null
                        ? SiteLoadSource.NONE
                        : new FlinkSiteLoads(URI.create(settings.flinkRest()), topology);
        LinkBandwidths links =
                topology == null ? LinkBandwidths.none() : LinkBandwidths.nominal(topology);
        ControlLoop loop =
                new ControlLoop(
                        scheduling,
                        settings,
                        view,
                        loads,
                        () -> links,
                        store,
                        topology,
                        System::currentTimeMillis);
        PrintWriter out = spec.commandLine().getOut();
        out.printf(
                "Scheduler: policy %s, SLO %s, period %s; metrics from '%s', policies to '%s' at"
                        + " %s; site loads from %s; topology %s.%n",
                scheduling.name(),
                DurationConverter.format(settings.slo().toMillis()),
                DurationConverter.format(settings.period().toMillis()),
                settings.metricsTopic(),
                settings.policyTopic(),
                kafka.bootstrapServers(),
                settings.flinkRest() == null ? "nowhere" : settings.flinkRest(),
                topology == null ? "none" : topology);
        out.println("Decisions are logged; stop with Ctrl-C.");
        out.flush();
        loop.start();
        RunUntilStopped.await(
                List.of(
                        new RunUntilStopped.Service("control loop", loop),
                        new RunUntilStopped.Service("metrics view", view),
                        new RunUntilStopped.Service("policy store", store)));
        return 0;
    }

    /**
     * How the loop reaches Kafka: --bootstrap-servers, else the bootstrap.servers of
     * --kafka.properties, else the local cluster's.
     */
    KafkaClientConfig kafkaConfig(ControlSettings settings) {
        if (bootstrapServers == null
                && kafkaProperties.file == null
                && settings.bootstrapServers() == null) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--bootstrap-servers or --kafka.properties is required: no local cluster runs"
                            + " in "
                            + workDir.workDir.toAbsolutePath());
        }
        return kafkaProperties.resolve(bootstrapServers, settings.bootstrapServers());
    }

    /** The options as a configuration, with defaults from the local cluster. */
    Configuration configuration(Optional<ClusterState> cluster) {
        try {
            ControlOptions.checkKnown(options.keySet());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        Configuration conf = new Configuration();
        options.forEach(conf::setString);
        conf.set(ControlOptions.POLICY, policy);
        conf.set(ControlOptions.SLO, slo);
        conf.set(ControlOptions.PERIOD, period);
        Optional.ofNullable(bootstrapServers)
                .or(() -> cluster.map(ClusterState::bootstrapServers))
                .ifPresent(v -> conf.set(ControlOptions.BOOTSTRAP_SERVERS, v));
        Optional.ofNullable(flinkRest)
                .or(() -> cluster.map(ClusterState::restUrl))
                .ifPresent(v -> conf.set(ControlOptions.FLINK_REST, v));
        if (profile != null) {
            conf.set(ControlOptions.PROFILE_FILE, profile.toString());
        }
        return conf;
    }

    private Topology topology(Optional<ClusterState> cluster) {
        Path file =
                Optional.ofNullable(topologyFile)
                        .or(() -> cluster.map(ClusterState::topologyFile))
                        .orElse(null);
        if (file == null) {
            return null;
        }
        try {
            return TopologyLoader.load(file);
        } catch (InvalidTopologyException e) {
            throw new CliException(e.getMessage(), e);
        }
    }

    private Optional<ClusterState> localCluster() {
        try {
            return new ClusterStateFile(workDir.workDir).read();
        } catch (IOException e) {
            throw new CliException(e.getMessage(), e);
        }
    }
}
