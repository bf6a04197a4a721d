package dev.flinkedge.scheduler.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import dev.flinkedge.registry.model.Guarantee;
import dev.flinkedge.registry.model.Lineage;
import dev.flinkedge.registry.model.OperatorRef;
import dev.flinkedge.registry.model.SerializerFormat;
import dev.flinkedge.registry.model.StreamDescriptor;
import dev.flinkedge.registry.model.StreamStatus;
import dev.flinkedge.registry.model.StreamType;
import dev.flinkedge.registry.model.WindowSpec;
import dev.flinkedge.scheduler.cluster.ClusterRestClient;

import org.apache.flink.api.common.JobID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Host jobs through a stand-in of Flink's REST API: the jar is uploaded once and again after the
 * JobManager forgot it (once for launches it refused together), the run names the host job's class,
 * stream and job id, and a job Flink does not know has no status.
 */
class RestHostJobLauncherTest {

    private static final Duration DEADLINE = Duration.ofSeconds(10);

    @TempDir Path dir;

    private HttpServer server;
    private final ExecutorService handlers = Executors.newCachedThreadPool();
    private final List<String> requests = new ArrayList<>();
    private final Set<String> knownJars = new HashSet<>();
    private int uploads;

    /** When set, a run of a forgotten jar is refused only once this many such runs arrived. */
    private volatile CountDownLatch refusedTogether;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.setExecutor(handlers);
        server.createContext("/", this::answer);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
        handlers.shutdownNow();
    }

    private void answer(HttpExchange exchange) throws IOException {
        CountDownLatch together = refusedTogether;
        if (together != null && runsForgottenJar(exchange.getRequestURI().getPath())) {
            together.countDown();
            try {
                together.await(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        answerNow(exchange);
    }

    private synchronized boolean runsForgottenJar(String path) {
        return path.startsWith("/jars/")
                && path.endsWith("/run")
                && !knownJars.contains(jarOf(path));
    }

    private static String jarOf(String runPath) {
        return runPath.substring("/jars/".length(), runPath.length() - "/run".length());
    }

    private synchronized void answerNow(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        requests.add(exchange.getRequestMethod() + " " + path + " " + body);
        if (path.equals("/jars/upload")) {
            String id = "jar-" + (++uploads) + "_host.jar";
            knownJars.add(id);
            send(
                    exchange,
                    200,
                    "{\"filename\":\"/tmp/web-upload/" + id + "\",\"status\":\"success\"}");
        } else if (path.startsWith("/jars/") && path.endsWith("/run")) {
            String id = jarOf(path);
            if (knownJars.contains(id)) {
                send(exchange, 200, "{\"jobid\":\"" + new JobID() + "\"}");
            } else {
                send(
                        exchange,
                        400,
                        "{\"errors\":[\"Jar file /tmp/web-upload/" + id + " does not exist\"]}");
            }
        } else if (path.endsWith("/status")) {
            send(
                    exchange,
                    500,
                    "{\"errors\":[\"Internal server error.\",\"<Exception on server side:\\n"
                            + "org.apache.flink.runtime.messages.FlinkJobNotFoundException:"
                            + " Could not find Flink job\"]}");
        } else {
            send(exchange, 404, "{\"errors\":[\"Not found\"]}");
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Test
    void uploadsTheJarOnceAndAgainWhenTheJobManagerForgotIt() throws Exception {
        RestHostJobLauncher launcher = launcher();
        JobID first = new JobID();
        JobID second = new JobID();

        launcher.launch(stream(), first);
        launcher.launch(stream(), new JobID());
        knownJars.clear();
        launcher.launch(stream(), second);

        assertThat(uploads).isEqualTo(2);
        List<String> runs = requests.stream().filter(r -> r.contains("/run ")).toList();
        assertThat(runs).hasSize(4);
        assertThat(runs.get(0))
                .contains("\"entryClass\":\"" + SupervisorOptions.HOST_JOB_CLASS + "\"")
                .contains(
                        "\"programArgsList\":[\"--stream\",\"city-a/Cars\",\"--owner\",\"city-a\"")
                .contains("\"jobId\":\"" + first.toHexString() + "\"");
        assertThat(runs.get(2)).as("refused: the jar is gone").contains("jar-1_host.jar");
        assertThat(runs.get(3))
                .contains("jar-2_host.jar")
                .contains("\"jobId\":\"" + second.toHexString() + "\"");
    }

    @Test
    void launchesRefusedTogetherUploadTheForgottenJarOnce() throws Exception {
        RestHostJobLauncher launcher = launcher();
        launcher.launch(stream(), new JobID());
        synchronized (this) {
            knownJars.clear();
        }
        refusedTogether = new CountDownLatch(2);
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            List<Future<Object>> launches =
                    two.invokeAll(
                            List.of(
                                    () -> launch(launcher, new JobID()),
                                    () -> launch(launcher, new JobID())),
                            DEADLINE.toMillis(),
                            TimeUnit.MILLISECONDS);
            for (Future<Object> launch : launches) {
                launch.get();
            }
        } finally {
            two.shutdownNow();
        }

        assertThat(uploads)
                .as("the first upload, and one after the JobManager forgot it")
                .isEqualTo(2);
    }

    private static Object launch(RestHostJobLauncher launcher, JobID jobId) throws Exception {
        launcher.launch(stream(), jobId);
        return jobId;
    }

    @Test
    void aJobFlinkDoesNotKnowHasNoStatus() throws Exception {
        assertThat(launcher().status(new JobID().toHexString())).isEmpty();
    }

    private RestHostJobLauncher launcher() throws IOException {
        Path jar = Files.writeString(dir.resolve("job.jar"), "jar bytes");
        return new RestHostJobLauncher(
                ClusterRestClient.ofFlink(
                        URI.create("http://localhost:" + server.getAddress().getPort())),
                jar,
                new HostJobArguments(List.of(), Map.of("city-a", dir.resolve("city-a"))));
    }

    private static StreamDescriptor stream() {
        return new StreamDescriptor(
                "city-a",
                "Cars",
                StreamType.DERIVED,
                WindowSpec.none(),
                SerializerFormat.KRYO,
                "x.Car",
                Guarantee.LIVE,
                new Lineage(new OperatorRef("detect", "1", Map.of()), List.of("a".repeat(64))),
                null,
                false,
                1,
                StreamStatus.ORPHANED,
                null,
                StreamDescriptor.topicFor("city-a", "Cars"),
                "b".repeat(64),
                List.of(),
                List.of(),
                0,
                0);
    }
}
