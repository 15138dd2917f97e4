package io.bellwether.enrich.analysis;

import io.bellwether.enrich.stance.ArticleRegister;

/**
 * The settings that change what the analyzer outputs (so they are part of the pipeline version).
 *
 * @param maxChars longest body analysed; longer bodies are cut there and flagged {@code truncated}
 * @param parseMaxTokens parse length cap: longer selected sentences get the lexicon fallback instead of a parse
 * @param timeBudgetMs per-article time budget, held inside every NLP call by the analyzer's watchdog: spent in the
 *                     parse + sentiment pass, the remaining selected sentences get the lexicon fallback and
 *                     narrative confidence is halved; spent in the cheap pass, the article fails with
 *                     {@code analysis-timeout}
 * @param minCueHits cue phrases an article needs (unless one is in the title) to be about a narrative
 * @param labelThreshold |stance| at which a signal is labelled open or closed rather than neutral
 * @param reportThreshold the same for news reports (see {@link ArticleRegister}), which relay both sides
 * @param fullPass reference mode for benchmarks (default off): every sentence is parsed with the PCFG parser, no
 *                 length cap, and scored, instead of shift-reduce on the selected sentences
 */
public record AnalyzerSettings(int maxChars, int parseMaxTokens, long timeBudgetMs, int minCueHits,
                               double labelThreshold, double reportThreshold, boolean fullPass) {

    public static final int DEFAULT_MAX_CHARS = 20_000;
    public static final int DEFAULT_PARSE_MAX_TOKENS = 60;
    public static final long DEFAULT_TIME_BUDGET_MS = 10_000;

    public AnalyzerSettings {
        if (maxChars < 100 || parseMaxTokens < 5 || timeBudgetMs < 1 || minCueHits < 1) {
            throw new IllegalArgumentException("analyzer settings out of range: maxChars >= 100, parseMaxTokens >= 5,"
                    + " timeBudgetMs >= 1, minCueHits >= 1 (got " + maxChars + ", " + parseMaxTokens + ", "
                    + timeBudgetMs + ", " + minCueHits + ")");
        }
    }

    public AnalyzerSettings(int maxChars, int parseMaxTokens, long timeBudgetMs, int minCueHits,
                            double labelThreshold, double reportThreshold) {
        this(maxChars, parseMaxTokens, timeBudgetMs, minCueHits, labelThreshold, reportThreshold, false);
    }

    /** These settings in the full-pass reference mode. */
    public AnalyzerSettings withFullPass() {
        return new AnalyzerSettings(maxChars, parseMaxTokens, timeBudgetMs, minCueHits, labelThreshold,
                reportThreshold, true);
    }

    /** These settings with another per-article time budget. */
    public AnalyzerSettings withTimeBudgetMs(long budgetMs) {
        return new AnalyzerSettings(maxChars, parseMaxTokens, budgetMs, minCueHits, labelThreshold, reportThreshold,
                fullPass);
    }

    public static AnalyzerSettings defaults() {
        return new AnalyzerSettings(DEFAULT_MAX_CHARS, DEFAULT_PARSE_MAX_TOKENS, DEFAULT_TIME_BUDGET_MS, 1, 0.05, 0.4);
    }

    /** The settings as a stable string, hashed into the pipeline version. */
    public String describe() {
        return "maxChars=" + maxChars + ";parseMaxTokens=" + parseMaxTokens + ";timeBudgetMs=" + timeBudgetMs
                + ";minCueHits=" + minCueHits + ";labelThreshold=" + labelThreshold + ";reportThreshold=" + reportThreshold
                + (fullPass ? ";fullPass" : "");
    }
}
