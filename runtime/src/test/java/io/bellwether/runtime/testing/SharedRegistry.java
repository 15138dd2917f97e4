package io.bellwether.runtime.testing;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit extension that hands a {@link TestRegistry} parameter to test classes: one registry for the whole run,
 * started on first use and closed by JUnit when the run ends, since starting one takes tens of seconds.
 */
public final class SharedRegistry implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedRegistry.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestRegistry.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        // The root store outlives every test class; JUnit closes AutoCloseable values in it at the end of the run.
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(TestRegistry.class, key -> {
            try {
                return TestRegistry.start();
            } catch (Exception e) {
                throw new ParameterResolutionException("cannot start the test schema registry: " + e.getMessage(), e);
            }
        }, TestRegistry.class);
    }
}
