package dev.flinkedge.jobs.cli.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flinkedge.jobs.cli.CliRun;

import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs {@code flink-edge demo}, which starts its own embedded Kafka and registry. */
class RegistryDemoCommandITCase {

    private static final Pattern CREATED_VEHICLES =
            Pattern.compile(
                    "created city-a/VehicleStream: DERIVED, DECLARED, fingerprint ([0-9a-f]{64})");
    private static final Pattern RESOLVED_FINGERPRINT =
            Pattern.compile("(?m)^fingerprint ([0-9a-f]{64})$");

    @Test
    void showsTheRefusedResolveThenTheReuseThenTheRevokedSubscription() {
        CliRun run = CliRun.of("registry", "demo", "--work-dir", "target/demo-it");
        String out = run.out();
        assertThat(run.exitCode()).as(out + run.err()).isZero();

        Matcher created = CREATED_VEHICLES.matcher(out);
        assertThat(created.find()).as(out).isTrue();
        String fingerprint = created.group(1);

        int refused = out.indexOf("error 40401: Stream city-a/VideoStream not found");
        int granted = out.indexOf("(5) city-a grants city-b");
        assertThat(refused).as(out).isPositive().isLessThan(granted);

        Matcher resolved = RESOLVED_FINGERPRINT.matcher(out);
        assertThat(resolved.find(granted)).as(out).isTrue();
        assertThat(resolved.group(1)).isEqualTo(fingerprint);
        assertThat(out.substring(resolved.end()))
                .containsPattern("city-a/VehicleStream +DERIVED +ACTIVE +x\\+a @ edge-1");

        int subscribed = out.indexOf("job x+b by city-b", resolved.end());
        int revoked = out.indexOf("$ flink-edge streams revoke city-a/VehicleStream city-b");
        assertThat(subscribed).as(out).isPositive().isLessThan(revoked);
        String afterRevoke = out.substring(revoked);
        assertThat(afterRevoke).contains("subscriptions  none").doesNotContain("job x+b by");

        assertThat(out)
                .contains("Stopped the registry and Kafka.")
                .contains("fingerprint    " + fingerprint)
                .contains("steps          9/9 OK");
        assertThat(run.err()).isEmpty();
    }
}
