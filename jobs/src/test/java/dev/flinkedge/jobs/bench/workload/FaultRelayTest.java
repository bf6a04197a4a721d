package dev.flinkedge.jobs.bench.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flinkedge.connectors.api.EdgeOperator;
import dev.flinkedge.connectors.api.OperatorCatalog;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

class FaultRelayTest {

    @Test
    void theCatalogueRecreatesTheRelayOfEachStreamFromItsLineage() {
        OperatorCatalog catalog = OperatorCatalog.fromServiceLoader();
        for (String tag : new String[] {"live", "at-least-once", "exactly-once"}) {
            SyntheticCost relay = FaultRelay.of(tag);

            EdgeOperator<?, ?> rebuilt = catalog.create(relay.ref());

            assertThat(rebuilt.ref()).isEqualTo(relay.ref());
            assertThat(rebuilt).isInstanceOf(SyntheticCost.class);
        }
    }

    @Test
    void tagsKeepTheFingerprintsOfOneComputationApart() {
        assertThat(FaultRelay.of("live").ref()).isNotEqualTo(FaultRelay.of("exactly-once").ref());
        assertThat(FaultRelay.of("live").ref().params())
                .isEqualTo(Map.of("cost", "0ms", "stream", "live"));
    }

    @Test
    void aTagMayNotReplaceTheCost() {
        assertThatThrownBy(() -> new SyntheticCost("x", Duration.ZERO, Map.of("cost", "5ms")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'cost'");
    }
}
