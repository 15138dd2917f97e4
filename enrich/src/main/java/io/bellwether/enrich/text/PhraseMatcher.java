package io.bellwether.enrich.text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds known multi-word phrases in a sentence's tokens: longest match first, left to right, no overlaps. A phrase
 * is either case-sensitive on surface words (names: "Meta" but not "meta") or case-insensitive on word or lemma
 * (cues: "open-weight models" matches the cue "open weight model"). Cues also ignore determiners and possessives
 * inside the phrase, on both sides, so "release the weights" matches "released its weights" and "release weights".
 * Immutable once built; safe to share.
 */
public final class PhraseMatcher<T> {
    private static final Set<String> DETERMINERS = Set.of("a", "an", "the", "its", "their", "our", "your", "his",
            "her", "my", "this", "these", "those");

    private final Map<String, List<Phrase<T>>> byFirstForm;

    private PhraseMatcher(Map<String, List<Phrase<T>>> byFirstForm) {
        this.byFirstForm = byFirstForm;
    }

    /** One found phrase: its payload and the inclusive token range it covers. */
    public record Match<T>(T payload, int firstToken, int lastToken) {
    }

    private record Phrase<T>(List<Set<String>> forms, boolean caseSensitive, T payload) {
        boolean accepts(int position, MatchUnit unit) {
            Set<String> allowed = forms.get(position);
            return caseSensitive ? allowed.contains(unit.word())
                    : allowed.contains(unit.lower()) || allowed.contains(unit.lemma());
        }
    }

    public static <T> Builder<T> builder() {
        return new Builder<>();
    }

    /** The phrases found in {@code tokens}. */
    public List<Match<T>> find(List<Token> tokens) {
        List<MatchUnit> units = MatchUnit.of(tokens);
        List<Match<T>> matches = new ArrayList<>();
        int at = 0;
        while (at < units.size()) {
            int length = 0;
            int end = -1;
            Phrase<T> best = null;
            for (Phrase<T> phrase : candidates(units.get(at))) {
                int size = phrase.forms().size();
                int last = size > length ? lastUnit(phrase, units, at) : -1;
                if (last >= 0) {
                    best = phrase;
                    length = size;
                    end = last;
                }
            }
            if (best == null) {
                at++;
            } else {
                matches.add(new Match<>(best.payload(), units.get(at).token(), units.get(end).token()));
                at = end + 1;
            }
        }
        return matches;
    }

    private List<Phrase<T>> candidates(MatchUnit unit) {
        List<Phrase<T>> found = new ArrayList<>(byFirstForm.getOrDefault(unit.word(), List.of()));
        if (!unit.lower().equals(unit.word())) {
            found.addAll(byFirstForm.getOrDefault(unit.lower(), List.of()));
        }
        if (!unit.lemma().equals(unit.lower())) {
            found.addAll(byFirstForm.getOrDefault(unit.lemma(), List.of()));
        }
        return found;
    }

    /** The unit where the phrase ends when it matches from {@code at}, else -1. */
    private int lastUnit(Phrase<T> phrase, List<MatchUnit> units, int at) {
        int next = at;
        for (int i = 0; i < phrase.forms().size(); i++) {
            while (i > 0 && !phrase.caseSensitive() && next < units.size() && isDeterminer(units.get(next))
                    && !phrase.accepts(i, units.get(next))) {
                next++;
            }
            if (next >= units.size() || !phrase.accepts(i, units.get(next))) {
                return -1;
            }
            next++;
        }
        return next - 1;
    }

    private static boolean isDeterminer(MatchUnit unit) {
        return DETERMINERS.contains(unit.lower());
    }

    /** Collects phrases; {@link #build()} freezes them. */
    public static final class Builder<T> {
        private final Map<String, List<Phrase<T>>> byFirstForm = new HashMap<>();

        /** A phrase matched exactly on surface words, e.g. a name. */
        public Builder<T> addExact(List<Token> tokens, T payload) {
            List<Set<String>> forms = MatchUnit.of(tokens).stream().map(unit -> Set.of(unit.word())).toList();
            return add(new Phrase<>(forms, true, payload));
        }

        /** A phrase matched case-insensitively on word or lemma, e.g. a cue. */
        public Builder<T> addLemmatised(List<Token> tokens, T payload) {
            List<MatchUnit> units = MatchUnit.of(tokens);
            List<MatchUnit> content = units.stream().filter(unit -> !isDeterminer(unit)).toList();
            List<Set<String>> forms = (content.isEmpty() ? units : content).stream()
                    .map(unit -> unit.lower().equals(unit.lemma()) ? Set.of(unit.lower())
                            : Set.of(unit.lower(), unit.lemma()))
                    .toList();
            return add(new Phrase<>(forms, false, payload));
        }

        private Builder<T> add(Phrase<T> phrase) {
            if (!phrase.forms().isEmpty()) {
                for (String form : phrase.forms().get(0)) {
                    byFirstForm.computeIfAbsent(form, key -> new ArrayList<>()).add(phrase);
                }
            }
            return this;
        }

        public PhraseMatcher<T> build() {
            Map<String, List<Phrase<T>>> frozen = new HashMap<>();
            byFirstForm.forEach((form, phrases) -> frozen.put(form, phrases.stream()
                    .sorted(Comparator.comparingInt((Phrase<T> p) -> -p.forms().size())).toList()));
            return new PhraseMatcher<>(Map.copyOf(frozen));
        }
    }
}
