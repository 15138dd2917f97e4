package io.bellwether.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnrichConfigTest {

    private static EnrichConfig withNarratives(Path path) {
        EnrichConfig defaults = EnrichConfig.defaults();
        return new EnrichConfig(defaults.maxChars(), defaults.parseMaxLen(), defaults.timeBudgetMs(),
                EnrichConfig.narratives(Optional.of(path)), defaults.threads(), defaults.sentenceCacheSize());
    }

    @Test
    void refusesABrokenNarrativeFileAtStartNamingTheProblem(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("narratives.yaml"),
                "narratives:\n  - id: crypto-vs-banks\n    open: {cues: [self custody]}\n    closd: {cues: [bank]}\n");

        assertThatThrownBy(() -> withNarratives(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown field(s) [closd]");
    }

    @Test
    void refusesAMissingNarrativeFile(@TempDir Path dir) {
        assertThatThrownBy(() -> withNarratives(dir.resolve("absent.yaml")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not readable");
    }

    @Test
    void acceptsAValidNarrativeFile(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("narratives.yaml"),
                "narratives:\n  - id: crypto-vs-banks\n    open: {cues: [self custody]}\n    closed: {cues: [bank]}\n");

        assertThat(withNarratives(file).narratives().narrative("crypto-vs-banks")).isPresent();
    }

    @Test
    void refusesATimeBudgetThatCouldKeepAStreamThreadFromPollingInTime() {
        EnrichConfig defaults = EnrichConfig.defaults();

        assertThatThrownBy(() -> new EnrichConfig(defaults.maxChars(), defaults.parseMaxLen(), 200_000,
                defaults.narratives(), defaults.threads(), defaults.sentenceCacheSize()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("enrich.time-budget-ms");
        assertThat(defaults.timeBudgetMs()).isEqualTo(10_000).isLessThan(EnrichConfig.MAX_TIME_BUDGET_MS);
    }
}
