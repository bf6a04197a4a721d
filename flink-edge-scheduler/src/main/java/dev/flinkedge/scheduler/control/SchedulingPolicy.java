package dev.flinkedge.scheduler.control;

import java.util.List;

/**
 * Decides every control period what each camera should deliver and where its frames are processed,
 * from the latest metrics, site loads, link bandwidths and current policies. Created by name
 * through {@link SchedulingPolicies}; called by one thread, so implementations may keep state
 * between periods.
 *
 * <pre>{@code
 * SchedulingPolicy policy = SchedulingPolicies.create("slo-feedback", settings, topology);
 * for (PolicyDecision d : policy.decide(input)) {
 *     publish(d.policy());
 * }
 * }</pre>
 */
public interface SchedulingPolicy {

    /** The name it is chosen by, e.g. {@code slo-feedback}. */
    String name();

    /**
     * Decides one period.
     *
     * @param input what the loop observed
     * @return the wanted policy of each camera the policy has an opinion about; cameras left out
     *     keep theirs, and a wanted policy equal to the current one changes nothing
     */
    List<PolicyDecision> decide(ControlInput input);
}
