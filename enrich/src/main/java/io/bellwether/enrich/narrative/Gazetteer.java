package io.bellwether.enrich.narrative;

import io.bellwether.enrich.text.PhraseAnalyzer;
import io.bellwether.enrich.text.PhraseMatcher;
import io.bellwether.enrich.text.Token;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The known names of the narrative file, matched case-sensitively on surface words (so "Meta" is the company and
 * "meta" is not), and its words that are never entities ("API"). Finds where names occur in a sentence's tokens;
 * immutable and safe to share.
 */
public final class Gazetteer {
    private final PhraseMatcher<GazetteerEntry> names;
    private final Set<String> notEntities;
    private final Map<String, GazetteerEntry> products = new TreeMap<>();

    public Gazetteer(NarrativeFile file, PhraseAnalyzer analyzer) {
        PhraseMatcher.Builder<GazetteerEntry> builder = PhraseMatcher.builder();
        for (GazetteerEntry entry : file.gazetteer()) {
            builder.addExact(analyzer.tokens(entry.name()), entry);
            entry.aliases().forEach(alias -> builder.addExact(analyzer.tokens(alias), entry));
        }
        this.names = builder.build();
        this.notEntities = file.notEntities();
        for (GazetteerEntry entry : file.gazetteer()) {
            if ("PRODUCT".equals(entry.type()) && !entry.name().contains(" ")) {
                products.put(entry.name().toLowerCase(Locale.ROOT), entry);
            }
        }
    }

    /** The known one-word product named {@code word} in any case ("llama" for Llama), for versioned names. */
    public Optional<GazetteerEntry> product(String word) {
        return Optional.ofNullable(products.get(word.toLowerCase(Locale.ROOT)));
    }

    /** True for a surface word the narrative file says is never (part of) an entity, whatever the tagger says. */
    public boolean isNotEntity(String word) {
        return notEntities.contains(word);
    }

    public List<PhraseMatcher.Match<GazetteerEntry>> find(List<Token> tokens) {
        return names.find(tokens);
    }
}
