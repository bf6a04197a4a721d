package dev.flinkedge.registry.testutil;

import dev.flinkedge.registry.model.Lineage;
import dev.flinkedge.registry.model.OperatorRef;
import dev.flinkedge.registry.model.SourceSpec;
import dev.flinkedge.registry.model.StreamSpec;
import dev.flinkedge.registry.model.StreamType;

import java.util.List;
import java.util.Map;

/** Stream specs used across registry tests. */
public final class Specs {

    private Specs() {}

    /** A device-based raw stream. */
    public static StreamSpec raw(String name, String... devices) {
        return StreamSpec.builder(name, StreamType.RAW)
                .source(
                        SourceSpec.devices(
                                List.of(devices.length == 0 ? new String[] {"cam-1"} : devices)))
                .build();
    }

    /** {@code operator@1(parents...)} with one parameter. */
    public static StreamSpec derived(String name, String operator, String... parents) {
        return StreamSpec.builder(name, StreamType.DERIVED)
                .lineage(
                        new Lineage(
                                new OperatorRef(operator, "1", Map.of("threshold", "0.5")),
                                List.of(parents)))
                .payloadType("dev.flinkedge.Vehicle")
                .build();
    }
}
