package dev.flinkedge.jobs.cli.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flinkedge.registry.model.WindowSpec;

import org.junit.jupiter.api.Test;

import picocli.CommandLine.TypeConversionException;

import java.time.Duration;

class WindowConverterTest {

    @Test
    void parsesTheThreeForms() {
        assertThat(WindowConverter.parse("none")).isEqualTo(WindowSpec.none());
        assertThat(WindowConverter.parse("fixed:10s"))
                .isEqualTo(WindowSpec.fixed(Duration.ofSeconds(10)));
        assertThat(WindowConverter.parse("sliding:10s/2s"))
                .isEqualTo(WindowSpec.sliding(Duration.ofSeconds(10), Duration.ofSeconds(2)));
        assertThat(WindowConverter.parse("SLIDING:1m/500ms"))
                .isEqualTo(WindowSpec.sliding(Duration.ofMinutes(1), Duration.ofMillis(500)));
    }

    @Test
    void rejectsUnknownKindsAndMissingSizes() {
        assertThatThrownBy(() -> WindowConverter.parse("tumbling:10s"))
                .isInstanceOf(TypeConversionException.class)
                .hasMessageContaining("expected none, fixed:SIZE or sliding:SIZE/SLIDE");
        assertThatThrownBy(() -> WindowConverter.parse("fixed"))
                .hasMessageContaining("has no size");
        assertThatThrownBy(() -> WindowConverter.parse("sliding:10s"))
                .hasMessageContaining("has no slide");
        assertThatThrownBy(() -> WindowConverter.parse("fixed:ten"))
                .hasMessageContaining("'ten' is not a duration");
    }

    @Test
    void rejectsWindowsTheModelRejects() {
        assertThatThrownBy(() -> WindowConverter.parse("sliding:2s/10s"))
                .isInstanceOf(TypeConversionException.class)
                .hasMessageContaining("is not a valid window")
                .hasMessageContaining("slide must not be longer than the window");
        assertThatThrownBy(() -> WindowConverter.parse("fixed:0s"))
                .hasMessageContaining("must be > 0");
    }

    @Test
    void formatRoundTrips() {
        for (String text : new String[] {"none", "fixed:10s", "sliding:10s/2s", "fixed:1500ms"}) {
            assertThat(WindowConverter.format(WindowConverter.parse(text))).isEqualTo(text);
        }
    }
}
