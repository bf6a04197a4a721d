package dev.flinkedge.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

/** The demo's on-by-default switches turn off with their --no- form and on with the plain one. */
class DemoCommandTest {

    private static DemoCommand parse(String... args) {
        DemoCommand command = new DemoCommand();
        new CommandLine(command).parseArgs(args);
        return command;
    }

    @Test
    void placementAndVideoAreOnUnlessNegated() {
        DemoCommand defaults = parse();
        assertThat(defaults.placement).isTrue();
        assertThat(defaults.video).isTrue();

        DemoCommand off = parse("--no-placement", "--no-video");
        assertThat(off.placement).isFalse();
        assertThat(off.video).isFalse();

        DemoCommand on = parse("--placement", "--video");
        assertThat(on.placement).isTrue();
        assertThat(on.video).isTrue();
    }
}
