package io.bellwether.enrich.text;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A {@link TextPipeline} on {@link SimpleTokens} for tests of the time budget: the title is sentence 0 and the body
 * sentence 1; the cheap pass of a text that {@code stuckCheapPass} accepts, and every parse when
 * {@code stuckParse} is set, block until the thread is interrupted and then throw {@link AnalysisInterrupted}, as
 * CoreNLP's annotators do. Otherwise a parse gives a positive model sentiment.
 */
public final class StandInPipeline implements TextPipeline {
    private final SimpleTokens simple = new SimpleTokens();
    private final Predicate<String> stuckCheapPass;
    private final boolean stuckParse;
    private final AtomicInteger parses = new AtomicInteger();
    private final List<String> seen = new ArrayList<>();

    public StandInPipeline(Predicate<String> stuckCheapPass, boolean stuckParse) {
        this.stuckCheapPass = stuckCheapPass;
        this.stuckParse = stuckParse;
    }

    @Override
    public synchronized Annotated annotate(String text) {
        seen.add(text);
        if (stuckCheapPass.test(text)) {
            blockUntilInterrupted("cheap pass");
        }
        int split = text.indexOf("\n\n");
        List<Sentence> sentences = List.of(sentence(0, text, 0, split), sentence(1, text, split + 2, text.length()));
        return new Annotated(sentences, sentence -> {
            parses.incrementAndGet();
            if (stuckParse) {
                blockUntilInterrupted("parse");
            }
            return new Sentiment(3, List.of(0.0, 0.1, 0.2, 0.6, 0.1), true);
        });
    }

    @Override
    public List<Token> tokens(String phrase) {
        return simple.tokens(phrase);
    }

    @Override
    public List<String> versionParts() {
        return List.of("stand-in");
    }

    /** How many parses were asked for. */
    public int parses() {
        return parses.get();
    }

    /** The texts the cheap pass was given, in order. */
    public synchronized List<String> seen() {
        return List.copyOf(seen);
    }

    private Sentence sentence(int index, String text, int begin, int end) {
        List<Token> tokens = new ArrayList<>();
        for (Token token : simple.tokens(text.substring(begin, end))) {
            tokens.add(new Token(token.word(), token.lemma(), token.pos(), token.ner(), begin + token.begin(),
                    begin + token.end()));
        }
        return new Sentence(index, begin, end, tokens);
    }

    private static void blockUntilInterrupted(String where) {
        try {
            new CountDownLatch(1).await(10, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            throw new AnalysisInterrupted("interrupted in the " + where);
        }
        throw new IllegalStateException("the " + where + " was never interrupted");
    }
}
