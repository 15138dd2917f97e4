package io.bellwether.enrich.narrative;

import io.bellwether.enrich.text.PhraseAnalyzer;
import io.bellwether.enrich.text.PhraseMatcher;
import io.bellwether.enrich.text.Token;
import java.util.List;
import java.util.Set;

/**
 * The known names of the narrative file, matched case-sensitively on surface words (so "Meta" is the company and
 * "meta" is not), and its words that are never entities ("API"). Finds where names occur in a sentence's tokens;
 * immutable and safe to share.
 */
public final class Gazetteer {
    private final PhraseMatcher<GazetteerEntry> names;
    private final Set<String> notEntities;

    public Gazetteer(NarrativeFile file, PhraseAnalyzer analyzer) {
        PhraseMatcher.Builder<GazetteerEntry> builder = PhraseMatcher.builder();
        for (GazetteerEntry entry : file.gazetteer()) {
            builder.addExact(analyzer.tokens(entry.name()), entry);
            entry.aliases().forEach(alias -> builder.addExact(analyzer.tokens(alias), entry));
        }
        this.names = builder.build();
        this.notEntities = file.notEntities();
    }

    /** True for a surface word the narrative file says is never (part of) an entity, whatever the tagger says. */
    public boolean isNotEntity(String word) {
        return notEntities.contains(word);
    }

    public List<PhraseMatcher.Match<GazetteerEntry>> find(List<Token> tokens) {
        return names.find(tokens);
    }
}
