package io.jvq.cli;

import io.jvq.core.client.ClientOptions;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

import java.net.URI;
import java.net.URISyntaxException;

/** How to reach jvQuant: token, market, discovery URL and transport. */
final class ConnectOptions {

    @Option(names = "--token", paramLabel = "TOKEN",
            description = "Your jvQuant token (default: the " + JvqCli.TOKEN_VARIABLE + " environment variable). "
                    + "Never printed.")
    String token;

    @Option(names = "--market", paramLabel = "MARKET", defaultValue = "ab",
            description = "Market flag (default: ${DEFAULT-VALUE}, Shanghai + Shenzhen).")
    String market;

    @Option(names = "--discovery-url", paramLabel = "URL", defaultValue = "http://jvQuant.com/server",
            description = "Where to ask for a server address; ?market=…&type=websocket&token=… is appended "
                    + "(default: ${DEFAULT-VALUE}).")
    String discoveryUrl;

    @Option(names = "--transport", paramLabel = "vertx|tyrus|jdk", defaultValue = "vertx", converter = Choice.Transport.class,
            description = "WebSocket client: vertx, tyrus or jdk (default: ${DEFAULT-VALUE}).")
    TransportKind transport;

    /** The client options these flags describe; bad values are usage errors (exit 2). */
    ClientOptions clientOptions(CommandSpec spec, CliEnvironment environment) {
        String value = token;
        String source = "--token";
        if (value == null) {
            value = environment.variable(JvqCli.TOKEN_VARIABLE);
            source = JvqCli.TOKEN_VARIABLE;
        }
        if (value == null) {
            throw new ParameterException(spec.commandLine(),
                    "no token: pass --token TOKEN or set " + JvqCli.TOKEN_VARIABLE);
        }
        if (value.isBlank()) {
            throw new ParameterException(spec.commandLine(), source + " is blank");
        }
        if (!isMarketFlag(market)) {
            throw new ParameterException(spec.commandLine(),
                    "invalid --market '" + market + "': expected letters and digits, e.g. ab");
        }
        return ClientOptions.builder(value)
                .market(market)
                .discoveryUrl(discoveryUri(spec))
                .build();
    }

    private URI discoveryUri(CommandSpec spec) {
        try {
            URI uri = new URI(discoveryUrl);
            String scheme = uri.getScheme();
            if (("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below, like any other unusable URL
        }
        throw new ParameterException(spec.commandLine(),
                "invalid --discovery-url '" + discoveryUrl + "': expected an http:// or https:// URL");
    }

    private static boolean isMarketFlag(String market) {
        if (market.isEmpty()) {
            return false;
        }
        for (int i = 0; i < market.length(); i++) {
            char c = market.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
                return false;
            }
        }
        return true;
    }
}
