package io.jvq.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Per partition, the offset after the last record the source finished with (delivered, or skipped
 * as not wanted): what the group may commit. Not the consumer's position, which runs ahead to the
 * end of the last poll; committing that would pass records a callback never saw when it threw.
 * Poll thread only.
 */
final class DeliveredOffsets {
    private final Map<TopicPartition, OffsetAndMetadata> next = new HashMap<>();

    void done(ConsumerRecord<?, ?> record) {
        next.put(new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset() + 1));
    }

    Map<TopicPartition, OffsetAndMetadata> all() {
        return Map.copyOf(next);
    }

    Map<TopicPartition, OffsetAndMetadata> of(Collection<TopicPartition> partitions) {
        Map<TopicPartition, OffsetAndMetadata> some = new HashMap<>();
        for (TopicPartition partition : partitions) {
            OffsetAndMetadata offset = next.get(partition);
            if (offset != null) {
                some.put(partition, offset);
            }
        }
        return some;
    }

    /** The partitions moved to another member: their offsets are the group's now. */
    void forget(Collection<TopicPartition> partitions) {
        partitions.forEach(next::remove);
    }

    boolean isEmpty() {
        return next.isEmpty();
    }
}
