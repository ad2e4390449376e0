package io.jvq.core.event;

import io.jvq.core.SubscriptionCode;

/** A market-data event decoded from a binary frame. */
public sealed interface QuoteEvent extends JvqEvent permits Level1Quote, Level2Trade, Level10Book {

    /** The subscription code the line was pushed under, e.g. {@code lv2_600519}. */
    SubscriptionCode code();

    /** Time of the quote or trade as milliseconds since midnight. */
    int timeOfDayMillis();
}
