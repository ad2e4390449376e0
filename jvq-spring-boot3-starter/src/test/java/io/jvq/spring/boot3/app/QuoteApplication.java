package io.jvq.spring.boot3.app;

import io.jvq.core.client.QuoteListener;
import io.jvq.core.event.Level2Trade;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/** The root README's "With Spring Boot" application, the same on Boot 3.5 with this starter. */
@SpringBootApplication
public class QuoteApplication {
    final BlockingQueue<Level2Trade> trades = new LinkedBlockingQueue<>();

    @Bean
    QuoteListener tradeListener() {
        return QuoteListener.onTrades(trades::add);
    }
}
