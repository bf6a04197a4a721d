package dev.flinkedge.registry.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flinkedge.registry.model.Guarantee;
import dev.flinkedge.registry.model.SerializerFormat;
import dev.flinkedge.registry.model.StreamDescriptor;
import dev.flinkedge.registry.model.StreamStatus;
import dev.flinkedge.registry.model.StreamType;
import dev.flinkedge.registry.model.WindowSpec;

import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

class AclPlanTest {

    private static final ProductTopics TOPICS =
            new ProductTopics("_flinkedge_streams", "_flinkedge_policies", "_flinkedge_metrics");
    private final AclPlan plan = new AclPlan(TOPICS, List.of("city-a", "city-b"), "sched");

    @Test
    void ownersGetTheirOwnPrefixesOnly() {
        Set<AclBinding> acls = plan.bindings(List.of(), d -> Set.of());
        assertThat(patterns(acls, "User:city-a"))
                .contains(
                        "TOPIC:PREFIXED:flinkedge.city--a.",
                        "GROUP:PREFIXED:flinkedge.city--a.",
                        "TRANSACTIONAL_ID:PREFIXED:flinkedge.city--a.",
                        "TOPIC:LITERAL:_flinkedge_streams",
                        "TOPIC:LITERAL:_flinkedge_policies",
                        "TOPIC:LITERAL:_flinkedge_metrics")
                .noneMatch(p -> p.contains("city-b"));
    }

    @Test
    void nobodyButTheRegistryMayWriteTheRegistryTopicAndOnlyTheSchedulerWritesPolicies() {
        Set<AclBinding> acls = plan.bindings(List.of(), d -> Set.of());
        assertThat(acls)
                .filteredOn(b -> b.pattern().name().equals("_flinkedge_streams"))
                .extracting(b -> b.entry().operation())
                .containsOnly(AclOperation.READ, AclOperation.DESCRIBE);
        assertThat(acls)
                .filteredOn(b -> b.pattern().name().equals("_flinkedge_policies"))
                .filteredOn(b -> b.entry().operation() == AclOperation.WRITE)
                .extracting(b -> b.entry().principal())
                .containsExactly("User:sched");
    }

    @Test
    void aGrantAddsReadOnThatTopicForTheGranteeOnly() {
        StreamDescriptor stream = descriptor("city-a", "VehicleStream");
        Set<AclBinding> acls = plan.bindings(List.of(stream), d -> Set.of("city-b", "stranger"));
        AclBinding read =
                new AclBinding(
                        new ResourcePattern(
                                ResourceType.TOPIC, stream.topic(), PatternType.LITERAL),
                        new AccessControlEntry(
                                "User:city-b", "*", AclOperation.READ, AclPermissionType.ALLOW));
        assertThat(acls).contains(read);
        // A grantee without a Kafka principal gets no ACL; revoking is removing the grant.
        assertThat(patterns(acls, "User:stranger")).isEmpty();
        assertThat(plan.bindings(List.of(stream), d -> Set.of())).doesNotContain(read);
    }

    @Test
    void managesOnlyTheProductsResources() {
        AclBinding foreign =
                new AclBinding(
                        new ResourcePattern(ResourceType.TOPIC, "payments", PatternType.LITERAL),
                        new AccessControlEntry(
                                "User:city-a", "*", AclOperation.READ, AclPermissionType.ALLOW));
        assertThat(plan.manages(foreign)).isFalse();
        assertThat(plan.bindings(List.of(), d -> Set.of())).allMatch(plan::manages);
    }

    private static StreamDescriptor descriptor(String owner, String name) {
        return new StreamDescriptor(
                owner,
                name,
                StreamType.RAW,
                WindowSpec.none(),
                SerializerFormat.KRYO,
                "dev.flinkedge.Frame",
                Guarantee.AT_LEAST_ONCE,
                null,
                null,
                false,
                1,
                StreamStatus.ACTIVE,
                null,
                StreamDescriptor.topicFor(owner, name),
                "b".repeat(64),
                List.of(),
                List.of(),
                0L,
                0L);
    }

    private static Set<String> patterns(Set<AclBinding> acls, String principal) {
        return acls.stream()
                .filter(b -> b.entry().principal().equals(principal))
                .map(
                        b ->
                                b.pattern().resourceType()
                                        + ":"
                                        + b.pattern().patternType()
                                        + ":"
                                        + b.pattern().name())
                .collect(Collectors.toSet());
    }
}
