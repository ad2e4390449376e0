package io.jvq.testkit;

/**
 * The {@code code} values of the fake's discovery replies. jvQuant documents only {@code "0"};
 * the others are the fake's own, and every non-{@code "0"} reply also carries a {@code message}.
 * Refusals are HTTP 200, as a JSON API that reports errors in its body does.
 */
public final class DiscoveryCodes {
    /** Success: {@code {"code":"0","server":"127.0.0.1:<port>/<path>"}}. */
    public static final String OK = "0";
    /** The {@code token} parameter is missing or wrong. */
    public static final String BAD_TOKEN = "1";
    /** No server free ({@link DiscoveryFault#busy()}): the same code as a bad token, another message. */
    public static final String BUSY = "1";
    /** The {@code market} parameter is missing or not the fake's market. */
    public static final String BAD_MARKET = "2";
    /** The {@code type} parameter is missing or not {@code websocket}. */
    public static final String BAD_TYPE = "3";
    /** Refused by the test script ({@link FakeJvQuant#refuseNextDiscoveries(int)}). */
    public static final String REFUSED = "9";

    private DiscoveryCodes() {
    }
}
