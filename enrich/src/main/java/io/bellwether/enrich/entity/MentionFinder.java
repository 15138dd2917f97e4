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
import java.util.regex.Pattern;

/**
 * Finds the entity mentions of an article's sentences: gazetteer names first (they override the statistical tagger,
 * which misses many AI names), then runs of tokens with the same NER tag among PERSON, ORGANIZATION, LOCATION and
 * MISC, dropping those made only of the narrative file's words that are never entities ("API") and MISC runs made
 * only of adjectives: nationality and other demonym adjectives ("German", "European") describe actors, they are
 * not actors. A one-word proper noun that the text presents as a product ("its model, codenamed Kestrel", "the
 * Kestrel model") is PRODUCT in every sentence of the article: the tagger, trained on older news, reads unknown
 * model names as people or firms. Gazetteer names keep the gazetteer's type (PRODUCT for models and assets). A word
 * the tagger left untagged can still be a name by its shape ({@link ShapedNames}: "QwQ-32B", "MongoDB").
 */
public final class MentionFinder {
    private static final Set<String> TYPES = Set.of("PERSON", "ORGANIZATION", "LOCATION", "MISC");
    private static final String PRODUCT = "PRODUCT";
    private static final Pattern VERSION_PIECE = Pattern.compile("[-.]|[A-Za-z0-9][A-Za-z0-9.]*");
    private static final Set<String> PRODUCT_BEFORE = Set.of("codenamed", "codename", "dubbed", "model", "chatbot",
            "assistant");
    private static final Set<String> PRODUCT_AFTER = Set.of("model", "chatbot", "assistant", "llm");

    private final Gazetteer gazetteer;
    private final ShapedNames shaped = new ShapedNames();

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
            int version = Math.max(versionEnd(tokens, known, at), shapedEnd(tokens, known, at));
            if (version > at + 1) {
                mentions.add(new EntityMention(glued(tokens, at, version), PRODUCT, sentence.index(), at, version - 1,
                        null));
                at = version;
                continue;
            }
            String type = known[at] != null ? known[at].type() : tokens.get(at).ner();
            if (known[at] == null && (type == null || !TYPES.contains(type))) {
                String word = tokens.get(at).word();
                int here = at;
                shaped.typeOf(word).filter(shape -> !gazetteer.isNotEntity(word)).ifPresent(shape ->
                        mentions.add(new EntityMention(word, shape, sentence.index(), here, here, null)));
                at++;
                continue;
            }
            int end = at + 1;
            while (end < tokens.size() && sameSpan(tokens, known, group, at, end, type)) {
                end++;
            }
            String text = spanText(tokens, at, end);
            String canonical = known[at] != null ? known[at].name() : null;
            if (canonical != null || !allNotEntities(tokens, at, end) && !demonym(tokens, at, end, type)) {
                mentions.add(new EntityMention(text, type, sentence.index(), at, end - 1, canonical));
            }
            at = end;
        }
        return mentions;
    }

    /**
     * The end of a versioned product name starting at {@code at}: a known one-word product followed by pieces of
     * the same surface word that hold a digit ("Qwen-72B", "Qwen2.5", "llama3.1", "OLMo-7B-Instruct", which the
     * tokenizer splits), or {@code at} when there is none. The versioned name is an entity of its own.
     */
    private int versionEnd(List<Token> tokens, GazetteerEntry[] known, int at) {
        Token first = tokens.get(at);
        boolean product = known[at] != null ? PRODUCT.equals(known[at].type()) && (at + 1 == tokens.size()
                || known[at + 1] != known[at]) : gazetteer.product(first.word()).isPresent();
        if (!product) {
            return at;
        }
        int end = at + 1;
        boolean digit = false;
        while (end < tokens.size() && tokens.get(end).begin() == tokens.get(end - 1).end()
                && VERSION_PIECE.matcher(tokens.get(end).word()).matches()) {
            digit |= tokens.get(end).word().chars().anyMatch(Character::isDigit);
            end++;
        }
        return digit ? end : at;
    }

    /**
     * The end of a name by shape that the tokenizer split ("GPT-3", "Vicuna-13B", "gpt-oss-120b" as "GPT", "-",
     * "3"): pieces of one surface word, none of them a gazetteer name, that glued together are a PRODUCT by
     * {@link ShapedNames}; a trailing "-" or "." (the sentence's full stop) is not part of it. {@code at} when none.
     */
    private int shapedEnd(List<Token> tokens, GazetteerEntry[] known, int at) {
        int end = at;
        while (end < tokens.size() && known[end] == null
                && (end == at || tokens.get(end).begin() == tokens.get(end - 1).end())
                && VERSION_PIECE.matcher(tokens.get(end).word()).matches()) {
            end++;
        }
        while (end > at + 1 && ("-".equals(tokens.get(end - 1).word()) || ".".equals(tokens.get(end - 1).word()))) {
            end--;
        }
        if (end < at + 2) {
            return at;
        }
        String word = glued(tokens, at, end);
        return shaped.typeOf(word).filter("PRODUCT"::equals).filter(shape -> !gazetteer.isNotEntity(word)).isPresent()
                ? end : at;
    }

    /** The words of a span as the text wrote them: a space only where the text has one ("People's", "AI-first"). */
    private static String spanText(List<Token> tokens, int from, int to) {
        StringBuilder text = new StringBuilder(tokens.get(from).word());
        for (int at = from + 1; at < to; at++) {
            if (tokens.get(at).begin() > tokens.get(at - 1).end()) {
                text.append(' ');
            }
            text.append(tokens.get(at).word());
        }
        return text.toString();
    }

    private static String glued(List<Token> tokens, int from, int to) {
        StringBuilder text = new StringBuilder();
        tokens.subList(from, to).forEach(token -> text.append(token.word()));
        return text.toString();
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
