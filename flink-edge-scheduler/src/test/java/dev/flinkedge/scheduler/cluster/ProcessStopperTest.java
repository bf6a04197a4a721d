package dev.flinkedge.scheduler.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

class ProcessStopperTest {

    @Test
    void stopsAProcessOfEveryRole(@TempDir Path dir) throws Exception {
        List<ChildProcess> children = new ArrayList<>();
        List<Process> processes = new ArrayList<>();
        try {
            for (ProcessRole role : ProcessRole.values()) {
                Process p = new ProcessBuilder("sleep", "120").start();
                processes.add(p);
                children.add(ChildProcess.of(role.name(), role, p, dir.resolve(role + ".log")));
            }

            List<ProcessStopper.Result> results =
                    ProcessStopper.stop(children, Duration.ofSeconds(5));

            assertThat(results)
                    .extracting(r -> r.process().role())
                    .containsExactlyInAnyOrder(ProcessRole.values());
            assertThat(results)
                    .allMatch(r -> r.outcome() == ProcessStopper.Outcome.STOPPED, "stopped");
            assertThat(processes).noneMatch(Process::isAlive);
        } finally {
            processes.forEach(Process::destroyForcibly);
        }
    }
}
