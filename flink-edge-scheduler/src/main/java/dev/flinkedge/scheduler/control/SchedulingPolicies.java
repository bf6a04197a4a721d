package dev.flinkedge.scheduler.control;

import dev.flinkedge.scheduler.topology.Topology;

import org.apache.flink.configuration.Configuration;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Creates a {@link SchedulingPolicy} by name: {@code fixed}, {@code slo-feedback}, {@code profile}
 * or {@code lifetime}, configured by {@link ControlOptions}.
 *
 * <pre>{@code
 * Configuration conf = new Configuration();
 * conf.set(ControlOptions.POLICY, "profile");
 * conf.set(ControlOptions.PROFILE_FILE, "work/profile.json");
 * SchedulingPolicy policy = SchedulingPolicies.create(conf, topology);
 * }</pre>
 */
public final class SchedulingPolicies {

    /** The names policies are chosen by. */
    public static final List<String> NAMES =
            List.of(
                    FixedPolicy.NAME,
                    SloFeedbackPolicy.NAME,
                    ProfilePolicy.NAME,
                    LifetimePolicy.NAME);

    private SchedulingPolicies() {}

    /**
     * Creates the policy {@link ControlOptions#POLICY} names; the profile policy reads its profile
     * from {@link ControlOptions#PROFILE_FILE}.
     *
     * @param topology the sites and links; required by {@code lifetime}, used by {@code profile}
     * @throws IllegalArgumentException for an unknown name, a missing setting or one out of range
     * @throws IOException when the profile cannot be read
     */
    public static SchedulingPolicy create(Configuration conf, Topology topology)
            throws IOException {
        return create(conf, topology, null);
    }

    /**
     * Creates the policy {@link ControlOptions#POLICY} names.
     *
     * @param profiles the profile policy's profile and re-profiling hook; null to read {@link
     *     ControlOptions#PROFILE_FILE}
     */
    public static SchedulingPolicy create(
            Configuration conf, Topology topology, ProfileSource profiles) throws IOException {
        ControlSettings settings = ControlSettings.from(conf);
        switch (settings.policy()) {
            case FixedPolicy.NAME:
                return new FixedPolicy(settings.best());
            case SloFeedbackPolicy.NAME:
                return new SloFeedbackPolicy(
                        ConfigLadder.from(
                                settings.best(),
                                ControlSettings.inRange(
                                        conf,
                                        ControlOptions.FEEDBACK_MIN_FPS,
                                        0,
                                        false,
                                        Double.MAX_VALUE,
                                        true),
                                ControlSettings.inRange(
                                        conf,
                                        ControlOptions.FEEDBACK_FRAME_COST_SHARE,
                                        0,
                                        true,
                                        1,
                                        true)),
                        SloFeedbackPolicy.Settings.from(conf));
            case ProfilePolicy.NAME:
                ProfileSource source = profiles;
                if (source == null) {
                    String file =
                            conf.getOptional(ControlOptions.PROFILE_FILE)
                                    .orElseThrow(
                                            () ->
                                                    new IllegalArgumentException(
                                                            "The profile policy needs "
                                                                    + ControlOptions.PROFILE_FILE
                                                                            .key()
                                                                    + ": a JSON profile, see"
                                                                    + " docs/scheduler.md"));
                    source = ProfileSource.file(Path.of(file));
                }
                return new ProfilePolicy(source, ProfilePolicy.Settings.from(conf));
            case LifetimePolicy.NAME:
                if (topology == null) {
                    throw new IllegalArgumentException(
                            "The lifetime policy needs a topology: each site balances with its"
                                    + " parent; pass --topology FILE");
                }
                return new LifetimePolicy(topology, LifetimePolicy.settings(conf));
            default:
                throw new IllegalArgumentException(
                        "Unknown scheduling policy '"
                                + settings.policy()
                                + "'; choose one of "
                                + NAMES);
        }
    }
}
