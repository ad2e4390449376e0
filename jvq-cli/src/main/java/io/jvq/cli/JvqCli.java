package io.jvq.cli;

import io.jvq.cli.output.WriterOutputStream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

/**
 * The {@code jvq} command: a demo against the built-in fake server, a live stream, recording,
 * the fake server on its own, and offline decoding of captures.
 *
 * <p>Exit codes: 0 done, 1 failed (discovery refused, unreadable capture, I/O), 2 bad usage
 * (a bad code or option). Data goes to stdout; connection state, logs and errors to stderr;
 * the token to neither.
 */
@Command(name = "jvq",
        mixinStandardHelpOptions = true,
        versionProvider = JvqCli.Version.class,
        description = "Real-time quotes from jvQuant (Shanghai and Shenzhen): stream, record, replay, test.",
        subcommands = {DemoCommand.class, StreamCommand.class, RecordCommand.class, BridgeCommand.class, ServeCommand.class,
                DecodeCommand.class, CommandLine.HelpCommand.class})
public final class JvqCli implements Callable<Integer> {
    /** The environment variable the token is read from when {@code --token} is not given. */
    public static final String TOKEN_VARIABLE = "JVQ_TOKEN";

    private final CliEnvironment environment;
    /** Stdout as bytes, when the process has one (main); null in-process, where stdout is a writer. */
    private OutputStream stdoutBytes;

    @Spec
    private CommandSpec spec;

    public JvqCli(CliEnvironment environment) {
        this.environment = environment;
    }

    CliEnvironment environment() {
        return environment;
    }

    /**
     * Stdout as bytes, for the event writers, which encode UTF-8 themselves: the process's own
     * stdout, or (in-process) one that hands what it is given to the command's writer when flushed.
     */
    static OutputStream stdoutBytes(CommandSpec spec) {
        JvqCli root = (JvqCli) spec.root().userObject();
        return root.stdoutBytes != null ? root.stdoutBytes : new WriterOutputStream(spec.commandLine().getOut());
    }

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "missing a command: demo, stream, record, bridge, serve or decode");
    }

    public static void main(String[] args) {
        FileOutputStream stdout = new FileOutputStream(FileDescriptor.out);
        PrintWriter out = new PrintWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8), false);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(
                new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8), true);
        FrameworkLogging.routeToSlf4j(Secrets.of(CliEnvironment.system(), args)::redact);
        CommandLine cli = commandLine(CliEnvironment.system(), out, err, args);
        ((JvqCli) cli.getCommand()).stdoutBytes = stdout;
        int exitCode = cli.execute(args);
        out.flush();
        err.flush();
        System.exit(exitCode);
    }

    /** Runs one command line to its end and returns the exit code; what {@code main} does, minus the exit. */
    public static int run(CliEnvironment environment, PrintWriter out, PrintWriter err, String... args) {
        return commandLine(environment, out, err, args).execute(args);
    }

    /**
     * The configured command tree. {@code args} are only used to know which tokens to hide
     * from error messages.
     */
    static CommandLine commandLine(CliEnvironment environment, PrintWriter out, PrintWriter err, String... args) {
        Secrets secrets = Secrets.of(environment, args);
        CommandLine cli = new CommandLine(new JvqCli(environment));
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((e, ignored) -> {
            CommandLine command = e.getCommandLine();
            String name = command.getCommandSpec().qualifiedName();
            command.getErr().println(name + ": " + oneLine(secrets.redact(e.getMessage()))
                    + " (see '" + name + " --help')");
            command.getErr().flush();
            return CommandLine.ExitCode.USAGE;
        });
        cli.setExecutionExceptionHandler((e, command, ignored) -> {
            String name = command.getCommandSpec().qualifiedName();
            PrintWriter commandErr = command.getErr();
            if (e instanceof CliFailure failure) {
                commandErr.println(name + ": " + oneLine(secrets.redact(failure.getMessage())));
                commandErr.flush();
                return failure.exitCode();
            }
            commandErr.println(name + ": failed: " + oneLine(secrets.redact(String.valueOf(e))));
            commandErr.flush();
            return CommandLine.ExitCode.SOFTWARE;
        });
        return cli;
    }

    private static String oneLine(String message) {
        return message == null ? "" : message.strip().replace("\r\n", "; ").replace('\n', ' ').replace('\r', ' ');
    }

    /** The version from the jar's manifest, or a note that this is a build from the classes directory. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = JvqCli.class.getPackage().getImplementationVersion();
            return new String[] {"jvq " + (version == null ? "(development build)" : version)};
        }
    }
}
