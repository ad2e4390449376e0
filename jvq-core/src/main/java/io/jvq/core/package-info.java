/**
 * Values every part of jvq shares: subscription codes, quote levels, fixed-point numbers, times of day, the token.
 * Nothing here is null unless marked {@code @Nullable}.
 */
@NullMarked
package io.jvq.core;

import org.jspecify.annotations.NullMarked;
