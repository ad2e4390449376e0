package io.jvq.core.market;

/** The two mainland exchanges whose codes jvQuant carries. */
public enum Exchange {
    SHANGHAI, SHENZHEN
}
