package io.jvq.transport.vertx;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import io.jvq.core.SubscriptionCode;
import io.jvq.core.client.ClientOptions;
import io.jvq.core.client.JvqClient;
import io.jvq.core.client.QuoteListener;
import io.jvq.core.event.Level1Quote;
import io.vertx.core.Vertx;

/**
 * The code of jvq-transport-vertx/README.md, kept here so that it keeps compiling; the Guice
 * test runs it against the fake server. Change both together.
 */
final class ReadmeSnippets {
    private ReadmeSnippets() {
    }

    /** README, "Without a DI container". */
    static JvqClient plain(ClientOptions options, QuoteListener listener) {
        JvqClient client = JvqVertx.clientBuilder(options)
                .listener(listener)
                .build();
        client.subscribe(SubscriptionCode.parse("lv1_600519"), SubscriptionCode.parse("lv2_600519"));
        client.start();
        return client;
    }

    /** README, "With Guice". */
    static JvqClient withGuice(ClientOptions options, QuoteListener listener) {
        Injector injector = Guice.createInjector(new JvqVertxModule(options, listener));
        JvqClient client = injector.getInstance(JvqClient.class);
        client.subscribe(SubscriptionCode.parse("lv1_600519"));
        client.start();
        return client;
    }

    /** README, "With Guice": a listener. */
    static QuoteListener listener() {
        QuoteListener listener = new QuoteListener() {
            @Override
            public void onLevel1(Level1Quote quote) {
                // hand the quote to your own code; keep it short: this is an event-loop thread
            }
        };
        return listener;
    }

    /** README, "With Guice", on the application's own Vert.x instance. */
    static Injector withGuiceOnYourVertx(Vertx vertx, ClientOptions options, QuoteListener listener) {
        Injector injector = Guice.createInjector(new JvqVertxModule(), new AbstractModule() {
            @Override
            protected void configure() {
                bind(ClientOptions.class).toInstance(options);
                bind(QuoteListener.class).toInstance(listener);
                bind(Vertx.class).toInstance(vertx); // optional: without it jvq runs its own
            }
        });
        return injector;
    }
}
