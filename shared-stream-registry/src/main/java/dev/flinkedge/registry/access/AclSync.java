package dev.flinkedge.registry.access;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Makes the broker's ACLs on the product's resources equal to a desired set: creates the missing,
 * deletes the ones no longer called for. Idempotent, so that running it after every change and
 * periodically also repairs ACLs changed by hand or missed while Kafka was unreachable.
 */
final class AclSync {

    private static final Logger LOG = LoggerFactory.getLogger(AclSync.class);

    private final Admin admin;
    private final Duration timeout;

    AclSync(Admin admin, Duration timeout) {
        this.admin = admin;
        this.timeout = timeout;
    }

    /**
     * Applies {@code desired}; ACLs outside {@code plan}'s resources are not touched.
     *
     * @return how many ACLs were created and deleted
     */
    Changes apply(AclPlan plan, Set<AclBinding> desired)
            throws InterruptedException, ExecutionException, TimeoutException {
        Set<AclBinding> actual = new HashSet<>();
        for (AclBinding b :
                admin.describeAcls(AclBindingFilter.ANY)
                        .values()
                        .get(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            if (plan.manages(b)) {
                actual.add(b);
            }
        }
        Set<AclBinding> create = new HashSet<>(desired);
        create.removeAll(actual);
        Set<AclBinding> delete = new HashSet<>(actual);
        delete.removeAll(desired);
        // Deletes first: a revoke must not wait behind the creates of a new owner.
        if (!delete.isEmpty()) {
            List<AclBindingFilter> filters = delete.stream().map(AclBinding::toFilter).toList();
            admin.deleteAcls(filters).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            delete.forEach(b -> LOG.info("Kafka ACL removed: {}", describe(b)));
        }
        if (!create.isEmpty()) {
            admin.createAcls(create).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            create.forEach(b -> LOG.debug("Kafka ACL added: {}", describe(b)));
            LOG.info("Kafka ACLs added: {}", create.size());
        }
        return new Changes(create.size(), delete.size());
    }

    private static String describe(AclBinding b) {
        return b.entry().permissionType()
                + " "
                + b.entry().operation()
                + " on "
                + b.pattern().resourceType()
                + " "
                + b.pattern().patternType()
                + " '"
                + b.pattern().name()
                + "' to "
                + b.entry().principal();
    }

    /** What one sync changed. */
    record Changes(int created, int deleted) {}
}
