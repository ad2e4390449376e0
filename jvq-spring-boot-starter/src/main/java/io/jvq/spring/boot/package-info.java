/**
 * Spring Boot auto-configuration for a jvq client (the jvq.* properties, lifecycle, metrics and health).
 * Nothing here is null unless marked {@code @Nullable}.
 */
@NullMarked
package io.jvq.spring.boot;

import org.jspecify.annotations.NullMarked;
