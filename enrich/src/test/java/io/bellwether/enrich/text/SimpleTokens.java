package io.bellwether.enrich.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for the NLP pass in tests: splits words and punctuation, lemmatises by dropping a plural "s" and a few
 * irregular verb forms, tags past participles after "be" as VBN. Good enough for hand-built sentences.
 */
public final class SimpleTokens implements PhraseAnalyzer {
    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}]+(?:[-'][\\p{L}\\p{N}]+)*|'s|\\S");
    private static final Map<String, String> IRREGULAR = Map.of("is", "be", "are", "be", "was", "be", "were", "be",
            "attacking", "attack", "attacked", "attack", "hands", "hand", "crushed", "crush");

    @Override
    public List<Token> tokens(String text) {
        List<Token> tokens = new ArrayList<>();
        Matcher matcher = TOKEN.matcher(text);
        String previousLemma = "";
        while (matcher.find()) {
            String word = matcher.group();
            String lemma = lemma(word);
            String pos = word.endsWith("ed") && "be".equals(previousLemma) ? "VBN" : "X";
            tokens.add(new Token(word, lemma, pos, "O", matcher.start(), matcher.end()));
            previousLemma = lemma;
        }
        return tokens;
    }

    /** One sentence of the given text, with index {@code index}. */
    public Sentence sentence(int index, String text) {
        List<Token> tokens = tokens(text);
        return new Sentence(index, 0, text.length(), tokens);
    }

    private static String lemma(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        if (IRREGULAR.containsKey(lower)) {
            return IRREGULAR.get(lower);
        }
        if (lower.length() > 3 && lower.endsWith("s") && !lower.endsWith("ss") && !lower.endsWith("ous")) {
            return lower.substring(0, lower.length() - 1);
        }
        return lower;
    }
}
