package dev.flinkedge.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flinkedge.jobs.cli.CliRun;

import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

/** Job arguments become a checked configuration; mistakes are named with the fix. */
class JobArgumentsTest {

    private static Configuration parse(String... args) {
        return JobArguments.parse(args, TrafficJobOptions.all());
    }

    @Test
    void keyValuePairsBecomeTypedOptionsAndDefaultsFillTheRest() {
        Configuration conf =
                parse(
                        "--owner",
                        "city-a",
                        "--count.window",
                        "30 s",
                        "-detect.confidence",
                        "0.5",
                        "--areas",
                        "a@48.1,11.5;b@48.2,-11.6",
                        "--areas.radius",
                        "120.5");

        assertThat(JobArguments.require(conf, TrafficJobOptions.OWNER)).isEqualTo("city-a");
        assertThat(conf.get(TrafficJobOptions.COUNT_WINDOW)).isEqualTo(Duration.ofSeconds(30));
        assertThat(conf.get(TrafficJobOptions.DETECT_CONFIDENCE)).isEqualTo(0.5f);
        assertThat(conf.get(TrafficJobOptions.AREAS))
                .containsExactly("a@48.1,11.5", "b@48.2,-11.6");
        assertThat(conf.get(TrafficJobOptions.AREA_RADIUS)).isEqualTo(120.5);
        assertThat(conf.get(TrafficJobOptions.KAFKA_BOOTSTRAP_SERVERS)).isEqualTo("localhost:9092");
        assertThat(conf.get(TrafficJobOptions.RESULTS_PLATES)).isEqualTo("plates");
        assertThat(conf.getOptional(TrafficJobOptions.CAMERA_CATALOG)).isEmpty();
    }

    @Test
    void negativeNumbersAreValuesNotKeys() {
        assertThat(parse("--delivery.radius", "-1").get(TrafficJobOptions.DELIVERY_RADIUS))
                .isEqualTo(-1.0);
    }

    @Test
    void anUnknownOptionIsNamedWithTheKnownOnes() {
        assertThatThrownBy(() -> parse("--ownr", "city-a"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Unknown option --ownr")
                .hasMessageContaining("--owner")
                .hasMessageContaining("--cameras.catalog");
    }

    @Test
    void anOptionWithoutValueSaysWhatItNeeds() {
        assertThatThrownBy(() -> parse("--owner", "--cameras.catalog", "c.yaml"))
                .hasMessageContaining("Option --owner needs a value: Owner the job acts as");
        assertThatThrownBy(() -> parse("--cameras.catalog"))
                .hasMessageContaining("Option --cameras.catalog needs a value");
    }

    @Test
    void aValueOfTheWrongTypeIsNamed() {
        assertThatThrownBy(() -> parse("--detect.confidence", "high"))
                .hasMessageContaining("Invalid value 'high' for --detect.confidence")
                .hasMessageContaining("Minimum detector score");
        assertThatThrownBy(() -> parse("--count.window", "soon"))
                .hasMessageContaining("Invalid value 'soon' for --count.window");
    }

    @Test
    void strayWordsAndRepeatsAreRejected() {
        assertThatThrownBy(() -> parse("city-a"))
                .hasMessageContaining("Unexpected argument 'city-a'");
        assertThatThrownBy(() -> parse("--owner", "a", "--owner", "b"))
                .hasMessageContaining("--owner is given twice");
    }

    @Test
    void aMissingRequiredOptionIsNamedWithItsDescription() {
        assertThatThrownBy(() -> JobArguments.require(parse(), TrafficJobOptions.OWNER))
                .hasMessage(
                        "Missing option --owner: Owner the job acts as (the principal of the"
                                + " registry token); the streams the job computes are registered under"
                                + " this owner. Required.");
    }

    @Test
    void badOperatorSettingsAreNamedWhenTheJobIsDefined() {
        Configuration conf = parse("--detect.confidence", "1.5");
        assertThatThrownBy(() -> TrafficStreams.detectOperator(conf))
                .hasMessageContaining("--detect.confidence")
                .hasMessageContaining("1.5");
    }

    @Test
    void everyOptionHasADescription() {
        assertThat(TrafficJobOptions.all())
                .hasSize(28)
                .allSatisfy(o -> assertThat(JobArguments.describe(o)).isNotBlank());
        assertThat(TrafficJobOptions.all().stream().map(o -> o.key()).distinct().toList())
                .hasSize(TrafficJobOptions.all().size());
        assertThat(
                        List.of(TrafficJobOptions.class.getFields()).stream()
                                .filter(
                                        f ->
                                                f.getType()
                                                        == org.apache.flink.configuration
                                                                .ConfigOption.class))
                .hasSize(TrafficJobOptions.all().size());
    }

    @Test
    void aJobMainFailsBeforeSubmittingWhenTheOwnerOrTokenIsMissing() throws Exception {
        assertThatThrownBy(() -> PlateRecognitionJob.main(new String[0]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Missing option --owner");
        CliRun run =
                CliRun.inChildWithout(
                        TrafficJobOptions.TOKEN_ENV, VehicleCountJob.class, "--owner", "city-a");
        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err())
                .contains(
                        "No registry token: pass --registry.token TOKEN or"
                                + " --registry.token-file FILE, or set FLINK_EDGE_TOKEN");
    }
}
