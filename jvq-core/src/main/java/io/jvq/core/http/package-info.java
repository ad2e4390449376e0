/**
 * The discovery port on the JDK's own {@code java.net.http.HttpClient}: no dependency, so any
 * transport (or a test) can use it.
 */
@NullMarked
package io.jvq.core.http;

import org.jspecify.annotations.NullMarked;
