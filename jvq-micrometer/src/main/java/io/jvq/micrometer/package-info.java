/**
 * Micrometer meters for jvq: bind a client with JvqClientMetrics; names in JvqMeters.
 * Nothing here is null unless marked {@code @Nullable}.
 */
@NullMarked
package io.jvq.micrometer;

import org.jspecify.annotations.NullMarked;
