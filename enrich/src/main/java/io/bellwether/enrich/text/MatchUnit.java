package io.bellwether.enrich.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A piece of a token as phrase matching sees it: hyphenated words are split ("open-weight" gives "open" and
 * "weight") and lone hyphens dropped, so "open-weight", "open weight" and "open - weight" all match alike.
 */
public record MatchUnit(int token, String word, String lower, String lemma) {
    private static final Pattern HYPHENS = Pattern.compile("[\\u2010\\u2011\\u2012\\u2013]");

    /** The match units of a token list, in order. */
    public static List<MatchUnit> of(List<Token> tokens) {
        List<MatchUnit> units = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            String[] words = split(token.word());
            String[] lemmas = split(token.lemma() == null ? token.word() : token.lemma());
            for (int part = 0; part < words.length; part++) {
                String lemma = lemmas.length == words.length ? lemmas[part] : words[part];
                units.add(new MatchUnit(i, words[part], words[part].toLowerCase(Locale.ROOT),
                        lemma.toLowerCase(Locale.ROOT)));
            }
        }
        return units;
    }

    private static String[] split(String word) {
        String plain = HYPHENS.matcher(word).replaceAll("-");
        return Arrays.stream(plain.split("-+")).filter(part -> !part.isEmpty()).toArray(String[]::new);
    }
}
