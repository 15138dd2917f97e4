package io.bellwether.enrich.entity;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The entity type a word's shape alone gives it, for words the statistical tagger left untagged: a word of letters
 * and digits that starts with a letter and holds a capital ("GPT-5.2", "QwQ-32B", "H100") is a PRODUCT, a word with
 * a capital inside it after a small letter ("MongoDB", "InfiniBand", "CoinGecko") is MISC. The tagger was trained on older news and leaves most model, chip and start-up names untagged; on the
 * real-news set these shapes were a quarter of the gold names it missed. Words of two characters ("Q3", "5G"),
 * words that start with a digit ("70B") and words with other characters ("US$5") are not names by shape.
 */
final class ShapedNames {
    private static final Pattern VERSIONED = Pattern.compile("[A-Za-z][A-Za-z0-9._-]*[0-9][A-Za-z0-9._-]*");
    private static final Pattern INNER_CAPITAL = Pattern.compile("[A-Za-z]*[a-z][A-Z][A-Za-z]*");

    /** PRODUCT or MISC when the word is a name by its shape, else empty. */
    Optional<String> typeOf(String word) {
        if (word.length() < 3 || word.endsWith(".") || word.endsWith("-")) {
            return Optional.empty();
        }
        if (VERSIONED.matcher(word).matches() && word.chars().anyMatch(Character::isUpperCase)) {
            return Optional.of("PRODUCT");
        }
        if (word.length() >= 4 && INNER_CAPITAL.matcher(word).matches()) {
            return Optional.of("MISC");
        }
        return Optional.empty();
    }
}
