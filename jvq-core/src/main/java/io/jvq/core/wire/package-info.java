/**
 * Transport-neutral wire rules every adapter follows, written once: what a discovery reply
 * means ({@link io.jvq.core.wire.DiscoveryReplies}), what a close frame may carry
 * ({@link io.jvq.core.wire.CloseFrames}), how a token is kept out of any exception
 * ({@link io.jvq.core.wire.TokenScrubber}) and how a timeout is named
 * ({@link io.jvq.core.wire.Timeouts}). The testkit's port contract suites hold every transport to them.
 */
@NullMarked
package io.jvq.core.wire;

import org.jspecify.annotations.NullMarked;
