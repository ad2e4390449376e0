package io.jvq.kafka;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A source without a group reads every partition of its topics through {@code assign()}: no group
 * coordinator, no rebalance, and no consumer group left on the broker once it is closed. The topics
 * are looked up when it starts, then again each second while one is missing (the bridge has not
 * published to it yet) and each 30 s after that (partitions added). A partition that appears after
 * the first look holds only quotes published since the source started, so a {@code latest} source
 * reads it from its beginning. Newly assigned partitions go to the {@link ConsumerRebalanceListener}
 * (the source's {@link Rebalancing}), which positions them for a start time. Poll thread only.
 */
final class PartitionAssignment {
    private static final long MISSING_NANOS = Duration.ofSeconds(1).toNanos();
    private static final long REFRESH_NANOS = Duration.ofSeconds(30).toNanos();
    private static final Duration LOOKUP_TIMEOUT = Duration.ofSeconds(5);

    private final Consumer<byte[], byte[]> consumer;
    private final List<String> topics;
    private final boolean fromLatest;
    private final ConsumerRebalanceListener positioning;
    private final Set<TopicPartition> assigned = new HashSet<>();
    private boolean looked;
    private long nextLook;

    PartitionAssignment(Consumer<byte[], byte[]> consumer, List<String> topics, StartPosition start,
            ConsumerRebalanceListener positioning) {
        this.consumer = consumer;
        this.topics = List.copyOf(topics);
        this.fromLatest = start instanceof StartPosition.Latest;
        this.positioning = positioning;
    }

    /** Looks the topics' partitions up when due, and assigns those new since the last look. */
    void refresh() {
        long now = System.nanoTime();
        if (looked && now - nextLook < 0) {
            return;
        }
        boolean missing = false;
        List<TopicPartition> fresh = new ArrayList<>();
        for (String topic : topics) {
            List<PartitionInfo> partitions = partitionsOf(topic);
            if (partitions.isEmpty()) {
                missing = true;
            }
            for (PartitionInfo partition : partitions) {
                TopicPartition topicPartition = new TopicPartition(topic, partition.partition());
                if (!assigned.contains(topicPartition)) {
                    fresh.add(topicPartition);
                }
            }
        }
        if (!fresh.isEmpty()) {
            assigned.addAll(fresh);
            consumer.assign(assigned);
            if (looked && fromLatest) {
                consumer.seekToBeginning(fresh);
            }
            positioning.onPartitionsAssigned(fresh);
        }
        looked = true;
        nextLook = now + (missing ? MISSING_NANOS : REFRESH_NANOS);
    }

    /** True once at least one partition is assigned (before that, the consumer cannot poll). */
    boolean any() {
        return !assigned.isEmpty();
    }

    private List<PartitionInfo> partitionsOf(String topic) {
        try {
            List<PartitionInfo> partitions = consumer.partitionsFor(topic, LOOKUP_TIMEOUT);
            return partitions == null ? List.of() : partitions;
        } catch (TimeoutException unreachable) {
            return List.of(); // Kafka not reachable yet: looked up again in a second
        }
    }
}
