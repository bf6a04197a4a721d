package dev.flinkedge.scheduler.supervision;

import dev.flinkedge.connectors.runtime.StreamSupervisor;
import dev.flinkedge.registry.client.RegistryClient;
import dev.flinkedge.scheduler.cluster.ClusterRestClient;
import dev.flinkedge.scheduler.cluster.LocalEdgeCluster;

import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The stream supervisor as a service: one {@link StreamSupervisor} per owner it has a token for,
 * all starting host jobs through the JobManager's REST API with the packaged {@value
 * SupervisorOptions#HOST_JOB_CLASS}.
 *
 * <pre>{@code
 * try (SupervisorService s = SupervisorService.start(conf)) { ... }
 * }</pre>
 */
public final class SupervisorService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SupervisorService.class);

    private final List<StreamSupervisor> supervisors;

    private SupervisorService(List<StreamSupervisor> supervisors) {
        this.supervisors = supervisors;
    }

    /**
     * Starts a supervisor for every owner of the tokens in {@code conf} ({@link
     * SupervisorOptions}).
     *
     * @throws IllegalArgumentException naming a missing or invalid setting
     * @throws IOException when the tokens cannot be read or the host jobs' token files written
     */
    public static SupervisorService start(Configuration conf) throws IOException {
        Map<String, String> tokens = tokens(conf);
        if (tokens.isEmpty()) {
            throw new IllegalArgumentException(
                    "No owner to supervise: the tokens of "
                            + SupervisorOptions.TOKENS_FILE.key()
                            + "/"
                            + SupervisorOptions.TOKENS_DIR.key()
                            + " name none");
        }
        Duration period = conf.get(SupervisorOptions.PERIOD);
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException(
                    SupervisorOptions.PERIOD.key() + " must be positive, not " + period);
        }
        Path jar = Path.of(require(conf, SupervisorOptions.JOB_JAR));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException(
                    SupervisorOptions.JOB_JAR.key()
                            + " "
                            + jar
                            + " is not a file; build the job jar with mvn package");
        }
        String registryUrl = conf.get(SupervisorOptions.REGISTRY_URL);
        RestHostJobLauncher launcher =
                new RestHostJobLauncher(
                        ClusterRestClient.ofFlink(
                                URI.create(conf.get(SupervisorOptions.FLINK_REST_URL))),
                        jar,
                        new HostJobArguments(
                                commonArgs(conf),
                                tokenFiles(conf, tokens),
                                kafkaPropertiesFiles(conf, tokens.keySet())));
        List<StreamSupervisor> supervisors = new ArrayList<>();
        tokens.forEach(
                (owner, token) ->
                        supervisors.add(
                                new StreamSupervisor(
                                                RegistryClient.builder()
                                                        .url(registryUrl)
                                                        .token(token)
                                                        .build(),
                                                owner,
                                                launcher,
                                                launcher,
                                                period)
                                        .start()));
        LOG.info(
                "Stream supervisor for {} started: registry {}, JobManager {}, job jar {}",
                tokens.keySet(),
                registryUrl,
                conf.get(SupervisorOptions.FLINK_REST_URL),
                jar);
        return new SupervisorService(supervisors);
    }

    private static List<String> commonArgs(Configuration conf) {
        List<String> args = new ArrayList<>();
        args.addAll(List.of("--registry.url", conf.get(SupervisorOptions.REGISTRY_URL)));
        // With a properties file, its bootstrap.servers holds unless the servers are given.
        if (conf.contains(SupervisorOptions.KAFKA_BOOTSTRAP_SERVERS)
                || (!conf.contains(SupervisorOptions.KAFKA_PROPERTIES)
                        && !conf.contains(SupervisorOptions.HOST_JOB_KAFKA_PROPERTIES_DIR))) {
            args.addAll(
                    List.of(
                            "--kafka.bootstrap-servers",
                            conf.get(SupervisorOptions.KAFKA_BOOTSTRAP_SERVERS)));
        }
        args.addAll(conf.getOptional(SupervisorOptions.HOST_JOB_ARGS).orElse(List.of()));
        return args;
    }

    /** The owners and their tokens, from the tokens file or the tokens directory. */
    static Map<String, String> tokens(Configuration conf) throws IOException {
        var file = conf.getOptional(SupervisorOptions.TOKENS_FILE);
        var dir = conf.getOptional(SupervisorOptions.TOKENS_DIR);
        if (file.isPresent() == dir.isPresent()) {
            throw new IllegalArgumentException(
                    "Give exactly one of "
                            + SupervisorOptions.TOKENS_FILE.key()
                            + " (token=owner lines) and "
                            + SupervisorOptions.TOKENS_DIR.key()
                            + " (a file per owner)");
        }
        if (file.isPresent()) {
            Path path = Path.of(file.get());
            if (!Files.isRegularFile(path)) {
                throw new IllegalArgumentException(
                        SupervisorOptions.TOKENS_FILE.key() + " " + path + " is not a file");
            }
            return new TreeMap<>(LocalEdgeCluster.tokens(path));
        }
        Path path = Path.of(dir.get());
        if (!Files.isDirectory(path)) {
            throw new IllegalArgumentException(
                    SupervisorOptions.TOKENS_DIR.key() + " " + path + " is not a directory");
        }
        Map<String, String> tokens = new TreeMap<>();
        try (Stream<Path> files = Files.list(path)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String owner = f.getFileName().toString();
                if (!owner.startsWith(".")) {
                    tokens.put(owner, Files.readString(f, StandardCharsets.UTF_8).trim());
                }
            }
        }
        return tokens;
    }

    /**
     * Where each owner's host jobs read its token: the given directory on the JobManager, else
     * files this supervisor writes (0600) under its work directory.
     */
    static Map<String, Path> tokenFiles(Configuration conf, Map<String, String> tokens)
            throws IOException {
        Map<String, Path> files = new TreeMap<>();
        var given = conf.getOptional(SupervisorOptions.HOST_JOB_TOKEN_DIR);
        if (given.isPresent()) {
            tokens.keySet().forEach(owner -> files.put(owner, Path.of(given.get(), owner)));
            return files;
        }
        Path dir =
                Files.createDirectories(
                                Path.of(conf.get(SupervisorOptions.WORK_DIR), "host-job-tokens"))
                        .toAbsolutePath();
        for (Map.Entry<String, String> t : tokens.entrySet()) {
            Path file = dir.resolve(t.getKey());
            Files.deleteIfExists(file);
            Files.createFile(
                    file,
                    PosixFilePermissions.asFileAttribute(
                            PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, t.getValue(), StandardCharsets.UTF_8);
            files.put(t.getKey(), file);
        }
        return files;
    }

    /**
     * The Kafka client properties file of each owner's host jobs: {@code <owner>.properties} in
     * {@link SupervisorOptions#HOST_JOB_KAFKA_PROPERTIES_DIR}, else {@link
     * SupervisorOptions#KAFKA_PROPERTIES}; owners with neither are left out.
     */
    static Map<String, Path> kafkaPropertiesFiles(Configuration conf, Set<String> owners) {
        Map<String, Path> files = new TreeMap<>();
        var dir = conf.getOptional(SupervisorOptions.HOST_JOB_KAFKA_PROPERTIES_DIR);
        var common = conf.getOptional(SupervisorOptions.KAFKA_PROPERTIES);
        for (String owner : owners) {
            Path own = dir.map(d -> Path.of(d, owner + ".properties")).orElse(null);
            if (own != null && Files.isRegularFile(own)) {
                files.put(owner, own);
            } else if (common.isPresent()) {
                files.put(owner, Path.of(common.get()));
            } else if (own != null) {
                throw new IllegalArgumentException(
                        "No Kafka client properties for owner '"
                                + owner
                                + "': "
                                + own
                                + " is not a file and "
                                + SupervisorOptions.KAFKA_PROPERTIES.key()
                                + " is not given; add the file or give a common one");
            }
        }
        return files;
    }

    private static String require(Configuration conf, ConfigOption<String> option) {
        return conf.getOptional(option)
                .orElseThrow(
                        () ->
                                new IllegalArgumentException(
                                        option.key() + " is required: " + option.description()));
    }

    /** Stops every owner's supervisor; running host jobs keep running. */
    @Override
    public void close() {
        supervisors.forEach(StreamSupervisor::close);
        LOG.info("Stream supervisor stopped");
    }
}
