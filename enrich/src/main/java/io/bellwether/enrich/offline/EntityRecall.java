package io.bellwether.enrich.offline;

import io.bellwether.avro.Entity;
import java.util.List;
import java.util.Locale;

/**
 * Entity recall against gold names: a gold name is found when an output entity has that name, or one of the two
 * names holds the other as whole words ("Meta Platforms" and "Meta", "Mistral" and "Mistral AI"), ignoring case.
 */
public final class EntityRecall {
    private int gold;
    private int found;

    /** Counts {@code goldNames} of one article against its output entities; returns the names not found. */
    public List<String> add(List<String> goldNames, List<Entity> entities) {
        List<String> missed = goldNames.stream().filter(name -> entities.stream()
                .noneMatch(entity -> matches(name, entity.getName()))).toList();
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

    static boolean matches(String goldName, String outputName) {
        String a = " " + goldName.toLowerCase(Locale.ROOT).strip() + " ";
        String b = " " + outputName.toLowerCase(Locale.ROOT).strip() + " ";
        return a.equals(b) || a.contains(b) || b.contains(a);
    }
}
