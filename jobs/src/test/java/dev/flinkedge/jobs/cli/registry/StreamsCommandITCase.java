package dev.flinkedge.jobs.cli.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;

import dev.flinkedge.jobs.cli.CliRun;
import dev.flinkedge.kafka.EmbeddedKafkaExtension;
import dev.flinkedge.registry.client.RegistryClient;
import dev.flinkedge.registry.errors.NotFoundException;
import dev.flinkedge.registry.json.RegistryJson;
import dev.flinkedge.registry.model.SerializerFormat;
import dev.flinkedge.registry.model.StreamDescriptor;
import dev.flinkedge.registry.model.StreamRef;
import dev.flinkedge.registry.model.StreamStatus;
import dev.flinkedge.registry.model.WindowSpec;
import dev.flinkedge.registry.testutil.RegistryInstance;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs the {@code streams} commands in-process against a registry on a real broker. */
class StreamsCommandITCase {

    @RegisterExtension static final EmbeddedKafkaExtension KAFKA = new EmbeddedKafkaExtension();

    private static final Pattern FINGERPRINT_LINE =
            Pattern.compile("(?m)^fingerprint ([0-9a-f]{64})$");
    private static final Pattern SUBSCRIPTION_LINE =
            Pattern.compile("(?m)^subscription ([0-9a-f-]{36}): job x\\+b on alice/Cars");

    private static RegistryInstance registry;

    @BeforeAll
    static void startRegistry() throws Exception {
        registry = RegistryInstance.start(KAFKA.bootstrapServers(), "_cli_streams");
    }

    @AfterAll
    static void stopRegistry() throws Exception {
        registry.close();
    }

    @Test
    void aStreamsLifeThroughTheCli() throws Exception {
        RegistryClient alice = registry.client("alice");
        StreamRef cars = new StreamRef("alice", "Cars");

        CliRun video =
                as(
                        "alice",
                        "streams",
                        "create",
                        "Video",
                        "--type",
                        "RAW",
                        "--device",
                        "cam-1",
                        "--device",
                        "cam-2");
        assertThat(video.exitCode()).as(video.err()).isZero();
        assertThat(video.out()).startsWith("created alice/Video: RAW, DECLARED, fingerprint ");

        String[] detect = {
            "--operator",
            "detect",
            "--op-version",
            "1",
            "--param",
            "model=yolov8n",
            "--parent",
            "alice/Video",
            "--window",
            "fixed:10s",
            "--serializer",
            "json"
        };
        CliRun created =
                as(
                        "alice",
                        concat(
                                new String[] {
                                    "streams",
                                    "create",
                                    "Cars",
                                    "--type",
                                    "derived",
                                    "--payload-type",
                                    "dev.flinkedge.Vehicle"
                                },
                                detect));
        assertThat(created.exitCode()).as(created.err()).isZero();
        StreamDescriptor stored = alice.describe(cars);
        assertThat(created.out().trim())
                .isEqualTo(
                        "created alice/Cars: DERIVED, DECLARED, fingerprint "
                                + stored.fingerprint());
        assertThat(stored.window()).isEqualTo(WindowSpec.fixed(Duration.ofSeconds(10)));
        assertThat(stored.serializer()).isEqualTo(SerializerFormat.JSON);
        assertThat(stored.lineage().operator().params()).containsEntry("model", "yolov8n");
        assertThat(stored.lineage().parents())
                .containsExactly(alice.describe(new StreamRef("alice", "Video")).fingerprint());

        CliRun ls = as("alice", "streams", "ls", "--owner", "alice");
        assertThat(ls.exitCode()).isZero();
        assertThat(ls.out().lines().toList())
                .first()
                .asString()
                .matches("OWNER/NAME +TYPE +STATUS +FINGERPRINT +SUBS +GRANTS");
        assertThat(ls.out())
                .containsPattern(
                        "alice/Cars +DERIVED +DECLARED +"
                                + stored.fingerprint().substring(0, 12)
                                + " +0 +-");

        CliRun lsJson = as("alice", "streams", "ls", "--type", "RAW", "--json");
        List<StreamDescriptor> raws =
                RegistryJson.LENIENT.readValue(
                        lsJson.out(), new TypeReference<List<StreamDescriptor>>() {});
        assertThat(raws)
                .extracting(StreamDescriptor::name)
                .contains("Video")
                .doesNotContain("Cars");

        CliRun describeJson = as("alice", "streams", "describe", "alice/Cars", "--json");
        assertThat(RegistryJson.LENIENT.readValue(describeJson.out(), StreamDescriptor.class))
                .isEqualTo(stored);

        CliRun active =
                as(
                        "alice",
                        "streams",
                        "status",
                        "alice/Cars",
                        "ACTIVE",
                        "--job",
                        "x+a",
                        "--site",
                        "edge-1");
        assertThat(active.exitCode()).as(active.err()).isZero();
        assertThat(active.out()).contains("alice/Cars is ACTIVE, produced by job x+a @ edge-1");
        assertThat(alice.describe(cars).status()).isEqualTo(StreamStatus.ACTIVE);
        assertThat(as("alice", "streams", "describe", "alice/Cars").out())
                .containsPattern("lease +job x\\+a @ edge-1, 15s, expires in 1[0-5]s \\(live\\)");

        CliRun refused = as("bob", concat(new String[] {"streams", "resolve"}, detect));
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).startsWith("error 40401: Stream alice/Video not found");

        assertThat(as("alice", "streams", "grant", "alice/Video", "bob").exitCode()).isZero();
        CliRun grant = as("alice", "streams", "grant", "alice/Cars", "bob");
        assertThat(grant.out()).contains("granted bob read access to alice/Cars");

        CliRun resolved = as("bob", concat(new String[] {"streams", "resolve"}, detect));
        assertThat(resolved.exitCode()).as(resolved.err()).isZero();
        Matcher printed = FINGERPRINT_LINE.matcher(resolved.out());
        assertThat(printed.find()).as(resolved.out()).isTrue();
        assertThat(printed.group(1)).isEqualTo(stored.fingerprint());
        assertThat(resolved.out())
                .containsPattern(
                        "alice/Cars +DERIVED +ACTIVE +x\\+a @ edge-1 +flinkedge\\.alice\\.Cars");

        CliRun byFingerprint = as("bob", "streams", "resolve", stored.fingerprint());
        assertThat(byFingerprint.exitCode()).isZero();
        assertThat(byFingerprint.out()).doesNotContain("fingerprint ").contains("alice/Cars");

        CliRun subscribed =
                as("bob", "streams", "subscribe", "alice/Cars", "--job", "x+b", "--lease", "60");
        assertThat(subscribed.exitCode()).as(subscribed.err()).isZero();
        Matcher id = SUBSCRIPTION_LINE.matcher(subscribed.out());
        assertThat(id.find()).as(subscribed.out()).isTrue();
        assertThat(alice.describe(cars).subscriptions())
                .singleElement()
                .satisfies(
                        s -> {
                            assertThat(s.id()).isEqualTo(id.group(1));
                            assertThat(s.leaseSeconds()).isEqualTo(60);
                        });
        assertThat(as("alice", "streams", "describe", "alice/Cars").out())
                .contains(id.group(1) + "  job x+b by bob, lease 60s")
                .contains("grants         bob");

        CliRun revoked = as("alice", "streams", "revoke", "alice/Cars", "bob");
        assertThat(revoked.exitCode()).as(revoked.err()).isZero();
        assertThat(alice.describe(cars).subscriptions()).isEmpty();
        assertThat(alice.describe(cars).grants()).isEmpty();
        assertThat(as("bob", "streams", "describe", "alice/Cars").err()).startsWith("error 40401");

        CliRun deleted = as("alice", "streams", "delete", "alice/Cars");
        assertThat(deleted.exitCode()).as(deleted.err()).isZero();
        Assertions.assertThatThrownBy(() -> alice.describe(cars))
                .isInstanceOf(NotFoundException.class);
        CliRun gone = as("alice", "streams", "describe", "alice/Cars");
        assertThat(gone.exitCode()).isEqualTo(1);
        assertThat(gone.err())
                .isEqualTo(
                        "error 40401: Stream alice/Cars not found, or the caller may not read it;"
                                + " if it exists, ask its owner for a grant\n");
    }

    @Test
    void aStrangersDescribeIsRefusedInOneLineWithoutStackTrace() {
        assertThat(as("alice", "streams", "create", "Private", "--type", "VIRTUAL").exitCode())
                .isZero();
        CliRun run = as("eve", "streams", "describe", "alice/Private");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err())
                .hasLineCount(1)
                .startsWith("error 40401: Stream alice/Private not found")
                .doesNotContain("Exception")
                .doesNotContain("\tat ");
    }

    @Test
    void resolvingAFingerprintNobodyProducesSaysSoAndFails() {
        String fingerprint = "ab".repeat(32);
        CliRun run = as("alice", "streams", "resolve", fingerprint);
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err())
                .isEqualTo(
                        "error 40402: no ACTIVE stream with fingerprint "
                                + fingerprint
                                + " is readable by you\n");
    }

    @Test
    void unsubscribeEndsALease() {
        assertThat(as("alice", "streams", "create", "Clock", "--type", "VIRTUAL").exitCode())
                .isZero();
        CliRun subscribed = as("alice", "streams", "subscribe", "alice/Clock", "--job", "j1");
        String id = subscribed.out().split(" ")[1].replace(":", "");
        CliRun ended = as("alice", "streams", "unsubscribe", "alice/Clock", id);
        assertThat(ended.exitCode()).as(ended.err()).isZero();
        assertThat(ended.out()).isEqualTo("ended subscription " + id + " on alice/Clock\n");
        assertThat(
                        registry.client("alice")
                                .describe(new StreamRef("alice", "Clock"))
                                .subscriptions())
                .isEmpty();
    }

    @Test
    void createReadsAWholeSpecFromAJsonFile(@TempDir Path dir) throws Exception {
        Path spec = dir.resolve("spec.json");
        Files.writeString(
                spec,
                "{\"name\":\"Cameras\",\"type\":\"RAW\",\"guarantee\":"
                        + "\"AT_LEAST_ONCE\",\"source\":{\"areas\":[\"POLYGON ((0 0, 1 0, 1 1, 0 1,"
                        + " 0 0))\"]}}");
        CliRun run = as("alice", "streams", "create", "--file", spec.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        StreamDescriptor d = registry.client("alice").describe(new StreamRef("alice", "Cameras"));
        assertThat(d.source().areas()).hasSize(1);

        Files.writeString(spec, "{\"name\":\"Typo\",\"type\":\"VIRTUAL\",\"durible\":true}");
        CliRun typo = as("alice", "streams", "create", "--file", spec.toString());
        assertThat(typo.exitCode()).isEqualTo(2);
        assertThat(typo.err())
                .hasLineCount(1)
                .contains("Invalid stream spec in")
                .contains("durible");

        Files.writeString(spec, "{\"name\":\"NoSource\",\"type\":\"RAW\"}");
        CliRun invalid = as("alice", "streams", "create", "--file", spec.toString());
        assertThat(invalid.exitCode()).isEqualTo(2);
        assertThat(invalid.err())
                .hasLineCount(1)
                .contains("Invalid field 'source': is required for a RAW stream");

        CliRun both = as("alice", "streams", "create", "Other", "--file", spec.toString());
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("holds the whole spec");
    }

    @Test
    void badInputIsAOneLineUsageError() {
        CliRun notARef = as("alice", "streams", "describe", "no-slash");
        assertThat(notARef.exitCode()).isEqualTo(2);
        assertThat(notARef.err())
                .hasLineCount(1)
                .contains("'no-slash' is not an OWNER/NAME stream reference");

        CliRun noLineage = as("alice", "streams", "create", "X", "--type", "DERIVED");
        assertThat(noLineage.exitCode()).isEqualTo(2);
        assertThat(noLineage.err()).contains("needs --operator NAME, --op-version V");

        CliRun noSource = as("alice", "streams", "create", "X", "--type", "RAW");
        assertThat(noSource.exitCode()).isEqualTo(2);
        assertThat(noSource.err()).contains("--device ID").contains("--area WKT");

        CliRun badWindow =
                as(
                        "alice",
                        "streams",
                        "create",
                        "X",
                        "--type",
                        "RAW",
                        "--device",
                        "c",
                        "--window",
                        "fixed:soon");
        assertThat(badWindow.exitCode()).isEqualTo(2);
        assertThat(badWindow.err()).contains("'soon' is not a duration");

        CliRun activeWithoutJob = as("alice", "streams", "status", "alice/X", "ACTIVE");
        assertThat(activeWithoutJob.exitCode()).isEqualTo(2);
        assertThat(activeWithoutJob.err()).contains("add --job ID");

        CliRun both = as("alice", "streams", "resolve", "ab".repeat(32), "--operator", "op");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("not both");

        CliRun registryRefusal =
                as(
                        "alice",
                        "streams",
                        "create",
                        "X",
                        "--type",
                        "DERIVED",
                        "--operator",
                        "op",
                        "--op-version",
                        "1",
                        "--parent",
                        "alice/Missing");
        assertThat(registryRefusal.exitCode()).isEqualTo(1);
        assertThat(registryRefusal.err()).hasLineCount(1).startsWith("error 40004:");
    }

    private static CliRun as(String principal, String... args) {
        List<String> full = new ArrayList<>(Arrays.asList(args));
        full.addAll(
                List.of(
                        "--registry",
                        registry.app().uri().toString(),
                        "--token",
                        RegistryInstance.token(principal)));
        return CliRun.of(full.toArray(String[]::new));
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
