/**
 * A jvq transport on the JDK's own {@code java.net.http}: the socket port on
 * {@link java.net.http.WebSocket}, the discovery port on {@link java.net.http.HttpClient}; no
 * library beyond jvq-core. Nothing here is null unless marked {@code @Nullable}.
 */
@NullMarked
package io.jvq.transport.jdk;

import org.jspecify.annotations.NullMarked;
