/**
 * What the jvq Spring Boot starters share whatever their Boot line: the {@code jvq.*} properties, the
 * client built from them (transport, options, listeners, customizers), its lifecycle, its meters and
 * the health rules as plain data. Nothing here is null unless marked {@code @Nullable}.
 */
@NullMarked
package io.jvq.spring.boot.common;

import org.jspecify.annotations.NullMarked;
