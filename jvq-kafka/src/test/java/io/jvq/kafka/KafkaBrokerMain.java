package io.jvq.kafka;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A {@link KafkaBroker} (one KRaft node, Kafka's own test kit) in a JVM of its own, for harnesses run
 * outside Maven such as {@code jvq-benchmarks/bridge-feed.sh}. It prints {@code bootstrap HOST:PORT} on
 * stdout once the broker is ready, then answers commands read from stdin, one a line, each with one line:
 *
 * <ul>
 *   <li>{@code topic NAME PARTITIONS}: creates the topic (one replica), answers {@code created NAME};
 *   <li>{@code offsets NAME}: answers {@code offsets NAME SUM}, the sum of the end offsets of the topic's
 *       partitions (the records in it, when nothing was deleted);
 * </ul>
 *
 * <p>and {@code error MESSAGE} when a command fails. It stops the broker and exits when stdin closes
 * (or on SIGTERM). The broker's data goes under {@code java.io.tmpdir}.
 */
public final class KafkaBrokerMain {
    private static final long ADMIN_TIMEOUT_SECONDS = 30;

    private KafkaBrokerMain() {
    }

    public static void main(String[] args) throws Exception {
        // stdout is for the answers only: what Kafka's test kit prints (it formats the log dirs) goes to stderr
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        System.setOut(System.err);
        KafkaBroker broker = KafkaBroker.start();
        AtomicBoolean closed = new AtomicBoolean();
        Runnable stop = () -> {
            if (closed.compareAndSet(false, true)) {
                broker.close();
            }
        };
        Runtime.getRuntime().addShutdownHook(new Thread(stop, "jvq-broker-stop"));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            out.println("bootstrap " + broker.bootstrapServers());
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String command = line.strip();
                if (!command.isEmpty()) {
                    out.println(answer(broker, admin, command.split("\\s+")));
                }
            }
        } finally {
            stop.run();
        }
    }

    private static String answer(KafkaBroker broker, Admin admin, String[] words) {
        try {
            if (words.length == 3 && words[0].equals("topic")) {
                broker.createTopic(words[1], Integer.parseInt(words[2]));
                return "created " + words[1];
            }
            if (words.length == 2 && words[0].equals("offsets")) {
                return "offsets " + words[1] + " " + endOffsets(admin, words[1]);
            }
            return "error unknown command: " + String.join(" ", words);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "error interrupted";
        } catch (ExecutionException e) {
            return "error " + words[0] + ": " + e.getCause();
        } catch (Exception e) {
            return "error " + words[0] + ": " + e;
        }
    }

    /** The sum of the end offsets of the topic's partitions. */
    private static long endOffsets(Admin admin, String topic) throws Exception {
        TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames()
                .get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS).get(topic);
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        description.partitions().forEach(partition -> latest.put(new TopicPartition(topic, partition.partition()),
                OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResultInfo> ends = admin.listOffsets(latest).all()
                .get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        long sum = 0;
        for (ListOffsetsResultInfo end : ends.values()) {
            sum += end.offset();
        }
        return sum;
    }
}
