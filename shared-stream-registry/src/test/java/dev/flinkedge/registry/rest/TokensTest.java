package dev.flinkedge.registry.rest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

class TokensTest {

    @Test
    void generatesLongDistinctTokensPerOwner() {
        Map<String, String> first = Tokens.generate(Tokens.DEMO_OWNERS);
        Map<String, String> second = Tokens.generate(Tokens.DEMO_OWNERS);
        assertThat(first).containsOnlyKeys("city-a", "city-b");
        assertThat(first.values())
                .allSatisfy(
                        t ->
                                assertThat(t)
                                        .hasSizeGreaterThanOrEqualTo(20)
                                        .matches("fe[A-Za-z0-9_-]{32}"));
        assertThat(first.get("city-a")).isNotEqualTo(first.get("city-b"));
        assertThat(first.get("city-a")).isNotEqualTo(second.get("city-a"));
    }

    @Test
    void writesATokensFileTheRegistryReads(@TempDir Path dir) throws Exception {
        Map<String, String> byOwner = Tokens.generate(List.of("city-a", "city-b"));
        Path file = dir.resolve("registry").resolve("tokens.properties");
        Tokens.writeFile(file, byOwner);
        Tokens.writeFile(file, byOwner);

        TokenAuthenticator auth = TokenAuthenticator.fromFile(file);
        assertThat(auth.owners()).containsExactly("city-a", "city-b");
        assertThat(auth.authenticate("Bearer " + byOwner.get("city-b"))).isEqualTo("city-b");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
    }
}
