package io.bellwether.enrich.entity;

import io.bellwether.enrich.narrative.Gazetteer;
import io.bellwether.enrich.narrative.GazetteerEntry;
import io.bellwether.enrich.text.PhraseMatcher;
import io.bellwether.enrich.text.Sentence;
import io.bellwether.enrich.text.Token;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Finds the entity mentions of an article's sentences: gazetteer names first (they override the statistical tagger,
 * which misses many AI names), then runs of tokens with the same NER tag among PERSON, ORGANIZATION, LOCATION and
 * MISC, dropping those made only of the narrative file's words that are never entities ("API") and MISC runs made
 * only of adjectives: nationality and other demonym adjectives ("German", "European") describe actors, they are
 * not actors. A one-word proper noun that the text presents as a product ("its model, codenamed Kestrel", "the
 * Kestrel model") is PRODUCT in every sentence of the article: the tagger, trained on older news, reads unknown
 * model names as people or firms. Gazetteer names keep the gazetteer's type (PRODUCT for models and assets).
 */
public final class MentionFinder {
    private static final Set<String> TYPES = Set.of("PERSON", "ORGANIZATION", "LOCATION", "MISC");
    private static final String PRODUCT = "PRODUCT";
    private static final Set<String> PRODUCT_BEFORE = Set.of("codenamed", "codename", "dubbed", "model", "chatbot",
            "assistant");
    private static final Set<String> PRODUCT_AFTER = Set.of("model", "chatbot", "assistant", "llm");

    private final Gazetteer gazetteer;

    public MentionFinder(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    /** The mentions of all sentences, in order, with names the article presents as products typed PRODUCT. */
    public List<EntityMention> find(List<Sentence> sentences) {
        List<EntityMention> found = new ArrayList<>();
        Set<String> products = new HashSet<>();
        for (Sentence sentence : sentences) {
            found.addAll(find(sentence));
            products.addAll(productNames(sentence.tokens()));
        }
        return found.stream().map(mention -> mention.canonical() == null
                && products.contains(mention.text().toLowerCase(Locale.ROOT))
                ? new EntityMention(mention.text(), PRODUCT, mention.sentence(), mention.firstToken(),
                        mention.lastToken(), null)
                : mention).toList();
    }

    /** Proper nouns the sentence presents as products, lower-case; the tagger may have left them untagged there. */
    private static Set<String> productNames(List<Token> tokens) {
        Set<String> names = new HashSet<>();
        for (int at = 0; at < tokens.size(); at++) {
            String pos = tokens.get(at).pos();
            boolean properNoun = pos != null && pos.startsWith("NNP");
            boolean before = at > 0 && isAny(PRODUCT_BEFORE, tokens.get(at - 1));
            boolean after = at + 1 < tokens.size() && isAny(PRODUCT_AFTER, tokens.get(at + 1));
            if (properNoun && (before || after)) {
                names.add(tokens.get(at).word().toLowerCase(Locale.ROOT));
            }
        }
        return names;
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
            if (canonical != null || !allNotEntities(tokens, at, end) && !demonym(tokens, at, end, type)) {
                mentions.add(new EntityMention(text, type, sentence.index(), at, end - 1, canonical));
            }
            at = end;
        }
        return mentions;
    }

    /** True for a MISC run of adjectives only: "American", "Chinese", "European" as the tagger tags them. */
    private static boolean demonym(List<Token> tokens, int from, int to, String type) {
        return "MISC".equals(type) && tokens.subList(from, to).stream()
                .allMatch(token -> token.pos() != null && token.pos().startsWith("JJ"));
    }

    /** True when every word of the span is on the never-an-entity list ("API"; "Verdant AI" stays a name). */
    private boolean allNotEntities(List<Token> tokens, int from, int to) {
        return tokens.subList(from, to).stream().allMatch(token -> gazetteer.isNotEntity(token.word()));
    }

    private static boolean isAny(Set<String> words, Token token) {
        return words.contains(token.word().toLowerCase(Locale.ROOT))
                || (token.lemma() != null && words.contains(token.lemma().toLowerCase(Locale.ROOT)));
    }

    private static boolean sameSpan(List<Token> tokens, GazetteerEntry[] known, int[] group, int start, int next,
                             String type) {
        if (known[start] != null || known[next] != null) {
            return group[next] == group[start];
        }
        return type.equals(tokens.get(next).ner());
    }
}
