/**
 * The protocol's frames and lines: the decoder, the parser and the zero-allocation views.
 * Nothing here is null unless marked {@code @Nullable}.
 */
@NullMarked
package io.jvq.core.codec;

import org.jspecify.annotations.NullMarked;
