package io.bellwether.enrich.analysis;

import io.bellwether.avro.Evidence;
import io.bellwether.avro.NarrativeSignal;
import io.bellwether.enrich.text.AnalyzedText;
import io.bellwether.enrich.text.Sentence;
import java.util.ArrayList;
import java.util.List;

/**
 * Gives each evidence of a narrative signal the sentence it was found in, with that sentence's offset, so that
 * readers downstream (the aggregate's article list) can show and highlight it without the article body.
 */
final class EvidenceText {
    private EvidenceText() {
    }

    static NarrativeSignal attach(NarrativeSignal signal, AnalyzedText text) {
        List<Evidence> evidence = new ArrayList<>();
        for (Evidence seen : signal.getEvidence()) {
            Sentence sentence = text.sentences().get(seen.getSentence());
            int begin = Math.max(0, Math.min(sentence.begin(), text.text().length()));
            int end = Math.max(begin, Math.min(sentence.end(), text.text().length()));
            evidence.add(Evidence.newBuilder(seen).setText(text.text().substring(begin, end)).setTextStart(begin)
                    .build());
        }
        return NarrativeSignal.newBuilder(signal).setEvidence(evidence).build();
    }
}
