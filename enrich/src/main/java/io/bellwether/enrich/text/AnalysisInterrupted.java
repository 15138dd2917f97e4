package io.bellwether.enrich.text;

/**
 * Thrown by a {@link TextPipeline} call that stopped because its thread was interrupted (the article's time budget
 * ran out): the library's own interrupt exception, translated so the analysis never sees library types.
 */
public final class AnalysisInterrupted extends RuntimeException {

    public AnalysisInterrupted(String message) {
        super(message, null, false, false);
    }
}
