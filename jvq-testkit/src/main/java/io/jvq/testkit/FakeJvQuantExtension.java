package io.jvq.testkit;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Injects a started {@link FakeJvQuant} into test, lifecycle-method and constructor parameters of
 * that type, and closes it when its scope ends:
 * <ul>
 *   <li>a parameter of a {@code @Test}, {@code @BeforeEach} or {@code @AfterEach} method gets a server
 *       for that one test (the same instance in all three);</li>
 *   <li>a parameter of a {@code @BeforeAll} method, or of the test class's constructor (JUnit's
 *       default extension-context scope for constructors), gets a server for the whole class, which the
 *       test methods then share.</li>
 * </ul>
 * Configure it with {@link FakeServer} on the parameter; parameters with different settings get
 * different servers. Register it with {@code @ExtendWith(FakeJvQuantExtension.class)} on the class,
 * or let {@code @FakeServer} register it.
 */
public final class FakeJvQuantExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(FakeJvQuantExtension.class);

    /** Identifies one configuration; servers are shared per configuration within a scope. */
    private record Settings(String token, String market, boolean rotatePaths) {
        static Settings of(FakeServer annotation) {
            return annotation == null
                    ? new Settings(FakeJvQuant.DEFAULT_TOKEN, FakeJvQuant.DEFAULT_MARKET, true)
                    : new Settings(annotation.token(), annotation.market(), annotation.rotatePaths());
        }

        FakeJvQuant start() {
            return FakeJvQuant.builder().token(token).market(market).rotatePaths(rotatePaths).start();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == FakeJvQuant.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Settings settings = Settings.of(parameterContext.findAnnotation(FakeServer.class).orElse(null));
        // The store closes AutoCloseable values when its context ends (JUnit 5.13+); lookups fall
        // back to enclosing contexts, so a class-wide server is found before a new one is started.
        return extensionContext.getStore(NAMESPACE).getOrComputeIfAbsent(settings, Settings::start, FakeJvQuant.class);
    }
}
