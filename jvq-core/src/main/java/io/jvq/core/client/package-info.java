/**
 * The client: its builder, options, listener, dispatch, metrics and events as a Flow.Publisher.
 * Nothing here is null unless marked {@code @Nullable}.
 */
@NullMarked
package io.jvq.core.client;

import org.jspecify.annotations.NullMarked;
