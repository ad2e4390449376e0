package io.jvq.spring.boot.app;

import io.jvq.core.client.QuoteListener;
import io.jvq.core.event.Level2Trade;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * An application as a user writes it: the starter, a listener bean, and {@code jvq.token} plus
 * {@code jvq.codes}. The root README's "With Spring Boot" example (between the markers).
 */
// --- README: With Spring Boot
@SpringBootApplication
public class QuoteApplication {
    final BlockingQueue<Level2Trade> trades = new LinkedBlockingQueue<>();

    @Bean
    QuoteListener tradeListener() {
        return QuoteListener.onTrades(trades::add);
    }
}
// --- end
