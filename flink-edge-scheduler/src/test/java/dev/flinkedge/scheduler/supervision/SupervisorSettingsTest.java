package dev.flinkedge.scheduler.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flinkedge.registry.model.StreamRef;

import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The supervisor's settings: its process arguments, its owners, the host jobs' arguments. */
class SupervisorSettingsTest {

    @TempDir Path dir;

    @Test
    void processArgumentsAreKnownKeyValueSettings() {
        Configuration conf = SupervisorServer.settings("period=500ms", "host-job.args=--a;1;--b;2");

        assertThat(conf.get(SupervisorOptions.PERIOD)).isEqualTo(Duration.ofMillis(500));
        assertThat(conf.get(SupervisorOptions.HOST_JOB_ARGS))
                .containsExactly("--a", "1", "--b", "2");
        assertThatThrownBy(() -> SupervisorServer.settings("perod=1s"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'perod=1s' is not a supervisor setting")
                .hasMessageContaining("period");
    }

    @Test
    void ownersComeFromATokensFileOrADirectoryButNotBoth() throws Exception {
        Path file =
                Files.writeString(
                        dir.resolve("tokens.properties"),
                        "tok-a-123456=city-a\ntok-b-123456=city-b\n");
        Path tokenDir = Files.createDirectories(dir.resolve("job-tokens"));
        Files.writeString(tokenDir.resolve("city-a"), "tok-a-123456\n");
        Files.writeString(tokenDir.resolve("..data"), "kubernetes' own entry");

        assertThat(SupervisorService.tokens(SupervisorServer.settings("tokens.file=" + file)))
                .containsExactly(
                        Map.entry("city-a", "tok-a-123456"), Map.entry("city-b", "tok-b-123456"));
        assertThat(SupervisorService.tokens(SupervisorServer.settings("tokens.dir=" + tokenDir)))
                .containsExactly(Map.entry("city-a", "tok-a-123456"));
        assertThatThrownBy(
                        () ->
                                SupervisorService.tokens(
                                        SupervisorServer.settings(
                                                "tokens.file=" + file, "tokens.dir=" + tokenDir)))
                .hasMessageContaining("exactly one of tokens.file")
                .hasMessageContaining("tokens.dir");
    }

    @Test
    void refusesToStartWithoutAJobJarNamingTheSetting() throws Exception {
        Path file = Files.writeString(dir.resolve("tokens.properties"), "tok-a-123456=city-a\n");

        assertThatThrownBy(
                        () ->
                                SupervisorService.start(
                                        SupervisorServer.settings(
                                                "tokens.file=" + file, "work-dir=" + dir)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("job-jar is required");
    }

    @Test
    void writesEachOwnersTokenForItsHostJobsReadableOnlyByItsUser() throws Exception {
        Map<String, Path> files =
                SupervisorService.tokenFiles(
                        SupervisorServer.settings("work-dir=" + dir),
                        Map.of("city-a", "tok-a-123456"));

        Path tokenFile = files.get("city-a");
        assertThat(tokenFile).hasContent("tok-a-123456");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tokenFile)))
                .isEqualTo("rw-------");
        assertThat(
                        SupervisorService.tokenFiles(
                                SupervisorServer.settings("host-job.token-dir=/etc/tokens"),
                                Map.of("city-a", "tok-a-123456")))
                .containsExactly(Map.entry("city-a", Path.of("/etc/tokens/city-a")));
    }

    @Test
    void aHostJobGetsItsStreamOwnerAndTokenFileFirst() {
        HostJobArguments args =
                new HostJobArguments(
                        List.of("--registry.url", "http://r:8090"),
                        Map.of("city-a", Path.of("/t/city-a")));

        assertThat(args.of(new StreamRef("city-a", "Cars")))
                .containsExactly(
                        "--stream",
                        "city-a/Cars",
                        "--owner",
                        "city-a",
                        "--registry.token-file",
                        "/t/city-a",
                        "--registry.url",
                        "http://r:8090");
        assertThatThrownBy(() -> args.of(new StreamRef("city-b", "Cars")))
                .hasMessageContaining("No token for owner 'city-b'");
    }

    @Test
    void eachOwnersHostJobsGetItsKafkaPropertiesFileElseTheCommonOne() throws Exception {
        Files.writeString(dir.resolve("city-a.properties"), "sasl.mechanism=PLAIN\n");
        Configuration conf =
                SupervisorServer.settings(
                        "host-job.kafka-properties-dir=" + dir,
                        "kafka.properties=/etc/kafka/common.properties");

        Map<String, Path> files =
                SupervisorService.kafkaPropertiesFiles(conf, Set.of("city-a", "city-b"));

        assertThat(files)
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of(
                                "city-a", dir.resolve("city-a.properties"),
                                "city-b", Path.of("/etc/kafka/common.properties")));
        assertThatThrownBy(
                        () ->
                                SupervisorService.kafkaPropertiesFiles(
                                        SupervisorServer.settings(
                                                "host-job.kafka-properties-dir=" + dir),
                                        Set.of("city-b")))
                .hasMessageContaining("No Kafka client properties for owner 'city-b'")
                .hasMessageContaining("city-b.properties");

        HostJobArguments args =
                new HostJobArguments(
                        List.of("--registry.url", "http://r:8090"),
                        Map.of("city-a", Path.of("/t/city-a")),
                        files);
        assertThat(args.of(new StreamRef("city-a", "Cars")))
                .containsSubsequence(
                        "--kafka.properties", dir.resolve("city-a.properties").toString());
    }
}
