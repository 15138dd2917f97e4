package io.bellwether.enrich.analysis;

import io.bellwether.enrich.narrative.NarrativeFile;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests the one {@link CoreNlpAnalyzer} of the test JVM: built on first use (10-20 s, ~3 GB of models) and
 * kept in the root extension store, so every test class that asks shares it.
 */
public final class SharedCoreNlp implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedCoreNlp.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == CoreNlpAnalyzer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(CoreNlpAnalyzer.class, type -> load(),
                CoreNlpAnalyzer.class);
    }

    private static CoreNlpAnalyzer load() {
        long started = System.nanoTime();
        CoreNlpAnalyzer analyzer = new CoreNlpAnalyzer(NarrativeFile.defaults(), AnalyzerSettings.defaults());
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        System.out.printf("CoreNLP analyzer loaded in %.1f s; heap in use after GC: %d MB%n",
                (System.nanoTime() - started) / 1e9, (runtime.totalMemory() - runtime.freeMemory()) >> 20);
        return analyzer;
    }
}
