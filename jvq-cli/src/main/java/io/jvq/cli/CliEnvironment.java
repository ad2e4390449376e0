package io.jvq.cli;

import java.io.Console;
import java.lang.reflect.Method;
import java.util.Map;

/**
 * What the commands read from their surroundings: environment variables and whether stdout is
 * a terminal. Tests pass their own.
 *
 * @param variables environment variables, e.g. {@code JVQ_TOKEN}
 * @param terminal  true when stdout is an interactive terminal (colour is then allowed)
 */
public record CliEnvironment(Map<String, String> variables, boolean terminal) {

    public CliEnvironment {
        variables = Map.copyOf(variables);
    }

    public static CliEnvironment system() {
        return new CliEnvironment(System.getenv(), isTerminal());
    }

    public String variable(String name) {
        return variables.get(name);
    }

    /**
     * Up to JDK 21 a console exists only when stdin and stdout are terminals; from 22 on it may
     * exist anyway and {@code Console.isTerminal()} tells.
     */
    // Up to JDK 21 (this build runs on 17) a null console is how "not a terminal" shows; 22+ is handled below.
    @SuppressWarnings("SystemConsoleNull")
    private static boolean isTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (NoSuchMethodException olderJdk) {
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }
}
