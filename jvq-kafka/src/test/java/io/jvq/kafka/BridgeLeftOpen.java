package io.jvq.kafka;

import java.util.List;

/**
 * A program that publishes through a bridge and never closes it, as an application may: run in a
 * child JVM by {@link BridgeShutdownTest}. The producer lingers a minute, so what it publishes is
 * still held when the JVM is told to end.
 * Arguments: bootstrap servers, topic prefix, trade count, then {@code exit} (main returns) or
 * {@code wait} (until SIGTERM).
 */
final class BridgeLeftOpen {
    private BridgeLeftOpen() {
    }

    public static void main(String[] args) throws InterruptedException {
        KafkaQuoteBridge bridge = KafkaQuoteBridge.builder()
                .bootstrapServers(args[0])
                .topicPrefix(args[1])
                .producerProperty("linger.ms", 60_000)
                .build();
        Trades trades = new Trades(List.of("600519"));
        trades.next(Integer.parseInt(args[2]));
        trades.sent().forEach(bridge::publish);
        System.out.println("published " + trades.sent().size());
        System.out.flush();
        if (args[3].equals("wait")) {
            Thread.sleep(Long.MAX_VALUE);
        }
    }
}
