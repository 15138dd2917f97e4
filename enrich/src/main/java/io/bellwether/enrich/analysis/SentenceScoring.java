package io.bellwether.enrich.analysis;

import io.bellwether.enrich.narrative.Lexicon;
import io.bellwether.enrich.text.AnalysisInterrupted;
import io.bellwether.enrich.text.Sentence;
import io.bellwether.enrich.text.Sentiment;
import io.bellwether.enrich.text.SentimentSource;
import io.bellwether.enrich.text.Token;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongSupplier;

/**
 * Scores the selected sentences of one article: the sentiment model for those under the parse length cap while
 * the article's time budget lasts, the lexicon fallback for the rest, including a sentence whose parse the budget
 * interrupted ({@link AnalysisInterrupted}). The fallback counts praising minus
 * criticising lemmas of the sentence: more praise gives class 3, more criticism class 1, a tie class 2, with an
 * empty distribution to mark that no model produced it.
 */
public final class SentenceScoring {
    private final Lexicon lexicon;
    private final long budgetNanos;
    private final LongSupplier nanoClock;

    public SentenceScoring(Lexicon lexicon, long budgetMillis, LongSupplier nanoClock) {
        this.lexicon = lexicon;
        this.budgetNanos = budgetMillis * 1_000_000L;
        this.nanoClock = nanoClock;
    }

    /** The same scoring with another budget. */
    public SentenceScoring withBudget(long budgetMillis) {
        return new SentenceScoring(lexicon, budgetMillis, nanoClock);
    }

    /** Sentiment by sentence index, and whether the budget ran out before every selected sentence was parsed. */
    public record Scores(Map<Integer, Sentiment> bySentence, int parsed, int fallback, boolean budgetExceeded) {
    }

    /** @param startedNanos when the article's analysis started, on the same clock */
    public Scores score(SentenceSelector.Selection selection, SentimentSource source, long startedNanos) {
        Map<Integer, Sentiment> scores = new TreeMap<>();
        int parsed = 0;
        boolean exceeded = false;
        for (Sentence sentence : selection.toParse()) {
            exceeded = exceeded || nanoClock.getAsLong() - startedNanos > budgetNanos;
            Sentiment sentiment = exceeded ? null : parse(source, sentence);
            exceeded = exceeded || sentiment == null;
            if (exceeded) {
                scores.put(sentence.index(), fallback(sentence));
            } else {
                scores.put(sentence.index(), sentiment);
                parsed++;
            }
        }
        selection.overCap().forEach(sentence -> scores.put(sentence.index(), fallback(sentence)));
        return new Scores(scores, parsed, selection.size() - parsed, exceeded);
    }

    /** The model's sentiment, or null when the budget ran out inside the call (the watchdog interrupted it). */
    private static Sentiment parse(SentimentSource source, Sentence sentence) {
        try {
            return source.sentiment(sentence);
        } catch (AnalysisInterrupted e) {
            return null;
        }
    }

    Sentiment fallback(Sentence sentence) {
        int balance = 0;
        for (Token token : sentence.tokens()) {
            String lemma = token.lemma() == null ? token.word() : token.lemma();
            balance += lexicon.polarity(lemma.toLowerCase(Locale.ROOT));
        }
        return new Sentiment(balance > 0 ? 3 : balance < 0 ? 1 : 2, List.of(), false);
    }
}
