package io.bellwether.enrich.fit;

import io.bellwether.enrich.analysis.StanceReading;
import io.bellwether.enrich.narrative.Narrative;
import io.bellwether.enrich.stance.StanceScorer;
import java.io.PrintStream;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What each cue phrase (and camp entity) did on labelled articles: in how many articles of each gold label it
 * fired, and in how many opinion articles (pro_open, pro_closed) its push pointed the gold way. A cue that fires
 * mostly in irrelevant articles, or pushes against the gold side as often as with it, does not earn its place.
 */
public final class CueReport {

    private static final class Tally {
        private final Map<String, Integer> byGold = new TreeMap<>();
        private int agree;
        private int disagree;
    }

    /** Prints a line per cue phrase of {@code narrative} (those that never fired too) and per camp entity seen. */
    public void print(Narrative narrative, List<StanceExample> examples, PrintStream out) {
        Map<String, Tally> tallies = new TreeMap<>();
        narrative.cues().forEach(cue -> tallies.put(cue.phrase().toLowerCase(Locale.ROOT), new Tally()));
        for (StanceExample example : examples) {
            if (example.reading().isEmpty()) {
                continue;
            }
            StanceReading reading = example.reading().get();
            Set<String> seen = new HashSet<>();
            Map<String, Double> pushes = new TreeMap<>();
            for (StanceScorer.Scored scored : reading.rule().evidence()) {
                String cue = scored.observation().cue().toLowerCase(Locale.ROOT);
                pushes.merge(cue, scored.push(), Double::sum);
                seen.add(cue);
            }
            for (String cue : seen) {
                Tally tally = tallies.computeIfAbsent(cue, name -> new Tally());
                tally.byGold.merge(example.gold(), 1, Integer::sum);
                double push = pushes.get(cue);
                if ("pro_open".equals(example.gold()) && push != 0.0) {
                    if (push > 0) {
                        tally.agree++;
                    } else {
                        tally.disagree++;
                    }
                } else if ("pro_closed".equals(example.gold()) && push != 0.0) {
                    if (push < 0) {
                        tally.agree++;
                    } else {
                        tally.disagree++;
                    }
                }
            }
        }
        out.println("cue report: articles per gold label the cue fired in; push with/against the gold side;"
                + " a cue that never fired is listed with zeros");
        out.printf(Locale.ROOT, "%-32s %8s %10s %7s %10s %5s %7s%n", "cue", "pro_open", "pro_closed", "neutral",
                "irrelevant", "with", "against");
        tallies.forEach((cue, tally) -> out.printf(Locale.ROOT, "%-32s %8d %10d %7d %10d %5d %7d%n", cue,
                tally.byGold.getOrDefault("pro_open", 0), tally.byGold.getOrDefault("pro_closed", 0),
                tally.byGold.getOrDefault("neutral", 0), tally.byGold.getOrDefault("irrelevant", 0), tally.agree,
                tally.disagree));
    }
}
