/**
 * Spring Boot 4 auto-configuration for a jvq client: the shared client configuration and a health
 * indicator on the {@code spring-boot-health} API. Nothing here is null unless marked {@code @Nullable}.
 */
@NullMarked
package io.jvq.spring.boot;

import org.jspecify.annotations.NullMarked;
