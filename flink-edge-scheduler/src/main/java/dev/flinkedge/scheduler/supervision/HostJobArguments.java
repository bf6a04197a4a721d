package dev.flinkedge.scheduler.supervision;

import dev.flinkedge.registry.model.StreamRef;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The program arguments of the host job of a stream: the stream, its owner and the owner's token
 * file, then what every host job gets (registry, Kafka, extra arguments).
 *
 * @param common the arguments of every host job
 * @param tokenFiles by owner, the token file its host jobs read where their main runs
 */
record HostJobArguments(List<String> common, Map<String, Path> tokenFiles) {

    HostJobArguments {
        common = List.copyOf(common);
        tokenFiles = Map.copyOf(tokenFiles);
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
        args.addAll(common);
        return args;
    }
}
