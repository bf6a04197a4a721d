package dev.flinkedge.jobs.cli.supervisor;

import dev.flinkedge.jobs.cli.CliException;
import dev.flinkedge.jobs.cli.DurationConverter;
import dev.flinkedge.jobs.cli.ProjectFiles;
import dev.flinkedge.jobs.cli.RunUntilStopped;
import dev.flinkedge.jobs.cli.cluster.WorkDirOption;
import dev.flinkedge.scheduler.cluster.ClusterState;
import dev.flinkedge.scheduler.cluster.ClusterStateFile;
import dev.flinkedge.scheduler.supervision.SupervisorOptions;
import dev.flinkedge.scheduler.supervision.SupervisorService;

import org.apache.flink.configuration.Configuration;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code supervisor start}: runs the stream supervisor in the foreground until stopped (Ctrl-C).
 * Registry, JobManager, Kafka and tokens default to those of the local edge cluster in the work
 * directory, if one runs.
 */
@Command(
        name = "start",
        description = {
            "Run the stream supervisor until stopped: every period, for each owner it has a token"
                    + " for, start a host job (dev.flinkedge.jobs.HostJob from the job jar) for"
                    + " each ORPHANED stream with a live subscription, and cancel host jobs whose"
                    + " stream has no subscription left.",
            "A stream is claimed in the registry before its host job starts, so several"
                    + " supervisors never start two host jobs for one stream.",
            "Defaults for --registry, --flink-rest, --bootstrap-servers and --tokens come from the"
                    + " local cluster in --work-dir, if one runs ('cluster start' already runs a"
                    + " supervisor unless --no-supervisor)."
        })
final class SupervisorStartCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Mixin WorkDirOption workDir;

    @Option(names = "--registry", paramLabel = "URL", description = "The registry's REST URL.")
    String registry;

    @Option(
            names = "--flink-rest",
            paramLabel = "URL",
            description = "REST URL of the JobManager that runs the host jobs.")
    String flinkRest;

    @Option(
            names = "--bootstrap-servers",
            paramLabel = "HOST:PORT",
            description =
                    "Kafka of the shared streams, for the host jobs (wins over the"
                            + " bootstrap.servers of --kafka.properties).")
    String bootstrapServers;

    @Option(
            names = "--kafka.properties",
            paramLabel = "FILE",
            description =
                    "Kafka client properties file (bootstrap.servers, security.protocol, sasl.*,"
                            + " ssl.*) passed to the host jobs; they read it on the JobManager at"
                            + " this path. Keep it readable only by its owner (chmod 600).")
    Path kafkaProperties;

    @Option(
            names = "--host-job-kafka-properties-dir",
            paramLabel = "DIR",
            description =
                    "Directory on the JobManager with one Kafka client properties file per owner,"
                            + " <owner>.properties, for that owner's host jobs; owners without"
                            + " one get --kafka.properties.")
    Path hostJobKafkaPropertiesDir;

    @Option(
            names = "--tokens",
            paramLabel = "FILE",
            description =
                    "The owners to supervise: a tokens file of token=owner lines (the registry's),"
                            + " or a directory with one token file per owner.")
    Path tokens;

    @Option(
            names = "--host-job-token-dir",
            paramLabel = "DIR",
            description =
                    "Directory on the JobManager with one token file per owner that host jobs"
                            + " read; without it the supervisor writes them (0600) under its work"
                            + " directory, which the JobManager must see.")
    Path hostJobTokenDir;

    @Option(
            names = "--job-jar",
            paramLabel = "FILE",
            description = "The job jar with the host job (default: the project's built job jar).")
    Path jobJar;

    @Option(
            names = "--period",
            defaultValue = "2s",
            converter = DurationConverter.class,
            description = "Time between two supervision rounds (default ${DEFAULT-VALUE}).")
    Duration period;

    @Option(
            names = "--host-job-arg",
            paramLabel = "ARG",
            description =
                    "One more argument of every host job, repeatable, e.g."
                            + " --host-job-arg=--cameras.catalog --host-job-arg=cameras.yaml.")
    List<String> hostJobArgs = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        Configuration conf = configuration(localCluster());
        SupervisorService service;
        try {
            service = SupervisorService.start(conf);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        } catch (IOException e) {
            throw new CliException(e.getMessage(), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(
                "Stream supervisor running every "
                        + period.toMillis()
                        + " ms against "
                        + conf.get(SupervisorOptions.FLINK_REST_URL)
                        + "; stop with Ctrl-C.");
        out.flush();
        RunUntilStopped.await(List.of(new RunUntilStopped.Service("stream supervisor", service)));
        return 0;
    }

    Configuration configuration(Optional<ClusterState> cluster) {
        Configuration conf = new Configuration();
        Optional<String> registryUrl =
                Optional.ofNullable(registry).or(() -> cluster.map(ClusterState::registryUrl));
        Optional<String> rest =
                Optional.ofNullable(flinkRest).or(() -> cluster.map(ClusterState::restUrl));
        // A properties file's bootstrap.servers wins over the local cluster's.
        Optional<String> kafka =
                Optional.ofNullable(bootstrapServers)
                        .or(
                                () ->
                                        kafkaProperties != null || hostJobKafkaPropertiesDir != null
                                                ? Optional.empty()
                                                : cluster.map(ClusterState::bootstrapServers));
        Optional<Path> tokenSource =
                Optional.ofNullable(tokens).or(() -> cluster.map(ClusterState::tokensFile));
        if (tokenSource.isEmpty()) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--tokens is required: no local cluster runs in "
                            + workDir.workDir.toAbsolutePath());
        }
        registryUrl.ifPresent(v -> conf.set(SupervisorOptions.REGISTRY_URL, v));
        rest.ifPresent(v -> conf.set(SupervisorOptions.FLINK_REST_URL, v));
        kafka.ifPresent(v -> conf.set(SupervisorOptions.KAFKA_BOOTSTRAP_SERVERS, v));
        if (kafkaProperties != null) {
            if (!Files.isReadable(kafkaProperties)) {
                throw new ParameterException(
                        spec.commandLine(),
                        "--kafka.properties "
                                + kafkaProperties.toAbsolutePath()
                                + " does not exist or is not readable");
            }
            conf.set(
                    SupervisorOptions.KAFKA_PROPERTIES,
                    kafkaProperties.toAbsolutePath().toString());
        }
        if (hostJobKafkaPropertiesDir != null) {
            conf.set(
                    SupervisorOptions.HOST_JOB_KAFKA_PROPERTIES_DIR,
                    hostJobKafkaPropertiesDir.toAbsolutePath().toString());
        }
        Path source = tokenSource.get().toAbsolutePath();
        conf.set(
                source.toFile().isDirectory()
                        ? SupervisorOptions.TOKENS_DIR
                        : SupervisorOptions.TOKENS_FILE,
                source.toString());
        if (hostJobTokenDir != null) {
            conf.set(
                    SupervisorOptions.HOST_JOB_TOKEN_DIR,
                    hostJobTokenDir.toAbsolutePath().toString());
        }
        conf.set(
                SupervisorOptions.WORK_DIR,
                workDir.workDir.resolve("supervisor").toAbsolutePath().toString());
        conf.set(
                SupervisorOptions.JOB_JAR,
                (jobJar != null ? jobJar : ProjectFiles.current().jobJar())
                        .toAbsolutePath()
                        .toString());
        conf.set(SupervisorOptions.PERIOD, period);
        if (!hostJobArgs.isEmpty()) {
            conf.set(SupervisorOptions.HOST_JOB_ARGS, hostJobArgs);
        }
        return conf;
    }

    private Optional<ClusterState> localCluster() {
        try {
            return new ClusterStateFile(workDir.workDir).read();
        } catch (IOException e) {
            throw new CliException(e.getMessage(), e);
        }
    }
}
