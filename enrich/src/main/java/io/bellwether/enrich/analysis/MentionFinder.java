package io.bellwether.enrich.analysis;

import io.bellwether.enrich.narrative.Gazetteer;
import io.bellwether.enrich.narrative.GazetteerEntry;
import io.bellwether.enrich.text.PhraseMatcher;
import io.bellwether.enrich.text.Sentence;
import io.bellwether.enrich.text.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Finds the entity mentions of a sentence: gazetteer names first (they override the statistical tagger, which
 * misses many AI names), then runs of tokens with the same NER tag among PERSON, ORGANIZATION, LOCATION and MISC.
 */
public final class MentionFinder {
    private static final Set<String> TYPES = Set.of("PERSON", "ORGANIZATION", "LOCATION", "MISC");

    private final Gazetteer gazetteer;

    public MentionFinder(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    public List<EntityMention> find(Sentence sentence) {
        List<Token> tokens = sentence.tokens();
        GazetteerEntry[] known = new GazetteerEntry[tokens.size()];
        int[] group = new int[tokens.size()];
        for (PhraseMatcher.Match<GazetteerEntry> match : gazetteer.find(tokens)) {
            for (int at = match.firstToken(); at <= match.lastToken(); at++) {
                known[at] = match.payload();
                group[at] = match.firstToken() + 1;
            }
        }
        List<EntityMention> mentions = new ArrayList<>();
        int at = 0;
        while (at < tokens.size()) {
            String type = known[at] != null ? known[at].type() : tokens.get(at).ner();
            if (known[at] == null && (type == null || !TYPES.contains(type))) {
                at++;
                continue;
            }
            int end = at + 1;
            while (end < tokens.size() && sameSpan(tokens, known, group, at, end, type)) {
                end++;
            }
            String text = tokens.subList(at, end).stream().map(Token::word).collect(Collectors.joining(" "));
            String canonical = known[at] != null ? known[at].name() : null;
            mentions.add(new EntityMention(text, type, sentence.index(), at, end - 1, canonical));
            at = end;
        }
        return mentions;
    }

    private static boolean sameSpan(List<Token> tokens, GazetteerEntry[] known, int[] group, int start, int next,
                                    String type) {
        if (known[start] != null || known[next] != null) {
            return group[next] == group[start];
        }
        return type.equals(tokens.get(next).ner());
    }
}
