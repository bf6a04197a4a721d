package dev.flinkedge.scheduler.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flinkedge.scheduler.topology.Tier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

class ClusterStateFileTest {

    @TempDir Path workDir;

    @Test
    void roundTripsTheStateWithPlainPaths() throws Exception {
        Path cluster = workDir.resolve("cluster");
        ClusterState state =
                new ClusterState(
                        workDir,
                        Path.of("conf/topology-default.yaml"),
                        "http://localhost:8081",
                        "http://localhost:8090",
                        "localhost:9092",
                        cluster.resolve("registry/tokens.properties"),
                        cluster.resolve("client"),
                        ClusterPorts.DEFAULTS,
                        List.of(
                                new ClusterState.SiteState(
                                        "cloud", Tier.CLOUD, null, 4, "cloud-tm-0")),
                        List.of(
                                new ChildProcess(
                                        "cloud-tm-0",
                                        ProcessRole.TASKMANAGER,
                                        4242,
                                        17L,
                                        cluster.resolve("cloud-tm-0/cloud-tm-0.log"))),
                        1234L);
        ClusterStateFile file = new ClusterStateFile(workDir);

        file.write(state);

        assertThat(file.read()).contains(state);
        assertThat(Files.readString(file.path(), StandardCharsets.UTF_8))
                .contains("\"flinkConfDir\" : \"" + cluster.resolve("client") + "\"")
                .contains("\"role\" : \"TASKMANAGER\"");
        file.delete();
        assertThat(file.read()).isEmpty();
    }

    @Test
    void aProcessThatExitedHasNoHandle() {
        ChildProcess self =
                new ChildProcess(
                        "me",
                        ProcessRole.REGISTRY,
                        ProcessHandle.current().pid(),
                        ProcessHandle.current().info().startInstant().orElseThrow().toEpochMilli(),
                        Path.of("me.log"));
        ChildProcess reusedPid =
                new ChildProcess(
                        "old",
                        ProcessRole.REGISTRY,
                        ProcessHandle.current().pid(),
                        1L,
                        Path.of("old.log"));

        assertThat(self.handle()).isPresent();
        assertThat(reusedPid.handle()).as("same pid, other start time").isEmpty();
    }
}
