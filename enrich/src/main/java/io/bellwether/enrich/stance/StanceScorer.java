package io.bellwether.enrich.stance;

import io.bellwether.enrich.narrative.Side;
import io.bellwether.enrich.narrative.StanceModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns the cue occurrences of one narrative in one article into a stance, a confidence and a label. The stance
 * comes from what the text says about each side, not from how often each side is named.
 *
 * <p>For each occurrence i (a cue phrase, or a weaker mention of an entity in a camp):
 * <pre>
 *   valence_i = 0.6 lex_i + 0.2 sent_i     when the clause holds lexicon words (lex_i from {@link ClauseValence})
 *             = 0.3 sent_i                 otherwise (the sentence's sentiment, if it was scored, else 0)
 *   valence_i = clamp(valence_i + prior_i, -1, 1)       prior: how the cue phrase itself judges its side,
 *                                                       turned when a negator stands just before the cue
 *   push_i    = sideSign_i * valence_i                  open side +1, closed side -1
 * </pre>
 * so praise of the open side or criticism of the closed side pushes toward +1, and the reverse toward -1.
 * With weights w_i (1 for a cue, 0.5 for a camp entity, times the place factors of {@link NarrativeSignals}):
 * <pre>
 *   S = sum w_i push_i,  W = sum w_i,  A = sum w_i |push_i|
 *   stance     = S / (A + 1)                       net push over total push; the 1 shrinks thin evidence toward 0
 *   label      = open if stance >= t, closed if stance <= -t, else neutral
 *                (t = labelThreshold; for a news report, the larger reportThreshold: a report relays both sides)
 *   confidence = (1 - exp(-W / 2)) * agreement,  agreement = |S| / A for open/closed, 1 - |S| / A for neutral
 * </pre>
 * When the narrative has a learned {@link StanceModel}, the label is instead the model's most probable label (which
 * may be {@link StanceModel#NONE}: not about the narrative after all) over
 * {@link StanceFeatures} (and the article's words, when the layer weighs them), stance = p(open) - p(closed) and confidence = p(label) * (1 - exp(-W / 2)) (W = 1 when there
 * is no evidence: an article the layer reads without cues of the narrative weighs as one with a single cue).
 * Pure and immutable: no NLP inside, so it is tested with hand-built observations.
 */
public final class StanceScorer {
    private static final double SHRINK = 1.0;
    private static final double LEXICAL_SHARE = 0.6;
    private static final double SENTENCE_WITH_LEXICON = 0.2;
    private static final double SENTENCE_ALONE = 0.3;
    private static final double LAYER_MIN_MASS = 1.0 - Math.exp(-0.5);

    private final double labelThreshold;
    private final double reportThreshold;

    public StanceScorer(double labelThreshold, double reportThreshold) {
        if (labelThreshold <= 0.0 || labelThreshold >= 1.0 || reportThreshold <= 0.0 || reportThreshold >= 1.0) {
            throw new IllegalArgumentException("label thresholds must be in (0, 1): " + labelThreshold + ", "
                    + reportThreshold);
        }
        this.labelThreshold = labelThreshold;
        this.reportThreshold = reportThreshold;
    }

    /**
     * One occurrence of a side in the text.
     *
     * @param sentenceSentiment sentence sentiment in [-1, 1], or NaN when the sentence was not scored
     * @param lexical what the clause's lexicon words say about the occurrence
     */
    public record Observation(int sentence, int start, int end, String cue, Side side, double prior, double weight,
                              double sentenceSentiment, ClauseValence.Reading lexical) {
    }

    /** An observation with the valence and push the scorer gave it. */
    public record Scored(Observation observation, double valence, double push) {
    }

    /** @param features the article features a learned model reads (see {@link StanceFeatures}) */
    public record Stance(double stance, double confidence, String label, List<Scored> evidence,
                         Map<String, Double> features) {
    }

    /** The stance of an opinion piece. */
    public Stance score(List<Observation> observations) {
        return score(observations, false);
    }

    /** @param report true for a news report, whose label needs |stance| of at least the report threshold */
    public Stance score(List<Observation> observations, boolean report) {
        return score(observations, report, 1, Optional.empty(), Map.of());
    }

    /**
     * @param sentences sentences in the article (places its last quarter for the features)
     * @param model the narrative's learned layer, if it has one
     * @param words the article's word features ({@link LexicalFeatures}) when the layer reads them, else empty
     */
    public Stance score(List<Observation> observations, boolean report, int sentences, Optional<StanceModel> model,
                        Map<String, Double> words) {
        List<Scored> scored = new ArrayList<>();
        double sum = 0.0;
        double weights = 0.0;
        double absolute = 0.0;
        for (Observation observation : observations) {
            double valence = valence(observation);
            double push = observation.side().sign() * valence;
            scored.add(new Scored(observation, valence, push));
            sum += observation.weight() * push;
            weights += observation.weight();
            absolute += observation.weight() * Math.abs(push);
        }
        double stance = sum / (absolute + SHRINK);
        Map<String, Double> features = StanceFeatures.of(scored, stance, report, sentences);
        double mass = 1.0 - Math.exp(-weights / 2.0);
        if (model.isPresent()) {
            // An article the layer reads without evidence of the narrative weighs as if it held one cue.
            mass = weights == 0.0 ? LAYER_MIN_MASS : mass;
            Map<String, Double> inputs = new HashMap<>(words);
            inputs.putAll(features);
            Map<String, Double> p = model.get().probabilities(inputs);
            String label = p.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
            return new Stance(p.get("open") - p.get("closed"), p.get(label) * mass, label, scored, features);
        }
        double threshold = report ? Math.max(labelThreshold, reportThreshold) : labelThreshold;
        String label = stance >= threshold ? "open" : stance <= -threshold ? "closed" : "neutral";
        double agreement = absolute == 0.0 ? 0.0 : Math.abs(sum) / absolute;
        if ("neutral".equals(label)) {
            agreement = absolute == 0.0 ? 1.0 : 1.0 - agreement;
        }
        return new Stance(stance, mass * agreement, label, scored, features);
    }

    /** The parts of an observation's valence before clamping: prior, lexicon words, sentence sentiment. */
    static double[] channels(Observation observation) {
        double sentence = Double.isNaN(observation.sentenceSentiment()) ? 0.0 : observation.sentenceSentiment();
        boolean lexical = observation.lexical().hits() > 0;
        double prior = observation.lexical().negated() ? -observation.prior() : observation.prior();
        return new double[] {prior, lexical ? LEXICAL_SHARE * observation.lexical().valence() : 0.0,
            (lexical ? SENTENCE_WITH_LEXICON : SENTENCE_ALONE) * sentence};
    }

    static double valence(Observation observation) {
        double[] parts = channels(observation);
        return Math.max(-1.0, Math.min(1.0, parts[0] + parts[1] + parts[2]));
    }
}
