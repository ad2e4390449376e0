package io.jvq.spring.boot.common;

import io.jvq.core.SubscriptionCode;
import io.jvq.core.client.JvqClient;
import org.springframework.context.SmartLifecycle;

import java.util.List;

/** Subscribes the configured codes and starts the client with the context; closes it when the context stops. */
public final class JvqClientLifecycle implements SmartLifecycle {
    private final JvqClient client;
    private final List<SubscriptionCode> codes;
    private final boolean autoStart;
    private volatile boolean running;

    public JvqClientLifecycle(JvqClient client, List<SubscriptionCode> codes, boolean autoStart) {
        this.client = client;
        this.codes = codes;
        this.autoStart = autoStart;
    }

    @Override
    public void start() {
        client.subscribe(codes);
        client.start();
        running = true;
    }

    /** Final: a closed client does not start again (a context stopped and restarted needs a new one). */
    @Override
    public void stop() {
        running = false;
        client.close();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public boolean isAutoStartup() {
        return autoStart;
    }
}
