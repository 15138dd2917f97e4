package io.bellwether.enrich.narrative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bellwether.enrich.text.SimpleTokens;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NarrativeFileTest {
    private static final String SMALL = """
            narratives:
              - id: tabs-vs-spaces
                open: {meaning: tabs, cues: [tab indent, {phrase: smart tabs, prior: 0.5}]}
                closed: {meaning: spaces, cues: [space indent]}
                camps: {open: [Tabby Corp], closed: []}
            lexicon: {positive: [good], negative: [bad], aggression: [attack], negators: [not]}
            gazetteer:
              - {name: Tabby Corp, type: ORGANIZATION, aliases: [Tabby]}
            """;

    @Test
    void shipsTheThreeDefaultNarrativesWithBothSides() {
        NarrativeFile file = NarrativeFile.defaults();

        assertThat(file.narratives()).extracting(Narrative::id)
                .contains("open-vs-closed-ai", "ai-regulation", "ai-compute-concentration");
        file.narratives().forEach(narrative -> assertThat(narrative.cues()).extracting(CuePhrase::side)
                .contains(Side.OPEN, Side.CLOSED));
        assertThat(file.aliasTable()).containsEntry("cz", "Changpeng Zhao").containsEntry("meta platforms", "Meta");
        assertThat(file.campOf("OpenAI")).isEqualTo("closed");
        assertThat(file.campOf("Hugging Face")).isEqualTo("open");
    }

    @Test
    void readsAUserFileFromAPath(@TempDir Path dir) throws Exception {
        Path path = dir.resolve("mine.yaml");
        Files.writeString(path, SMALL, StandardCharsets.UTF_8);

        NarrativeFile file = NarrativeFile.load(Optional.of(path));

        assertThat(file.narratives()).singleElement().satisfies(narrative -> {
            assertThat(narrative.cues()).hasSize(3);
            assertThat(narrative.campOf("tabby corp")).contains(Side.OPEN);
        });
        assertThat(file.aliasTable()).containsEntry("tabby", "Tabby Corp");
        assertThat(file.fingerprint()).isNotEqualTo(NarrativeFile.defaults().fingerprint());
    }

    @Test
    void findsCuesOfTheUserFileOnLemmas(@TempDir Path dir) throws Exception {
        Path path = dir.resolve("mine.yaml");
        Files.writeString(path, SMALL, StandardCharsets.UTF_8);
        NarrativeFile file = NarrativeFile.read(path);
        SimpleTokens simple = new SimpleTokens();

        CueIndex cues = new CueIndex(file, simple);

        assertThat(cues.find("tabs-vs-spaces", simple.sentence(0, "Smart-tabs beat space indents")))
                .extracting(hit -> hit.cue().phrase()).containsExactly("smart tabs", "space indent");
    }

    @Test
    void rejectsANarrativeWithOnlyOneSide(@TempDir Path dir) throws Exception {
        Path path = dir.resolve("bad.yaml");
        Files.writeString(path, "narratives:\n  - id: x\n    open: {cues: [a]}\n", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> NarrativeFile.read(path)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("both open and closed");
    }

    @Test
    void rejectsAMisspeltSideNamingTheUnknownField(@TempDir Path dir) throws Exception {
        Path path = dir.resolve("narratives.yaml");
        Files.writeString(path, "narratives:\n  - id: crypto-vs-banks\n    open:\n      cues: [self custody]\n"
                + "    closd:\n      cues: [bank account]\n");
        assertThatThrownBy(() -> NarrativeFile.read(path)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("narrative crypto-vs-banks has unknown field(s) [closd]");
    }

    @Test
    void rejectsAnUnknownGazetteerType() {
        assertThatThrownBy(() -> new GazetteerEntry("X", "COMPANY", List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
