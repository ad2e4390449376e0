package io.jvq.testkit;

/** What a {@link FakeJvQuant.Builder} was told, checked; {@code welcome} is null for none, {@code port} 0 for any. */
record FakeSettings(String token, String market, int port, boolean rotatePaths, boolean advertiseScheme,
                    int deflateLevel, int maxCommandBytes, String welcome) {

    static String notBlank(String value, String what) {
        if (value == null) {
            throw new NullPointerException(what);
        }
        if (value.isBlank()) {
            throw new IllegalArgumentException(what + " is blank");
        }
        return value;
    }

    static int within(int value, int min, int max, String what) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(what + " must be " + (max == Integer.MAX_VALUE ? ">= " + min
                    : min + ".." + max) + ", got " + value);
        }
        return value;
    }
}
