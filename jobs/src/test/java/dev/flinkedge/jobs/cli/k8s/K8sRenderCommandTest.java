package dev.flinkedge.jobs.cli.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flinkedge.jobs.cli.FlinkEdgeCli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

class K8sRenderCommandTest {

    @TempDir Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = FlinkEdgeCli.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    @Test
    void writesOnePoolPerEdgeSite() throws Exception {
        Path topology = Path.of("..", "conf", "topology-default.yaml");
        Path outDir = dir.resolve("k8s");
        assertThat(
                        run(
                                "k8s",
                                "render",
                                "--topology",
                                topology.toString(),
                                "--out",
                                outDir.toString()))
                .isZero();
        assertThat(outDir.resolve("taskmanagers-edge-1.yaml")).exists();
        assertThat(outDir.resolve("taskmanagers-edge-2.yaml")).exists();
        assertThat(out.toString()).contains("taskmanagers-edge-1.yaml", "taskmanagers-edge-2.yaml");
    }

    @Test
    void namesBrokenTopology() throws Exception {
        Path topology = Files.writeString(dir.resolve("broken.yaml"), "sites: [{id: x}]\n");
        assertThat(run("k8s", "render", "--topology", topology.toString(), "--out", dir.toString()))
                .isEqualTo(1);
        assertThat(err.toString()).contains("broken.yaml").contains("tier");
    }
}
