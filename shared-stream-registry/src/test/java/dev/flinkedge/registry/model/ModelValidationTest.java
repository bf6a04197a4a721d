package dev.flinkedge.registry.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.List;
import java.util.Map;

class ModelValidationTest {

    private static final String SQUARE =
            "POLYGON((116.30 39.90, 116.31 39.90, 116.31 39.91," + " 116.30 39.91, 116.30 39.90))";

    @ParameterizedTest
    @ValueSource(strings = {"", "1abc", "a b", "a/b", "ä", "_x"})
    void rejectsBadStreamNames(String name) {
        assertThatThrownBy(() -> new StreamRef("alice", name))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessageContaining("'name'");
    }

    @Test
    void acceptsTheLongestNameAndRejectsOneMore() {
        String ok = "a" + "b".repeat(127);
        assertThat(new StreamRef("alice", ok).name()).hasSize(128);
        assertThatThrownBy(() -> new StreamRef("alice", ok + "c"))
                .isInstanceOf(InvalidFieldException.class);
    }

    @Test
    void ownersMayNotContainDotsSoTopicsAreUnambiguous() {
        assertThatThrownBy(() -> new StreamRef("a.b", "c")).hasMessageContaining("'owner'");
        assertThat(StreamDescriptor.topicFor("a", "b.c")).isEqualTo("flinkedge.a.b-dc");
    }

    @Test
    void rawStreamNeedsExactlyOneKindOfSource() {
        assertThatThrownBy(() -> StreamSpec.builder("v", StreamType.RAW).build())
                .hasMessageContaining("'source'");
        assertThatThrownBy(() -> new SourceSpec(List.of("cam-1"), List.of(SQUARE)))
                .hasMessageContaining("exactly one");
        assertThat(SourceSpec.areas(List.of(SQUARE)).areas()).containsExactly(SQUARE);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "POLYGON((0 0, 1 0, 1 1))",
                "POINT(1 1)",
                "POLYGON((0 0, 2 2, 2 0, 0 2, 0 0))",
                "POLYGON((0 0, 200 0, 200 1, 0 1, 0 0))",
                "not wkt"
            })
    void rejectsInvalidAreas(String wkt) {
        assertThatThrownBy(() -> SourceSpec.areas(List.of(wkt)))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessageContaining("source.areas[0]");
    }

    @Test
    void derivedNeedsLineageAndOnlyDerivedHasOne() {
        assertThatThrownBy(() -> StreamSpec.builder("d", StreamType.DERIVED).build())
                .hasMessageContaining("'lineage'");
        Lineage l = new Lineage(OperatorRef.of("detect", "1"), List.of("alice/v"));
        assertThatThrownBy(() -> StreamSpec.builder("v", StreamType.VIRTUAL).lineage(l).build())
                .hasMessageContaining("VIRTUAL");
    }

    @Test
    void lineageParentsAreFingerprintsOrReferences() {
        assertThatThrownBy(() -> new Lineage(OperatorRef.of("detect", "1"), List.of("nope")))
                .hasMessageContaining("lineage.parents[0]");
        assertThatThrownBy(() -> new Lineage(OperatorRef.of("detect", "1"), List.of()))
                .hasMessageContaining("at least one parent");
        assertThat(new Lineage(OperatorRef.of("detect", "1"), List.of("a/b")).isResolved())
                .isFalse();
    }

    @Test
    void windowsAreChecked() {
        assertThat(WindowSpec.sliding(Duration.ofSeconds(10), Duration.ofSeconds(2)).slideMs())
                .isEqualTo(2000);
        assertThatThrownBy(() -> new WindowSpec(WindowSpec.Type.FIXED, 0, 0))
                .hasMessageContaining("window.sizeMs");
        assertThatThrownBy(() -> new WindowSpec(WindowSpec.Type.SLIDING, 1000, 2000))
                .hasMessageContaining("window.slideMs");
    }

    @Test
    void operatorParamsAreSortedAndCopied() {
        OperatorRef op = new OperatorRef("detect", "1", Map.of("b", "2", "a", "1"));
        assertThat(op.params().keySet()).containsExactly("a", "b");
        assertThatThrownBy(() -> op.params().put("c", "3"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> new OperatorRef("detect", "", Map.of()))
                .hasMessageContaining("lineage.operator.version");
    }
}
