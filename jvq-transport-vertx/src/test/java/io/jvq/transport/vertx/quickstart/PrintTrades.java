// The root README's "Quick start in your own project" class, as it is there (without a package
// there); QuickStartTest runs it against the fake server. ReadmeJavaBlocksTest (jvq-cli) checks
// that the README shows it line for line.
package io.jvq.transport.vertx.quickstart;

import io.jvq.core.SubscriptionCode;
import io.jvq.core.client.ClientOptions;
import io.jvq.core.client.JvqClient;
import io.jvq.core.client.QuoteListener;
import io.jvq.transport.vertx.JvqVertx;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

public class PrintTrades {
    public static void main(String[] args) throws InterruptedException {
        // where jvq serve --port 18080 answers; for jvQuant itself, leave discoveryUrl out and use your token
        String discoveryUrl = args.length > 0 ? args[0] : "http://127.0.0.1:18080/server";
        ClientOptions options = ClientOptions.builder("test-token")   // the token jvq serve accepts by default
                .discoveryUrl(discoveryUrl)
                .build();
        CountDownLatch twentyTrades = new CountDownLatch(20);
        try (JvqClient client = JvqVertx.clientBuilder(options)
                .listener(QuoteListener.onTrades(trade -> {
                    // trade.code() is the subscription code (lv2_600519); code().symbol() the security (600519)
                    System.out.println(trade.code().symbol() + " " + trade.time() + " #" + trade.tradeId()
                            + " " + trade.quantity() + " @ " + trade.priceDecimal());
                    twentyTrades.countDown();
                }))
                .build()) {
            client.subscribe(SubscriptionCode.parseAll("lv2_600519", "lv2_000001"));
            client.start();   // connects in the background, and reconnects by itself
            if (!twentyTrades.await(60, TimeUnit.SECONDS)) {
                System.err.println("no trades within 60 s: is jvq serve --port 18080 running?");
            }
        }
    }
}
