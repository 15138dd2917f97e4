package io.bellwether.enrich.stance;

import static org.assertj.core.api.Assertions.assertThat;

import io.bellwether.avro.NarrativeSignal;
import io.bellwether.enrich.narrative.CueIndex;
import io.bellwether.enrich.narrative.Narrative;
import io.bellwether.enrich.narrative.NarrativeFile;
import io.bellwether.enrich.text.Sentence;
import io.bellwether.enrich.text.SimpleTokens;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NarrativeSignalsTest {
    private final SimpleTokens simple = new SimpleTokens();
    private final NarrativeFile file = NarrativeFile.defaults();
    private final NarrativeSignals signals = new NarrativeSignals(file, new CueIndex(file, simple),
            new StanceScorer(0.05, 0.4), 1);
    private final Narrative openVsClosed = file.narrative("open-vs-closed-ai").orElseThrow();

    private static NarrativeFile narrativeFile(Path dir, String yaml) throws Exception {
        Path path = dir.resolve("narratives.yaml");
        Files.writeString(path, yaml);
        return NarrativeFile.load(Optional.of(path));
    }

    private NarrativeSignals signalsOf(NarrativeFile narratives) {
        return new NarrativeSignals(narratives, new CueIndex(narratives, simple), new StanceScorer(0.05, 0.4), 1);
    }

    private NarrativeSignal signal(List<Sentence> sentences) {
        return signals.signal(openVsClosed, sentences, signals.hits(openVsClosed, sentences), List.of(), Map.of(),
                false, false).orElseThrow();
    }

    @Test
    void theClosingSentenceOutweighsAnOppositeOpening() {
        List<Sentence> sentences = List.of(
                simple.sentence(0, "A note on releases"),
                simple.sentence(1, "Closed models are efficient ."),
                simple.sentence(2, "Many firms use them ."),
                simple.sentence(3, "Closed models are a danger ."));

        assertThat(signal(sentences).getLabel()).isEqualTo("open");
    }

    @Test
    void aSentenceVoicingCriticsWeighsLessThanTheWritersOwn() {
        List<Sentence> sentences = List.of(
                simple.sentence(0, "A note on releases"),
                simple.sentence(1, "Critics call open models a danger and a threat ."),
                simple.sentence(2, "Open models are efficient ."),
                simple.sentence(3, "Many firms use them ."));

        assertThat(signal(sentences).getStance()).isPositive();
    }

    @Test
    void aLearnedLayerLabelsArticlesOfItsLengthLeavesShorterOnesToTheRuleAndCanDenyASignal(@TempDir Path dir)
            throws Exception {
        NarrativeFile layered = narrativeFile(dir, """
                narratives:
                  - id: tabs-vs-spaces
                    closed:
                      cues: [space indent]
                    open:
                      cues: [tab indent]
                    stanceModel: {minWords: 6, open: {}, neutral: {}, closed: {"w:tidy": 5.0},
                                  none: {"w:golf": 9.0}}
                """);
        Narrative tabs = layered.narrative("tabs-vs-spaces").orElseThrow();
        NarrativeSignals withLayer = signalsOf(layered);
        List<Sentence> longer = List.of(simple.sentence(0, "Notes"),
                simple.sentence(1, "Tab indents are lovely and tidy"));
        List<Sentence> shorter = List.of(simple.sentence(0, "Notes"), simple.sentence(1, "Tab indents are tidy"));
        List<Sentence> golf = List.of(simple.sentence(0, "Notes"),
                simple.sentence(1, "Tab indents on golf scorecards"));

        assertThat(withLayer.signal(tabs, longer, withLayer.hits(tabs, longer), List.of(), Map.of(), false, false)
                .orElseThrow().getLabel()).isEqualTo("closed");
        assertThat(withLayer.signal(tabs, shorter, withLayer.hits(tabs, shorter), List.of(), Map.of(), false, false)
                .orElseThrow().getLabel()).isEqualTo("neutral");
        assertThat(withLayer.signal(tabs, golf, withLayer.hits(tabs, golf), List.of(), Map.of(), false, false)).isEmpty();
    }

    @Test
    void aLayerReadsAnArticleAboutAnotherNarrativeWithoutItsOwnCues(@TempDir Path dir) throws Exception {
        NarrativeFile layered = narrativeFile(dir, """
                narratives:
                  - id: tabs-vs-spaces
                    closed:
                      cues: [space indent]
                    open:
                      cues: [tab indent]
                    stanceModel: {minWords: 6, open: {}, neutral: {}, closed: {"w:tidy": 5.0}}
                  - id: plain
                    closed:
                      cues: [space indent]
                    open:
                      cues: [tab indent]
                """);
        Narrative tabs = layered.narrative("tabs-vs-spaces").orElseThrow();
        Narrative plain = layered.narrative("plain").orElseThrow();
        NarrativeSignals withLayer = signalsOf(layered);
        List<Sentence> noCue = List.of(simple.sentence(0, "Notes"),
                simple.sentence(1, "Everything in the editor looks tidy"));
        List<Sentence> shortNoCue = List.of(simple.sentence(0, "Notes"), simple.sentence(1, "Looks tidy"));

        NarrativeSignal read = withLayer.signal(tabs, noCue, List.of(), List.of(), Map.of(), false, true)
                .orElseThrow();
        assertThat(read.getLabel()).isEqualTo("closed");
        assertThat(read.getEvidence()).isEmpty();
        assertThat(read.getConfidence()).isGreaterThan(0.0).isLessThan(1.0 - Math.exp(-0.5) + 1e-9);
        assertThat(withLayer.signal(tabs, noCue, List.of(), List.of(), Map.of(), false, false)).isEmpty();
        assertThat(withLayer.signal(tabs, shortNoCue, List.of(), List.of(), Map.of(), false, true)).isEmpty();
        assertThat(withLayer.signal(plain, noCue, List.of(), List.of(), Map.of(), false, true)).isEmpty();
    }
}
