package io.jvq.transport.jdk;

/**
 * The close codes the JDK's WebSocket client refuses to send, although RFC 6455 lets an endpoint
 * send them: it keeps them for servers or for its own protocol errors. Checked before sending, so
 * the caller hears of it at once rather than in a failed future.
 */
final class JdkCloseCodes {
    static final String REFUSED = "it refuses 1002, 1003, 1007, 1009, 1010, 1012, 1013 and 1014";

    private JdkCloseCodes() {
    }

    static boolean sendable(int code) {
        return switch (code) {
            case 1002, 1003, 1007, 1009, 1010, 1012, 1013, 1014 -> false;
            default -> true;
        };
    }
}
