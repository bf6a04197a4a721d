package dev.flinkedge.jobs.cli.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flinkedge.registry.rest.Tokens;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/** The token listing of registry start and cluster start shows no whole token. */
class TokenListingTest {

    @TempDir Path dir;

    @Test
    void printsTheFileAndMaskedTokensAndHowToLoadThemWithoutShowingOne() throws Exception {
        Map<String, String> byOwner = Tokens.generate(Tokens.DEMO_OWNERS);
        Path file = dir.resolve("tokens.properties");
        Tokens.writeFile(file, byOwner);
        StringWriter text = new StringWriter();
        TokenListing.print(new PrintWriter(text, true), file, byOwner, "http://localhost:8090");
        String out = text.toString();

        assertThat(out).contains(file.toAbsolutePath().toString());
        byOwner.forEach(
                (owner, token) -> {
                    assertThat(out).doesNotContain(token);
                    assertThat(out).contains("  " + owner + "  " + token.substring(0, 6) + "…");
                });
        assertThat(out).contains("export FLINK_EDGE_REGISTRY=http://localhost:8090");

        // The printed command finds the owner's token in the file as written.
        Properties p = new Properties();
        try (var r = Files.newBufferedReader(file)) {
            p.load(r);
        }
        Map<String, String> lines = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            if (line.endsWith("=city-a")) {
                lines.put("city-a", line.substring(0, line.length() - "=city-a".length()));
            }
        }
        assertThat(lines.get("city-a")).isEqualTo(byOwner.get("city-a"));
        assertThat(p.getProperty(byOwner.get("city-a"))).isEqualTo("city-a");
        assertThat(out)
                .contains(
                        "export FLINK_EDGE_TOKEN=$(sed -n 's/=city-a$//p' \""
                                + file.toAbsolutePath()
                                + "\")   # city-a");
    }
}
