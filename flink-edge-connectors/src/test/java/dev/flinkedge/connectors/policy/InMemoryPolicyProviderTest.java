package dev.flinkedge.connectors.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flinkedge.connectors.model.CameraPolicy;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

/** Defaults, updates, withdrawals and listeners of {@link InMemoryPolicyProvider}. */
class InMemoryPolicyProviderTest {

    private final InMemoryPolicyProvider provider =
            new InMemoryPolicyProvider(cam -> CameraPolicy.of(cam, 10, 1280, 720));

    @Test
    void servesTheDefaultUntilAPolicyIsPublished() {
        assertThat(provider.current("cam-1")).isEqualTo(CameraPolicy.of("cam-1", 10, 1280, 720));
        assertThat(provider.published("cam-1")).isEmpty();

        CameraPolicy p = CameraPolicy.of("cam-1", 2, 640, 360).withVersion(1);
        provider.update(p);

        assertThat(provider.current("cam-1")).isEqualTo(p);
        assertThat(provider.published("cam-1")).contains(p);
        assertThat(provider.current("cam-2").fps()).isEqualTo(10);
        assertThat(provider.cameras()).containsExactly("cam-1");
        provider.remove("cam-1");
        assertThat(provider.cameras()).isEmpty();
    }

    @Test
    void listenersSeeChangesAndWithdrawalsUntilRemoved() throws Exception {
        List<String> events = new ArrayList<>();
        AutoCloseable registration =
                provider.addListener(
                        (cam, p) -> events.add(cam + "=" + (p == null ? "default" : p.fps())));

        provider.update(CameraPolicy.of("cam-1", 2, 640, 360));
        provider.update(CameraPolicy.of("cam-1", 2, 640, 360));
        provider.remove("cam-1");
        provider.remove("cam-1");
        registration.close();
        provider.update(CameraPolicy.of("cam-1", 3, 640, 360));

        assertThat(events).containsExactly("cam-1=2.0", "cam-1=default");
    }

    @Test
    void aFailingListenerDoesNotStopOthers() {
        List<String> seen = new ArrayList<>();
        provider.addListener(
                (cam, p) -> {
                    throw new IllegalStateException("boom");
                });
        provider.addListener((cam, p) -> seen.add(cam));

        provider.update(CameraPolicy.of("cam-1", 2, 640, 360));

        assertThat(seen).containsExactly("cam-1");
    }

    @Test
    void noDefaultIsReportedByCamera() {
        InMemoryPolicyProvider withoutDefaults = new InMemoryPolicyProvider(cam -> null);

        assertThatThrownBy(() -> withoutDefaults.current("cam-9"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cam-9");
    }
}
