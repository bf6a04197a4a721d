package dev.flinkedge.scheduler.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.flinkedge.kafka.EmbeddedKafkaExtension;
import dev.flinkedge.registry.client.RegistryClient;
import dev.flinkedge.registry.errors.RegistryException;
import dev.flinkedge.registry.model.StreamDescriptor;
import dev.flinkedge.registry.model.StreamRef;
import dev.flinkedge.registry.model.StreamSpec;
import dev.flinkedge.registry.model.StreamStatus;
import dev.flinkedge.registry.model.StreamType;
import dev.flinkedge.registry.testutil.RegistryInstance;
import dev.flinkedge.registry.testutil.Specs;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code flink-edge plan}'s registry answers a create exactly as the real registry would, without
 * registering anything: the same refusals (unknown parent, lineage cycle, same lineage) and the
 * same fingerprints.
 */
class DryRunRegistryITCase {

    @Order(1)
    @RegisterExtension
    static final EmbeddedKafkaExtension KAFKA = new EmbeddedKafkaExtension();

    private static RegistryInstance registry;
    private static RegistryClient alice;

    @BeforeAll
    static void startRegistry() throws Exception {
        registry = RegistryInstance.start(KAFKA.bootstrapServers(), "_dry_run");
        alice = registry.client("alice");
        alice.create(Specs.raw("Video", "cam-1"));
        alice.create(Specs.derived("Cars", "detect", "alice/Video"));
        alice.create(Specs.raw("Private", "cam-9"));
        alice.grant(new StreamRef("alice", "Cars"), "eve");
    }

    @AfterAll
    static void stopRegistry() throws InterruptedException {
        registry.close();
    }

    @Test
    void refusesAnUnknownParentLikeTheRegistry() {
        assertRefusedLikeTheRegistry(alice, Specs.derived("Orphans", "detect", "alice/Nope"));
    }

    @Test
    void refusesALineageCycleLikeTheRegistry() {
        assertRefusedLikeTheRegistry(alice, Specs.derived("Loop", "detect", "alice/Loop"));
    }

    @Test
    void refusesAStreamWithTheLineageOfAnExistingOneLikeTheRegistry() {
        assertRefusedLikeTheRegistry(alice, Specs.derived("SameCars", "detect", "alice/Video"));
    }

    @Test
    void refusesAParentTheCallerMayNotRead() {
        RegistryClient bob = registry.client("bob");
        StreamSpec spec = Specs.derived("Peek", "detect", "alice/Private");
        RegistryException real =
                catchThrowableOfType(RegistryException.class, () -> bob.create(spec));
        assertThat(real).as("the registry refuses").isNotNull();

        assertThatThrownBy(() -> new DryRunRegistry(bob, "bob").create(spec))
                .isInstanceOf(RegistryException.class);
    }

    @Test
    void givesAPlannedStreamTheFingerprintTheRegistryWouldGiveIt() {
        StreamSpec plates = Specs.derived("Plates", "recognise", "alice/Cars");
        DryRunRegistry dryRun = new DryRunRegistry(alice, "alice");

        StreamDescriptor planned = dryRun.create(plates);
        // A stream planned in the same run is a parent like a registered one.
        StreamDescriptor chained = dryRun.create(Specs.derived("Chars", "split", "alice/Plates"));

        assertThat(planned.status()).isEqualTo(StreamStatus.DECLARED);
        assertThat(chained.lineage().parents()).containsExactly(planned.fingerprint());
        assertThat(alice.list("alice", StreamType.DERIVED))
                .extracting(StreamDescriptor::name)
                .containsExactly("Cars");
        // Derived fingerprints do not depend on the owner: eve registers the same lineage.
        StreamDescriptor registered = registry.client("eve").create(plates);
        assertThat(planned.fingerprint()).isEqualTo(registered.fingerprint());
        assertThat(planned.lineage()).isEqualTo(registered.lineage());
    }

    private static void assertRefusedLikeTheRegistry(RegistryClient client, StreamSpec spec) {
        RegistryException real =
                catchThrowableOfType(RegistryException.class, () -> client.create(spec));
        assertThat(real).as("the registry refuses " + spec.name()).isNotNull();

        assertThatThrownBy(() -> new DryRunRegistry(client, client.principal()).create(spec))
                .isInstanceOf(RegistryException.class)
                .satisfies(
                        e ->
                                assertThat(((RegistryException) e).errorCode())
                                        .isEqualTo(real.errorCode()));
    }
}
