package io.jvq.spring.boot.common;

import io.jvq.core.client.JvqClient;
import io.jvq.core.client.QuoteListener;
import io.jvq.core.codec.QuoteSink;
import io.jvq.micrometer.JvqClientMetrics;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import java.util.List;

/**
 * The beans every starter's auto-configuration imports: a {@link JvqClient} from the {@code jvq.*}
 * properties, started and closed with the context. Every {@link QuoteListener} bean hears its events
 * (in bean order); a single {@link QuoteSink} bean, if there is one, takes the zero-allocation path (two fail the startup);
 * every {@link JvqClientCustomizer} bean adjusts the options first. With Micrometer present the
 * client's meters are bound; with jvq-kafka and {@code jvq.kafka.bootstrap-servers}, its quotes go to Kafka.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(JvqProperties.class)
@Import(JvqKafkaConfiguration.class)
public class JvqClientConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public ConnectionWatch jvqConnectionWatch() {
        return new ConnectionWatch();
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public JvqClient jvqClient(JvqProperties properties, ConnectionWatch watch, ObjectProvider<QuoteListener> listeners,
                               ObjectProvider<QuoteSink> sink, ObjectProvider<JvqClientCustomizer> customizers) {
        QuoteListener listener = watch;
        for (QuoteListener next : listeners.orderedStream().toList()) {
            listener = listener.andThen(next);
        }
        JvqClient.Builder builder = Transports.clientBuilder(properties.getTransport(),
                        ClientOptionsFactory.options(properties, customizers.orderedStream().toList()))
                .listener(listener)
                .dispatch(ClientOptionsFactory.dispatch(properties));
        List<QuoteSink> sinks = sink.orderedStream().toList();
        if (sinks.size() > 1) {
            // taking none or one of them would silently starve the others
            throw new IllegalStateException(sinks.size() + " QuoteSink beans, and a client feeds one: declare a single"
                    + " QuoteSink bean (it may fan out), or QuoteListener beans, which all hear every event");
        }
        sinks.forEach(builder::quoteSink);
        return builder.build();
    }

    @Bean
    public JvqClientLifecycle jvqClientLifecycle(JvqClient client, JvqProperties properties) {
        return new JvqClientLifecycle(client, ClientOptionsFactory.codes(properties), properties.isAutoStart());
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "io.micrometer.core.instrument.MeterRegistry")
    static class Metrics {
        /** Bound to every registry by Spring Boot's metrics support, as any MeterBinder bean. */
        @Bean
        @ConditionalOnMissingBean
        JvqClientMetrics jvqClientMetrics(JvqClient client) {
            return new JvqClientMetrics(client);
        }
    }
}
