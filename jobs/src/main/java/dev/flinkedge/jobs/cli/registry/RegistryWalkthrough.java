package dev.flinkedge.jobs.cli.registry;

import dev.flinkedge.registry.client.StreamRegistry;
import dev.flinkedge.registry.model.StreamDescriptor;
import dev.flinkedge.registry.model.StreamRef;
import dev.flinkedge.registry.model.StreamStatus;
import dev.flinkedge.registry.model.Subscription;
import dev.flinkedge.registry.service.RegistryService;

import java.io.PrintWriter;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The demo's story, told by running {@code flink-edge streams} commands as two cities: city-a
 * publishes vehicle detection over its cameras; city-b, once granted, finds the same computation by
 * its lineage fingerprint and subscribes instead of running a second detector; city-a's revoke ends
 * city-b's subscription. After each command the registry's state is checked in-process.
 */
final class RegistryWalkthrough {

    static final String CITY_A = "city-a";
    static final String CITY_B = "city-b";
    static final StreamRef VIDEO = new StreamRef(CITY_A, "VideoStream");
    static final StreamRef VEHICLES = new StreamRef(CITY_A, "VehicleStream");

    private static final Pattern FINGERPRINT_LINE =
            Pattern.compile("(?m)^fingerprint ([0-9a-f]{64})$");
    private static final String[] DETECT_LINEAGE = {
        "--operator",
        "detect",
        "--op-version",
        "1",
        "--param",
        "model=yolov8n",
        "--parent",
        VIDEO.toString()
    };
    private static final int STEPS = 9;

    private final InProcessCli cli;
    private final StreamRegistry cityA;
    private final StreamRegistry cityB;
    private final PrintWriter out;
    private String fingerprint;

    /**
     * What the walkthrough showed.
     *
     * @param stepsOk steps whose commands and checks passed, in order until the first failure
     * @param steps all steps
     * @param fingerprint the lineage fingerprint of city-a/VehicleStream, or null if not reached
     * @param failure what went wrong at the first failed step, or null
     */
    record Outcome(int stepsOk, int steps, String fingerprint, String failure) {
        boolean ok() {
            return failure == null;
        }
    }

    RegistryWalkthrough(InProcessCli cli, RegistryService service, PrintWriter out) {
        this.cli = cli;
        this.cityA = service.as(CITY_A);
        this.cityB = service.as(CITY_B);
        this.out = out;
    }

    /** Tells the story; stops at the first step whose command or check fails. */
    Outcome run() {
        Step[] steps = {
            this::registerCameras,
            this::registerDetection,
            this::startProducer,
            this::resolveWithoutGrant,
            this::grant,
            this::resolveWithGrant,
            this::subscribe,
            this::describeSubscriber,
            this::revoke
        };
        for (int i = 0; i < steps.length; i++) {
            try {
                steps[i].run(i + 1);
            } catch (StepFailed | RuntimeException e) {
                return new Outcome(
                        i, STEPS, fingerprint, "step " + (i + 1) + ": " + e.getMessage());
            }
        }
        return new Outcome(STEPS, STEPS, fingerprint, null);
    }

    private void registerCameras(int n) throws StepFailed {
        title(n, "city-a registers its two cameras as a RAW stream");
        expect(
                0,
                cli.run(
                        CITY_A,
                        "streams",
                        "create",
                        VIDEO.name(),
                        "--type",
                        "RAW",
                        "--device",
                        "cam-1",
                        "--device",
                        "cam-2"));
        check(
                cityA.describe(VIDEO).source().devices().equals(List.of("cam-1", "cam-2")),
                "VideoStream should list cam-1 and cam-2");
    }

    private void registerDetection(int n) throws StepFailed {
        title(
                n,
                "city-a registers vehicle detection (detect v1, yolov8n) over it as a DERIVED"
                        + " stream");
        String[] args =
                concat(
                        new String[] {"streams", "create", VEHICLES.name(), "--type", "DERIVED"},
                        DETECT_LINEAGE);
        expect(0, cli.run(CITY_A, args));
        fingerprint = cityA.describe(VEHICLES).fingerprint();
    }

    private void startProducer(int n) throws StepFailed {
        title(n, "city-a's job x+a produces it at site edge-1");
        expect(
                0,
                cli.run(
                        CITY_A,
                        "streams",
                        "status",
                        VEHICLES.toString(),
                        "ACTIVE",
                        "--job",
                        "x+a",
                        "--site",
                        "edge-1"));
        check(
                cityA.describe(VEHICLES).status() == StreamStatus.ACTIVE,
                "VehicleStream should be ACTIVE");
    }

    private void resolveWithoutGrant(int n) throws StepFailed {
        title(
                n,
                "city-b wants the same detection, but without a grant the cameras do not even"
                        + " exist for it");
        InProcessCli.Result r =
                cli.run(CITY_B, concat(new String[] {"streams", "resolve"}, DETECT_LINEAGE));
        expect(1, r);
        check(
                r.err().startsWith("error 40401"),
                "the resolve should answer 404: a stream city-b may not read is not found");
    }

    private void grant(int n) throws StepFailed {
        title(n, "city-a grants city-b read access to both streams");
        expect(0, cli.run(CITY_A, "streams", "grant", VIDEO.toString(), CITY_B));
        expect(0, cli.run(CITY_A, "streams", "grant", VEHICLES.toString(), CITY_B));
    }

    private void resolveWithGrant(int n) throws StepFailed {
        title(
                n,
                "city-b asks again: same lineage, same fingerprint, so it finds city-a's stream"
                        + " - no second detector");
        InProcessCli.Result r =
                cli.run(CITY_B, concat(new String[] {"streams", "resolve"}, DETECT_LINEAGE));
        expect(0, r);
        Matcher m = FINGERPRINT_LINE.matcher(r.out());
        check(
                m.find() && m.group(1).equals(fingerprint),
                "city-b's fingerprint should equal VehicleStream's " + fingerprint);
        List<StreamDescriptor> found = cityB.resolve(fingerprint);
        check(found.get(0).ref().equals(VEHICLES), "city-b should resolve to " + VEHICLES);
    }

    private void subscribe(int n) throws StepFailed {
        title(n, "city-b's job x+b subscribes to city-a's stream");
        expect(0, cli.run(CITY_B, "streams", "subscribe", VEHICLES.toString(), "--job", "x+b"));
        List<Subscription> subs = cityA.describe(VEHICLES).subscriptions();
        check(
                subs.size() == 1
                        && subs.get(0).subscriber().equals(CITY_B)
                        && subs.get(0).jobId().equals("x+b"),
                "VehicleStream should have x+b's lease");
    }

    private void describeSubscriber(int n) throws StepFailed {
        title(n, "city-a sees who reads its stream");
        InProcessCli.Result r = cli.run(CITY_A, "streams", "describe", VEHICLES.toString());
        expect(0, r);
        check(r.out().contains("job x+b by city-b"), "describe should show x+b's subscription");
    }

    private void revoke(int n) throws StepFailed {
        title(n, "city-a revokes city-b: the grants go, and city-b's subscription with them");
        expect(0, cli.run(CITY_A, "streams", "revoke", VEHICLES.toString(), CITY_B));
        expect(0, cli.run(CITY_A, "streams", "revoke", VIDEO.toString(), CITY_B));
        expect(0, cli.run(CITY_A, "streams", "describe", VEHICLES.toString()));
        StreamDescriptor d = cityA.describe(VEHICLES);
        check(
                d.subscriptions().isEmpty() && d.grants().isEmpty(),
                "VehicleStream should have neither grants nor subscriptions");
    }

    private void title(int n, String text) {
        out.println();
        out.println("(" + n + ") " + text);
        out.flush();
    }

    private static void expect(int exitCode, InProcessCli.Result r) throws StepFailed {
        check(
                r.exitCode() == exitCode,
                "expected exit code " + exitCode + " but got " + r.exitCode());
    }

    private static void check(boolean condition, String expectation) throws StepFailed {
        if (!condition) {
            throw new StepFailed(expectation);
        }
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = new String[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    /** One step of the story; {@code n} is its number. */
    @FunctionalInterface
    private interface Step {
        void run(int n) throws StepFailed;
    }

    /** A step's command or check did not do what the story needs. */
    private static final class StepFailed extends Exception {
        private static final long serialVersionUID = 1L;

        StepFailed(String message) {
            super(message);
        }
    }
}
