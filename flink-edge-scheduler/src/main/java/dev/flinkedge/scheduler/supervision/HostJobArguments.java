package dev.flinkedge.scheduler.supervision;

import dev.flinkedge.registry.model.StreamRef;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The program arguments of the host job of a stream: the stream, its owner and the owner's token
 * file and Kafka client properties file, then what every host job gets (registry, Kafka, extra
 * arguments).
 *
 * @param common the arguments of every host job
 * @param tokenFiles by owner, the token file its host jobs read where their main runs
 * @param kafkaPropertiesFiles by owner, the Kafka client properties file its host jobs read where
 *     their main runs; an owner without one gets none
 */
record HostJobArguments(
        List<String> common, Map<String, Path> tokenFiles, Map<String, Path> kafkaPropertiesFiles) {

    HostJobArguments {
        common = List.copyOf(common);
        tokenFiles = Map.copyOf(tokenFiles);
        kafkaPropertiesFiles = Map.copyOf(kafkaPropertiesFiles);
    }

    /** Arguments without Kafka client properties files. */
    HostJobArguments(List<String> common, Map<String, Path> tokenFiles) {
        this(common, tokenFiles, Map.of());
    }

    /** The arguments of the host job of {@code stream}. */
    List<String> of(StreamRef stream) {
        Path tokenFile = tokenFiles.get(stream.owner());
        if (tokenFile == null) {
            throw new IllegalArgumentException(
                    "No token for owner '"
                            + stream.owner()
                            + "', whose stream "
                            + stream
                            + " needs a host job");
        }
        List<String> args =
                new ArrayList<>(
                        List.of(
                                "--stream",
                                stream.toString(),
                                "--owner",
                                stream.owner(),
                                "--registry.token-file",
                                tokenFile.toString()));
        Path kafkaProperties = kafkaPropertiesFiles.get(stream.owner());
        if (kafkaProperties != null) {
            args.addAll(List.of("--kafka.properties", kafkaProperties.toString()));
        }
        args.addAll(common);
        return args;
    }
}
