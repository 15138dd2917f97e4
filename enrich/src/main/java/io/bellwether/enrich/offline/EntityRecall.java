package io.bellwether.enrich.offline;

import io.bellwether.avro.Entity;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Entity recall against gold names: a gold name is found when an output entity has that name or, after the gold
 * name is mapped through the gazetteer's aliases ("AWS" to "Amazon Web Services"), its canonical name, or when one
 * of the two names holds the other as whole words ("Meta Platforms" and "Meta", "Mistral" and "Mistral AI"),
 * ignoring case.
 */
public final class EntityRecall {
    private final Map<String, String> aliases;
    private int gold;
    private int found;

    /** @param aliases lower-case alias or name to canonical name, as {@code NarrativeFile.aliasTable()} */
    public EntityRecall(Map<String, String> aliases) {
        this.aliases = Map.copyOf(aliases);
    }

    /** Counts {@code goldNames} of one article against its output entities; returns the names not found. */
    public List<String> add(List<String> goldNames, List<Entity> entities) {
        List<String> missed = goldNames.stream().filter(name -> entities.stream()
                .noneMatch(entity -> matches(name, entity.getName()) || matches(canonical(name), entity.getName())))
                .toList();
        gold += goldNames.size();
        found += goldNames.size() - missed.size();
        return missed;
    }

    public int gold() {
        return gold;
    }

    public int found() {
        return found;
    }

    public double recall() {
        return gold == 0 ? 0.0 : (double) found / gold;
    }

    private String canonical(String name) {
        return aliases.getOrDefault(name.toLowerCase(Locale.ROOT).strip(), name);
    }

    static boolean matches(String goldName, String outputName) {
        String a = " " + goldName.toLowerCase(Locale.ROOT).strip() + " ";
        String b = " " + outputName.toLowerCase(Locale.ROOT).strip() + " ";
        return a.equals(b) || a.contains(b) || b.contains(a);
    }
}
