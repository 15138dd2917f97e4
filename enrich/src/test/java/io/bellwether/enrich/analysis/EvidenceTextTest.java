package io.bellwether.enrich.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.bellwether.avro.Evidence;
import io.bellwether.avro.NarrativeSignal;
import io.bellwether.enrich.text.AnalyzedText;
import io.bellwether.enrich.text.Sentence;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvidenceTextTest {
    private static final String TEXT = "Weights for all\n\nThe lab released open-weight models. Critics were unmoved.";

    private static NarrativeSignal signalWithCueAt(int sentence, int start, int end) {
        Evidence cue = Evidence.newBuilder().setSentence(sentence).setStart(start).setEnd(end).setCue("open-weight")
                .setSide("open").setSentiment(0.2).build();
        return NarrativeSignal.newBuilder().setId("open-vs-closed-ai").setStance(0.5).setConfidence(0.8)
                .setLabel("open").setRelevance(0.5).setEvidence(List.of(cue)).build();
    }

    @Test
    void givesEachEvidenceItsSentenceSoTheCueSitsAtItsOffsetsWithinIt() {
        int sentenceStart = TEXT.indexOf("The lab");
        int sentenceEnd = TEXT.indexOf(" Critics");
        int cueStart = TEXT.indexOf("open-weight");
        AnalyzedText text = new AnalyzedText(TEXT, false, List.of(new Sentence(0, 0, 15, List.of()),
                new Sentence(1, sentenceStart, sentenceEnd, List.of())));

        Evidence evidence = EvidenceText.attach(signalWithCueAt(1, cueStart, cueStart + 11), text)
                .getEvidence().get(0);

        assertThat(evidence.getText()).isEqualTo("The lab released open-weight models.");
        assertThat(evidence.getTextStart()).isEqualTo(sentenceStart);
        assertThat(evidence.getText().substring(evidence.getStart() - evidence.getTextStart(),
                evidence.getEnd() - evidence.getTextStart())).isEqualTo("open-weight");
        assertThat(evidence.getCue()).isEqualTo("open-weight");
    }

    @Test
    void keepsTheSignalApartFromItsEvidence() {
        AnalyzedText text = new AnalyzedText(TEXT, false, List.of(new Sentence(0, 0, 15, List.of())));

        NarrativeSignal signal = EvidenceText.attach(signalWithCueAt(0, 0, 7), text);

        assertThat(signal.getStance()).isEqualTo(0.5);
        assertThat(signal.getLabel()).isEqualTo("open");
        assertThat(signal.getEvidence()).singleElement().extracting(Evidence::getText).isEqualTo("Weights for all");
    }
}
