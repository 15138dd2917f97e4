package io.bellwether.enrich.entity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Merges an article's entity mentions into entities with a canonical name. In order: the name is normalised
 * (whitespace collapsed, possessive "'s" and stray punctuation dropped); an alias from the table maps it to its
 * canonical name ("Meta Platforms" to "Meta"); a gazetteer match keeps the gazetteer name; a later short form
 * joins the longer name seen earlier in the article (a person's surname, "Ardoino" to "Paolo Ardoino", or the
 * leading words of an organisation's name); otherwise mentions with the same name, ignoring case, are one entity.
 */
public final class EntityMerger {
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern POSSESSIVE = Pattern.compile("(?:'s|\u2019s|'|\u2019)$");
    private static final Pattern EDGE_PUNCTUATION = Pattern.compile("^[\\p{Punct}\u201c\u201d]+|[\\p{Punct}\u201c\u201d]+$");

    private final Map<String, String> aliases;

    /** @param aliases lower-case alias to canonical name */
    public EntityMerger(Map<String, String> aliases) {
        this.aliases = Map.copyOf(aliases);
    }

    /** An entity of one article after merging. */
    public record MergedEntity(String name, String type, int mentions, int firstSentence, Set<Integer> sentences) {
    }

    private static final class Builder {
        final String name;
        final String type;
        final int firstSentence;
        final Set<Integer> sentences = new LinkedHashSet<>();
        int mentions;

        Builder(String name, String type, int firstSentence) {
            this.name = name;
            this.type = type;
            this.firstSentence = firstSentence;
        }
    }

    /** Entities in order of first mention. */
    public List<MergedEntity> merge(List<EntityMention> mentions) {
        Map<String, Builder> byKey = new LinkedHashMap<>();
        for (EntityMention mention : mentions) {
            String name = canonicalName(mention);
            if (name.isEmpty()) {
                continue;
            }
            String key = key(name);
            Builder entity = byKey.get(key);
            if (entity == null) {
                entity = longerNameFor(name, mention.type(), byKey);
            }
            if (entity == null) {
                entity = new Builder(name, mention.type(), mention.sentence());
                byKey.put(key, entity);
            }
            entity.mentions++;
            entity.sentences.add(mention.sentence());
        }
        List<MergedEntity> merged = new ArrayList<>();
        for (Builder entity : byKey.values()) {
            merged.add(new MergedEntity(entity.name, entity.type, entity.mentions, entity.firstSentence,
                    Set.copyOf(entity.sentences)));
        }
        return merged;
    }

    /** The normalised name, mapped through the alias table or the gazetteer. */
    public String canonicalName(EntityMention mention) {
        String name = normalise(mention.text());
        String aliased = aliases.get(key(name));
        if (aliased != null) {
            return aliased;
        }
        return mention.canonical() != null ? mention.canonical() : name;
    }

    static String normalise(String text) {
        String name = SPACES.matcher(text.strip()).replaceAll(" ");
        name = POSSESSIVE.matcher(name).replaceAll("");
        return EDGE_PUNCTUATION.matcher(name).replaceAll("").strip();
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private static Builder longerNameFor(String name, String type, Map<String, Builder> known) {
        String[] words = key(name).split(" ");
        for (Builder entity : known.values()) {
            String[] full = key(entity.name).split(" ");
            if (full.length <= words.length) {
                continue;
            }
            boolean surname = "PERSON".equals(entity.type) && endsWith(full, words);
            boolean leadingWords = "ORGANIZATION".equals(entity.type) && type.equals(entity.type)
                    && startsWith(full, words);
            if (surname || leadingWords) {
                return entity;
            }
        }
        return null;
    }

    private static boolean endsWith(String[] full, String[] part) {
        for (int i = 0; i < part.length; i++) {
            if (!full[full.length - part.length + i].equals(part[i])) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWith(String[] full, String[] part) {
        for (int i = 0; i < part.length; i++) {
            if (!full[i].equals(part[i])) {
                return false;
            }
        }
        return true;
    }
}
