package io.bellwether.enrich.analysis;

import io.bellwether.enrich.corenlp.CoreNlpPipeline;
import io.bellwether.enrich.narrative.NarrativeFile;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests the one {@link ArticleAnalyzer} of the test JVM: built on first use (10-20 s, ~3 GB of models) and
 * kept in the root extension store, so every test class that asks shares it.
 */
public final class SharedCoreNlp implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedCoreNlp.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == ArticleAnalyzer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(ArticleAnalyzer.class, type -> load(),
                ArticleAnalyzer.class);
    }

    private static ArticleAnalyzer load() {
        long started = System.nanoTime();
        ArticleAnalyzer analyzer = CoreNlpPipeline.analyzer(NarrativeFile.defaults(), AnalyzerSettings.defaults());
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        System.out.printf("CoreNLP analyzer loaded in %.1f s; heap in use after GC: %d MB%n",
                (System.nanoTime() - started) / 1e9, (runtime.totalMemory() - runtime.freeMemory()) >> 20);
        return analyzer;
    }
}
