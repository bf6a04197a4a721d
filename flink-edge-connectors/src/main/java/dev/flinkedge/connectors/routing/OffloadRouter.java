package dev.flinkedge.connectors.routing;

import dev.flinkedge.connectors.model.Frame;
import dev.flinkedge.connectors.policy.PolicyChange;

import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.util.Preconditions;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Splits a site's frames between local processing and offloading to other sites, following the
 * cameras' policies at run time: for a camera whose policy says {@code offload {targetSite,
 * fraction}}, that fraction of its frames goes to the branch of {@code targetSite}, chosen per
 * sequence number ({@link OffloadSplit}), the rest stays local. Policies arrive through broadcast
 * state from the policy topic ({@link dev.flinkedge.connectors.policy.PolicyChanges}), so a new
 * fraction takes effect without restarting the job. Every frame gets a {@link RouteStamp}.
 *
 * <pre>{@code
 * OffloadRouter router = OffloadRouter.builder()
 *         .setLocalSite("edge-1")
 *         .setTargetSites(List.of("cloud"))
 *         .build();
 * OffloadRouter.Routed routed = router.route(frames,
 *         PolicyChanges.stream(env, kafka, KafkaPolicyProvider.DEFAULT_TOPIC));
 * routed.local().map(new Detect());                      // at edge-1
 * routed.offloadedTo("cloud").map(new Detect());         // in the cloud's slot sharing group
 * }</pre>
 *
 * <p>Branches must be declared up front because Flink's graph is fixed; a policy naming a site
 * without a branch keeps the camera's frames local (logged once per camera and site).
 */
@PublicEvolving
public final class OffloadRouter {

    private final String localSite;
    private final List<String> targetSites;

    private OffloadRouter(String localSite, List<String> targetSites) {
        this.localSite = localSite;
        this.targetSites = targetSites;
    }

    /** A builder; local site and target sites are required. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Adds the router after {@code frames}.
     *
     * @param frames the frames entering at the local site
     * @param policies the policy topic's changes, broadcast to every router subtask
     * @return the local branch and one branch per target site
     */
    public Routed route(DataStream<Frame> frames, DataStream<PolicyChange> policies) {
        SingleOutputStreamOperator<Frame> routed =
                frames.connect(policies.broadcast(OffloadRouterFunction.OFFLOADS))
                        .process(
                                new OffloadRouterFunction(localSite, targetSites),
                                TypeInformation.of(Frame.class))
                        .name("offload-router@" + localSite);
        Map<String, DataStream<Frame>> branches = new TreeMap<>();
        for (String site : targetSites) {
            branches.put(site, routed.getSideOutput(OffloadRouterFunction.outputTag(site)));
        }
        return new Routed(routed, branches);
    }

    /** The branches after a router. */
    public static final class Routed {
        private final SingleOutputStreamOperator<Frame> local;
        private final Map<String, DataStream<Frame>> offloaded;

        private Routed(
                SingleOutputStreamOperator<Frame> local, Map<String, DataStream<Frame>> offloaded) {
            this.local = local;
            this.offloaded = offloaded;
        }

        /** Frames processed at the local site; also the router operator itself, to configure it. */
        public SingleOutputStreamOperator<Frame> local() {
            return local;
        }

        /**
         * Frames offloaded to {@code site}.
         *
         * @throws IllegalArgumentException if {@code site} is not a target of the router
         */
        public DataStream<Frame> offloadedTo(String site) {
            DataStream<Frame> branch = offloaded.get(site);
            if (branch == null) {
                throw new IllegalArgumentException(
                        "The router has no branch for site '"
                                + site
                                + "'; its target sites are "
                                + offloaded.keySet());
            }
            return branch;
        }
    }

    /** Builds an {@link OffloadRouter}. */
    public static final class Builder {
        private String localSite;
        private final Set<String> targetSites = new LinkedHashSet<>();

        private Builder() {}

        /** The site the router runs at; frames that are not offloaded are processed there. */
        public Builder setLocalSite(String site) {
            this.localSite = site;
            return this;
        }

        /** The sites frames may be offloaded to; each gets a branch. */
        public Builder setTargetSites(List<String> sites) {
            targetSites.clear();
            targetSites.addAll(sites);
            return this;
        }

        /**
         * Checks the settings and builds the router.
         *
         * @throws NullPointerException if the local site is missing
         * @throws IllegalArgumentException if there is no target site or one is the local site or
         *     not a valid site id
         */
        public OffloadRouter build() {
            Preconditions.checkNotNull(
                    localSite, "Property %s is required but not provided", "localSite");
            Preconditions.checkArgument(
                    !targetSites.isEmpty(),
                    "Property %s is required but not provided; name the sites frames may be"
                            + " offloaded to",
                    "targetSites");
            Preconditions.checkArgument(
                    !targetSites.contains(localSite),
                    "Target sites %s include the local site '%s'; frames kept there are the local"
                            + " branch",
                    targetSites,
                    localSite);
            for (String site : targetSites) {
                // Validates the ids as route stamps will carry them.
                RouteStamp.local(site, 0);
            }
            RouteStamp.local(localSite, 0);
            return new OffloadRouter(localSite, new ArrayList<>(targetSites));
        }
    }
}
