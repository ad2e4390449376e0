package io.jvq.cli;

import io.jvq.cli.output.EventWriter;
import io.jvq.cli.output.JsonEventWriter;
import io.jvq.cli.output.Palette;
import io.jvq.cli.output.TextEventWriter;
import picocli.CommandLine.Option;

import java.io.OutputStream;

/** {@code --format} and {@code --color}. */
final class OutputOptions {

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text", converter = Choice.Format.class,
            description = "text: a line per event for people; json: one JSON object per line (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Option(names = "--color", paramLabel = "auto|always|never", defaultValue = "auto", converter = Choice.Color.class,
            description = "Colour rises and falls in text output: auto = only on a terminal (default: ${DEFAULT-VALUE}).")
    ColorMode color;

    Palette palette(CliEnvironment environment) {
        return Palette.of(format == OutputFormat.TEXT && color.enabled(environment));
    }

    /** The writer for {@code --format}, writing UTF-8 to {@code out}. */
    EventWriter writer(OutputStream out, CliEnvironment environment) {
        if (format == OutputFormat.JSON) {
            return new JsonEventWriter(out);
        }
        return new TextEventWriter(out, palette(environment));
    }
}
