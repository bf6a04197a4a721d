package dev.flinkedge.registry.access;

import dev.flinkedge.kafka.security.SaslCredentials;
import dev.flinkedge.kafka.security.ScramUsers;
import dev.flinkedge.kafka.security.SecretFiles;
import dev.flinkedge.registry.storage.RegistryConfig;
import dev.flinkedge.registry.storage.RegistryState;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.acl.AclBinding;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Keeps Kafka's credentials and ACLs in step with the registry: creates each principal's
 * SCRAM-SHA-512 credential at start, and after every change to the registry's state (a stream
 * created or deleted, a grant or a revoke) and every {@code kafka.acl.sync.interval.ms} makes the
 * broker's ACLs those of {@link AclPlan}. Runs in the registry, whose principal is the super user
 * that may change ACLs.
 */
public final class KafkaAccessControl implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaAccessControl.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Admin admin;
    private final RegistryState state;
    private final AclPlan plan;
    private final AclSync sync;
    private final ScheduledExecutorService executor;
    private final AtomicBoolean pending = new AtomicBoolean();

    /** What the last successful sync made the ACLs; read and written on the sync thread only. */
    private Set<AclBinding> applied;

    private KafkaAccessControl(Admin admin, RegistryState state, AclPlan plan) {
        this.admin = admin;
        this.state = state;
        this.plan = plan;
        this.sync = new AclSync(admin, TIMEOUT);
        this.executor =
                Executors.newSingleThreadScheduledExecutor(
                        r -> {
                            Thread t = new Thread(r, "flinkedge-registry-acls");
                            t.setDaemon(true);
                            return t;
                        });
    }

    /**
     * Creates the credentials of the users in {@code kafka.users.file}, applies the ACLs once and
     * keeps them in step with {@code state} until closed.
     *
     * @throws IllegalStateException if Kafka refuses (the registry's principal is not a super user,
     *     or the broker has no authorizer)
     */
    public static KafkaAccessControl start(RegistryConfig config, RegistryState state)
            throws IOException, InterruptedException {
        List<SaslCredentials> users =
                loadUsers(Path.of(config.getString(RegistryConfig.KAFKA_USERS_FILE)));
        String scheduler = config.getString(RegistryConfig.KAFKA_SCHEDULER_USER);
        TreeSet<String> owners = new TreeSet<>();
        users.stream()
                .map(SaslCredentials::user)
                .filter(u -> !u.equals(scheduler))
                .forEach(owners::add);
        AclPlan plan =
                new AclPlan(
                        new ProductTopics(
                                config.topic(),
                                config.getString(RegistryConfig.KAFKA_POLICY_TOPIC),
                                config.getString(RegistryConfig.KAFKA_METRICS_TOPIC)),
                        owners,
                        scheduler);
        Admin admin = Admin.create(config.kafkaClientConfig().toProperties());
        KafkaAccessControl control = new KafkaAccessControl(admin, state, plan);
        try {
            ScramUsers.upsert(admin, users, TIMEOUT);
            control.syncNow();
        } catch (ExecutionException | TimeoutException e) {
            control.close();
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new IllegalStateException(
                    "Could not set the Kafka ACLs: "
                            + cause
                            + ". The registry's principal must be a super user of a broker that"
                            + " runs an authorizer (see docs/operations.md, Security model).",
                    cause);
        } catch (RuntimeException | InterruptedException e) {
            control.close();
            throw e;
        }
        state.addListener((ref, now) -> control.requestSync());
        long interval = config.getLong(RegistryConfig.KAFKA_ACL_SYNC_INTERVAL_MS);
        control.executor.scheduleWithFixedDelay(
                control::syncQuietly, interval, interval, TimeUnit.MILLISECONDS);
        LOG.info(
                "Kafka access control on: SCRAM credentials of {} owners and the scheduler '{}';"
                        + " ACLs follow grants",
                owners.size(),
                scheduler);
        return control;
    }

    /** Loads {@code user=password} lines (Java properties syntax; '#' starts a comment). */
    static List<SaslCredentials> loadUsers(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(
                    "Kafka users file "
                            + file
                            + " does not exist; set "
                            + RegistryConfig.KAFKA_USERS_FILE
                            + " to a file of 'user=password' lines");
        }
        List<SaslCredentials> users = new ArrayList<>();
        for (Map.Entry<String, String> line : SecretFiles.readProperties(file).entrySet()) {
            String user = line.getKey();
            String password = line.getValue().trim();
            if (password.isEmpty()) {
                throw new IOException(
                        "Kafka users file " + file + ": user '" + user + "' has no password");
            }
            users.add(SaslCredentials.of(user.trim(), password));
        }
        return users;
    }

    /**
     * Syncs on the next turn of the sync thread if the registry's change altered the ACLs it calls
     * for; calls while one is pending coalesce. Most changes (lease renewals, subscription
     * heartbeats) alter none, and then Kafka is not asked.
     */
    void requestSync() {
        if (pending.compareAndSet(false, true)) {
            executor.execute(
                    () -> {
                        pending.set(false);
                        if (!desired().equals(applied)) {
                            syncQuietly();
                        }
                    });
        }
    }

    private Set<AclBinding> desired() {
        return plan.bindings(state.all(), d -> state.grantees(d.ref()));
    }

    private void syncNow() throws InterruptedException, ExecutionException, TimeoutException {
        Set<AclBinding> desired = desired();
        sync.apply(plan, desired);
        applied = desired;
    }

    /**
     * Brings the ACLs in step, whatever the last sync applied: repairs ACLs changed from outside.
     */
    private void syncQuietly() {
        try {
            syncNow();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            applied = null;
            LOG.warn(
                    "Kafka ACLs could not be brought in step with the registry: {}; retrying"
                            + " after the next change or within "
                            + "the sync interval",
                    e.toString());
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
        admin.close(Duration.ofSeconds(5));
    }
}
