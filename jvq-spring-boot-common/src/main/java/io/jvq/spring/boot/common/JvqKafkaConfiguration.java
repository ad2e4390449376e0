package io.jvq.spring.boot.common;

import io.jvq.kafka.KafkaQuoteBridge;
import io.jvq.kafka.ValueFormat;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Kafka bridge from {@code jvq.kafka.*}, when jvq-kafka is on the classpath and
 * {@code jvq.kafka.bootstrap-servers} is set. The bridge is the client's {@code QuoteSink} bean, so the
 * client publishes through it; the context closes it (after the client, which its lifecycle stops first),
 * flushing what is buffered.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "io.jvq.kafka.KafkaQuoteBridge")
@ConditionalOnProperty(name = "jvq.kafka.bootstrap-servers")
public class JvqKafkaConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public KafkaQuoteBridge jvqKafkaBridge(JvqProperties properties) {
        JvqProperties.Kafka kafka = properties.getKafka();
        String servers = kafka.getBootstrapServers();
        if (servers == null || servers.isBlank()) {
            throw new IllegalStateException("jvq.kafka.bootstrap-servers is blank: give host:port of a Kafka broker");
        }
        KafkaQuoteBridge.Builder bridge = KafkaQuoteBridge.builder()
                .bootstrapServers(servers)
                .valueFormat(format(kafka.getValueFormat()))
                // the context closes it, in its order: no JVM shutdown hook of its own
                .closeOnShutdown(false);
        try {
            bridge.topicPrefix(kafka.getTopicPrefix());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("invalid jvq.kafka.topic-prefix: " + e.getMessage(), e);
        }
        kafka.getProducer().forEach(bridge::producerProperty);
        return bridge.build();
    }

    private static ValueFormat format(String name) {
        try {
            return ValueFormat.ofWireName(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("invalid jvq.kafka.value-format: " + e.getMessage(), e);
        }
    }
}
