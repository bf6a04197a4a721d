package dev.flinkedge.scheduler.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Finds the repository root and reads the YAML documents of the manifests under {@code k8s/}. */
final class Manifests {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private Manifests() {}

    /**
     * The repository root: the nearest directory at or above the working directory (the module
     * directory under Maven) that has {@code k8s/} and {@code conf/topology-default.yaml}.
     */
    static Path repoRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("k8s"))
                    && Files.isRegularFile(dir.resolve("conf/topology-default.yaml"))) {
                return dir;
            }
        }
        throw new IllegalStateException(
                "no directory at or above "
                        + Path.of("").toAbsolutePath()
                        + " has k8s/ and conf/topology-default.yaml; run the tests inside the repository");
    }

    /** Every document of every {@code *.yaml} file in {@code dir}, files in name order. */
    static List<Manifest> readAll(Path dir) {
        List<Manifest> manifests = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                manifests.addAll(read(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        return manifests;
    }

    /** Every non-empty document of one YAML file. */
    static List<Manifest> read(Path file) {
        List<Manifest> manifests = new ArrayList<>();
        try (MappingIterator<JsonNode> docs =
                YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
            int index = 0;
            while (docs.hasNext()) {
                JsonNode doc = docs.next();
                if (doc != null && !doc.isNull() && !doc.isMissingNode()) {
                    manifests.add(new Manifest(file, index, doc));
                }
                index++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot read " + file + " as YAML: " + e.getMessage(), e);
        }
        return manifests;
    }
}
