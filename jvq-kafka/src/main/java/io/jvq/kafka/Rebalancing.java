package io.jvq.kafka;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The source's rebalance listener. Positions newly assigned partitions for {@link StartPosition#at},
 * commits what was delivered from partitions taken away, and reports the first assignment.
 * A group's partitions with a committed offset resume from it, as with earliest and latest: a
 * restart or a rebalance must not replay from the start time again. Poll thread only.
 */
final class Rebalancing implements ConsumerRebalanceListener {
    // the source's logger, so that one logging setting covers the source and its parts
    private static final System.Logger LOG = System.getLogger(KafkaQuoteSource.class.getName());

    private final Consumer<byte[], byte[]> consumer;
    private final StartPosition start;
    /** The source is in a group of its own choosing, whose offsets it commits. */
    private final boolean commits;
    private final DeliveredOffsets done;
    /** Told once, when the first partitions are assigned. */
    private final Runnable firstAssigned;
    /** The partitions sought to the start time while this member holds them. */
    private final Set<TopicPartition> positioned = new HashSet<>();
    private boolean connected;

    Rebalancing(Consumer<byte[], byte[]> consumer, StartPosition start, boolean commits, DeliveredOffsets done,
            Runnable firstAssigned) {
        this.consumer = consumer;
        this.start = start;
        this.commits = commits;
        this.done = done;
        this.firstAssigned = firstAssigned;
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
        if (start instanceof StartPosition.At at && !partitions.isEmpty()) {
            Map<TopicPartition, OffsetAndMetadata> committed = commits
                    ? consumer.committed(new HashSet<>(partitions), Duration.ofSeconds(30)) : Map.of();
            Map<TopicPartition, Long> times = new HashMap<>();
            for (TopicPartition partition : partitions) {
                if (committed.get(partition) == null && positioned.add(partition)) {
                    times.put(partition, at.time().toEpochMilli());
                }
            }
            if (!times.isEmpty()) {
                List<TopicPartition> atEnd = new ArrayList<>();
                for (Map.Entry<TopicPartition, OffsetAndTimestamp> found : consumer.offsetsForTimes(times).entrySet()) {
                    if (found.getValue() == null) {
                        atEnd.add(found.getKey());
                    } else {
                        consumer.seek(found.getKey(), found.getValue().offset());
                    }
                }
                if (!atEnd.isEmpty()) { // an empty list would mean every assigned partition
                    consumer.seekToEnd(atEnd);
                }
            }
        }
        if (!connected && !partitions.isEmpty()) {
            connected = true;
            firstAssigned.run();
        }
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        Map<TopicPartition, OffsetAndMetadata> offsets = done.of(partitions);
        if (commits && !offsets.isEmpty()) {
            try {
                consumer.commitSync(offsets, Duration.ofSeconds(5));
            } catch (RuntimeException error) {
                LOG.log(System.Logger.Level.WARNING, "Kafka source: commit on rebalance failed: {0}", error.toString());
            }
        }
        done.forget(partitions);
        // back to the group's commit (or the start time, without one) if it comes back
        positioned.removeAll(partitions);
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
        done.forget(partitions); // another member owns them already: committing would be refused
        positioned.removeAll(partitions);
    }
}
