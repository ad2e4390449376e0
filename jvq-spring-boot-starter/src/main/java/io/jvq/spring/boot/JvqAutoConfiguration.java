package io.jvq.spring.boot;

import io.jvq.core.client.JvqClient;
import io.jvq.spring.boot.common.ConnectionWatch;
import io.jvq.spring.boot.common.JvqClientConfiguration;
import io.jvq.spring.boot.common.JvqProperties;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Spring Boot 4: the client of {@link JvqClientConfiguration} and, with the actuator present, a
 * {@code jvq} health indicator (the {@code spring-boot-health} module's API, which the actuator brings).
 */
@AutoConfiguration
@Import(JvqClientConfiguration.class)
public class JvqAutoConfiguration {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HealthIndicator.class)
    @ConditionalOnBooleanProperty(name = "jvq.health.enabled", matchIfMissing = true)
    static class HealthCheck {
        @Bean
        @ConditionalOnMissingBean(name = "jvqHealthIndicator")
        JvqHealthIndicator jvqHealthIndicator(JvqClient client, ConnectionWatch watch, JvqProperties properties) {
            return new JvqHealthIndicator(client, watch, properties.getHealth().getMaxSilence());
        }
    }
}
