/**
 * What a client delivers: quotes, trades, books, connection events, errors.
 * Nothing here is null unless marked {@code @Nullable}.
 */
@NullMarked
package io.jvq.core.event;

import org.jspecify.annotations.NullMarked;
