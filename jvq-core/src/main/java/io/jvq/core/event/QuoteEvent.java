package io.jvq.core.event;

import io.jvq.core.SubscriptionCode;

/** A market-data event decoded from a binary frame. */
public sealed interface QuoteEvent extends JvqEvent permits Level1Quote, Level2Trade, Level10Book {

    /**
     * The subscription code the line was pushed under, e.g. {@code lv2_600519} (its {@code toString()});
     * {@code code().symbol()} is the security alone ({@code 600519}), {@code code().level()} the level.
     */
    SubscriptionCode code();

    /** Time of the quote or trade as milliseconds since midnight. */
    int timeOfDayMillis();
}
