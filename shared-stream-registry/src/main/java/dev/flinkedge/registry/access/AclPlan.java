package dev.flinkedge.registry.access;

import dev.flinkedge.registry.model.StreamDescriptor;

import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * The Kafka ACLs the registry's state calls for — where a grant becomes a permission. Pure: the
 * same streams, grants and principals always give the same set, which {@link AclSync} makes the
 * broker's.
 *
 * <ul>
 *   <li>An owner reads, writes and creates its own stream topics (a prefix that no other owner's
 *       topics share), uses its tap transactional ids and reader consumer groups, reads the
 *       registry and policy topics and writes the metrics topic.
 *   <li>A grant adds READ on that stream's topic for the grantee; a revoke or a delete removes it.
 *   <li>The scheduler writes the policy topic and reads the metrics topic.
 *   <li>Only the registry's principal, a super user, writes the registry topic and uses its
 *       transactional id: no ACL names them.
 * </ul>
 */
public final class AclPlan {

    private final ProductTopics topics;
    private final Set<String> owners;
    private final String scheduler;

    /**
     * @param topics the product's shared topics
     * @param owners SASL user names of the stream owners (one principal per owner)
     * @param scheduler SASL user name of the scheduler
     */
    public AclPlan(ProductTopics topics, Collection<String> owners, String scheduler) {
        this.topics = Objects.requireNonNull(topics, "topics");
        this.owners = Set.copyOf(owners);
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    }

    /**
     * The ACLs for these streams.
     *
     * @param streams every stream in the registry
     * @param grantees the principals a stream is granted to
     */
    public Set<AclBinding> bindings(
            Collection<StreamDescriptor> streams,
            Function<StreamDescriptor, Set<String>> grantees) {
        Set<AclBinding> acls = new HashSet<>();
        for (String owner : owners) {
            String user = "User:" + owner;
            allow(
                    acls,
                    user,
                    prefixed(ResourceType.TOPIC, ResourceNames.ownerPrefix(owner)),
                    AclOperation.READ,
                    AclOperation.WRITE,
                    AclOperation.CREATE,
                    AclOperation.DESCRIBE,
                    AclOperation.DESCRIBE_CONFIGS);
            allow(
                    acls,
                    user,
                    prefixed(ResourceType.GROUP, ResourceNames.ownerPrefix(owner)),
                    AclOperation.READ,
                    AclOperation.DESCRIBE);
            allow(
                    acls,
                    user,
                    prefixed(ResourceType.TRANSACTIONAL_ID, ResourceNames.ownerPrefix(owner)),
                    AclOperation.WRITE,
                    AclOperation.DESCRIBE);
            allow(
                    acls,
                    user,
                    literal(ResourceType.TOPIC, topics.registry()),
                    AclOperation.READ,
                    AclOperation.DESCRIBE);
            // CREATE lets the first camera create the policy topic, compacted as cameras need it,
            // before any scheduler ran; writing policies stays the scheduler's alone.
            allow(
                    acls,
                    user,
                    literal(ResourceType.TOPIC, topics.policies()),
                    AclOperation.READ,
                    AclOperation.CREATE,
                    AclOperation.DESCRIBE,
                    AclOperation.DESCRIBE_CONFIGS);
            allow(
                    acls,
                    user,
                    literal(ResourceType.TOPIC, topics.metrics()),
                    AclOperation.WRITE,
                    AclOperation.CREATE,
                    AclOperation.DESCRIBE,
                    AclOperation.DESCRIBE_CONFIGS);
        }
        for (StreamDescriptor d : streams) {
            for (String grantee : grantees.apply(d)) {
                if (owners.contains(grantee) && !grantee.equals(d.owner())) {
                    allow(
                            acls,
                            "User:" + grantee,
                            literal(ResourceType.TOPIC, d.topic()),
                            AclOperation.READ,
                            AclOperation.DESCRIBE);
                }
            }
        }
        String sched = "User:" + scheduler;
        allow(
                acls,
                sched,
                literal(ResourceType.TOPIC, topics.policies()),
                AclOperation.READ,
                AclOperation.WRITE,
                AclOperation.CREATE,
                AclOperation.DESCRIBE,
                AclOperation.DESCRIBE_CONFIGS);
        allow(
                acls,
                sched,
                literal(ResourceType.TOPIC, topics.metrics()),
                AclOperation.READ,
                AclOperation.CREATE,
                AclOperation.DESCRIBE,
                AclOperation.DESCRIBE_CONFIGS);
        return acls;
    }

    /**
     * Whether {@code binding} is on a resource the product manages, so that {@link AclSync} may
     * delete it when the plan no longer calls for it; ACLs an operator added on other resources are
     * left alone.
     */
    boolean manages(AclBinding binding) {
        String name = binding.pattern().name();
        return name.startsWith(ResourceNames.PRODUCT_PREFIX)
                || (binding.pattern().resourceType() == ResourceType.TOPIC
                        && List.of(topics.registry(), topics.policies(), topics.metrics())
                                .contains(name));
    }

    private static ResourcePattern prefixed(ResourceType type, String prefix) {
        return new ResourcePattern(type, prefix, PatternType.PREFIXED);
    }

    private static ResourcePattern literal(ResourceType type, String name) {
        return new ResourcePattern(type, name, PatternType.LITERAL);
    }

    private static void allow(
            Set<AclBinding> acls, String principal, ResourcePattern pattern, AclOperation... ops) {
        for (AclOperation op : ops) {
            acls.add(
                    new AclBinding(
                            pattern,
                            new AccessControlEntry(principal, "*", op, AclPermissionType.ALLOW)));
        }
    }
}
