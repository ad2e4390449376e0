package io.jvq.testkit;

import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Asks JUnit for a started {@link FakeJvQuant} and configures it; registers
 * {@link FakeJvQuantExtension} by itself, so no {@code @ExtendWith} is needed.
 *
 * <pre>{@code
 * @Test
 * void resubscribesAfterACut(@FakeServer FakeJvQuant server) { … }
 *
 * @Test
 * void refusesAWrongToken(@FakeServer(token = "the-right-one") FakeJvQuant server) { … }
 * }</pre>
 *
 * See {@link FakeJvQuantExtension} for how long a server lives.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
@ExtendWith(FakeJvQuantExtension.class)
public @interface FakeServer {

    /** The token the fake accepts. */
    String token() default FakeJvQuant.DEFAULT_TOKEN;

    /** The market flag it serves. */
    String market() default FakeJvQuant.DEFAULT_MARKET;

    /** Whether every discovery hands out a fresh one-use path (see {@link FakeJvQuant.Builder#rotatePaths}). */
    boolean rotatePaths() default true;
}
