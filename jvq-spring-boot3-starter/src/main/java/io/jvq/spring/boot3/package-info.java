/**
 * Spring Boot 3.5 auto-configuration for a jvq client: the shared client configuration and a health
 * indicator on Boot 3's actuator API. Nothing here is null unless marked {@code @Nullable}.
 */
@NullMarked
package io.jvq.spring.boot3;

import org.jspecify.annotations.NullMarked;
