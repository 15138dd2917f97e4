package io.bellwether.enrich.narrative;

import io.bellwether.enrich.text.PhraseAnalyzer;
import io.bellwether.enrich.text.PhraseMatcher;
import io.bellwether.enrich.text.Sentence;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the cue phrases of every narrative in a sentence, matched on lemmas. Cue phrases are lemmatised once,
 * when the index is built, by the same {@link PhraseAnalyzer} that analyses articles. Immutable; safe to share.
 */
public final class CueIndex {
    private final Map<String, PhraseMatcher<CuePhrase>> byNarrative = new LinkedHashMap<>();

    public CueIndex(NarrativeFile file, PhraseAnalyzer analyzer) {
        for (Narrative narrative : file.narratives()) {
            PhraseMatcher.Builder<CuePhrase> builder = PhraseMatcher.builder();
            narrative.cues().forEach(cue -> builder.addLemmatised(analyzer.tokens(cue.phrase()), cue));
            byNarrative.put(narrative.id(), builder.build());
        }
    }

    /** One cue found in a sentence: the cue and its inclusive token range. */
    public record CueHit(CuePhrase cue, int sentence, int firstToken, int lastToken) {
    }

    /** The cues of narrative {@code narrativeId} in {@code sentence}, left to right. */
    public List<CueHit> find(String narrativeId, Sentence sentence) {
        List<CueHit> hits = new ArrayList<>();
        PhraseMatcher<CuePhrase> matcher = byNarrative.get(narrativeId);
        if (matcher != null) {
            for (PhraseMatcher.Match<CuePhrase> match : matcher.find(sentence.tokens())) {
                hits.add(new CueHit(match.payload(), sentence.index(), match.firstToken(), match.lastToken()));
            }
        }
        return hits;
    }
}
