/**
 * The ports a transport implements: a WebSocket and a discovery call.
 * Nothing here is null unless marked {@code @Nullable}.
 */
@NullMarked
package io.jvq.core.port;

import org.jspecify.annotations.NullMarked;
