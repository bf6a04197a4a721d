package dev.flinkedge.jobs.vision;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlateSyntaxTest {

    @Test
    void foldsKeysOntoPlateSymbols() {
        assertThat(PlateSyntax.fold("A")).isEqualTo("A");
        assertThat(PlateSyntax.fold("s")).isEqualTo("S");
        assertThat(PlateSyntax.fold("Ｇ")).isEqualTo("G");
        assertThat(PlateSyntax.fold("７")).isEqualTo("7");
        assertThat(PlateSyntax.fold(" ")).isEqualTo(" ");
        assertThat(PlateSyntax.fold("　")).isEqualTo(" ");
        assertThat(PlateSyntax.fold("]")).isNull();
        assertThat(PlateSyntax.fold("鲁")).isNull();
        assertThat(PlateSyntax.fold("™")).isNull();
    }

    @Test
    void normalisesPlateLikeReadings() {
        assertThat(PlateSyntax.normalise("AB12 CDE")).isEqualTo("AB12CDE");
        assertThat(PlateSyntax.normalise("ab-12·cde")).isEqualTo("AB12CDE");
        assertThat(PlateSyntax.normalise("７ABC")).isEqualTo("7ABC");
        assertThat(PlateSyntax.normalise("1234567890")).isEqualTo("1234567890");
    }

    @Test
    void rejectsReadingsThatAreNoPlate() {
        assertThat(PlateSyntax.normalise("HYUNDAI")).as("no digit").isEmpty();
        assertThat(PlateSyntax.normalise("A1B")).as("too short").isEmpty();
        assertThat(PlateSyntax.normalise("AB12CDEFG12")).as("too long").isEmpty();
        assertThat(PlateSyntax.normalise("")).isEmpty();
    }
}
