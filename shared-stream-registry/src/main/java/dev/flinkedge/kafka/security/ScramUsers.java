package dev.flinkedge.kafka.security;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Creates or replaces SCRAM-SHA-512 credentials through Kafka's Admin API; the caller needs ALTER
 * on the cluster (a super user). Replacing a credential is how a password is rotated: clients with
 * the old password keep their connections until they log in again.
 */
public final class ScramUsers {

    /** Kafka's recommended minimum for SCRAM-SHA-512 is 4096; 8192 costs a login ~10 ms. */
    static final int ITERATIONS = 8192;

    private ScramUsers() {}

    /** Creates or replaces the SCRAM-SHA-512 credential of each of {@code users}. */
    public static void upsert(Admin admin, Collection<SaslCredentials> users, Duration timeout)
            throws InterruptedException {
        if (users.isEmpty()) {
            return;
        }
        List<UserScramCredentialAlteration> changes = new ArrayList<>();
        for (SaslCredentials u : users) {
            changes.add(
                    new UserScramCredentialUpsertion(
                            u.user(),
                            new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, ITERATIONS),
                            u.password()));
        }
        try {
            admin.alterUserScramCredentials(changes)
                    .all()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new IllegalStateException(
                    "Could not create the SCRAM credentials of "
                            + users.stream().map(SaslCredentials::user).toList()
                            + ": "
                            + cause
                            + ". The caller must be a Kafka super user and the broker must"
                            + " enable SCRAM-SHA-512.",
                    cause);
        }
    }
}
