package io.jvq.kafka;

import java.util.Arrays;

/**
 * The highest trade ids seen for one code and day, at most {@code capacity} of them, sorted, in a
 * ring that starts small and doubles up to the capacity. Ids usually arrive in increasing order,
 * which appends (and evicts the lowest when full) in constant time; an id that arrives late (two
 * bridges in a hand-over) is placed by binary search and an array shift.
 *
 * <p>Evicted ids are forgotten, so an id at or below the highest one ever evicted (the floor)
 * that is not held cannot be told from one seen before: that is {@link Verdict#UNCHECKED}.
 */
final class TradeIdWindow {
    private static final int INITIAL = 16;

    enum Verdict {
        /** Not seen before (and remembered, when it is within the window). */
        NEW,
        /** Seen before. */
        DUPLICATE,
        /** Below what the window remembers: whether it was seen is not known. */
        UNCHECKED
    }

    private final int capacity;
    private long[] ids;
    private int head;
    private int size;
    private long floor = Long.MIN_VALUE;

    /** {@code capacity}: a power of two. */
    TradeIdWindow(int capacity) {
        if (Integer.bitCount(capacity) != 1) {
            throw new IllegalArgumentException("capacity must be a power of two, got " + capacity);
        }
        this.capacity = capacity;
        this.ids = new long[Math.min(INITIAL, capacity)];
    }

    Verdict offer(long id) {
        if (size == 0 || id > at(size - 1)) {
            append(id);
            return Verdict.NEW;
        }
        int found = search(id);
        if (found >= 0) {
            return Verdict.DUPLICATE;
        }
        if (id <= floor) {
            return Verdict.UNCHECKED;
        }
        int position = -found - 1;
        if (size == capacity && position == 0) {
            floor = id; // lower than all it holds: it would be the one evicted
            return Verdict.NEW;
        }
        insert(position, id);
        return Verdict.NEW;
    }

    /** Forgets every id (a new trading day starts the ids over). */
    void clear() {
        head = 0;
        size = 0;
        floor = Long.MIN_VALUE;
    }

    /** The ids held now; the memory is eight bytes per slot of the ring. */
    int size() {
        return size;
    }

    int slots() {
        return ids.length;
    }

    private long at(int index) {
        return ids[(head + index) & (ids.length - 1)];
    }

    private void append(long id) {
        if (size == ids.length) {
            if (!grow()) {
                evictLowest();
            }
        }
        ids[(head + size) & (ids.length - 1)] = id;
        size++;
    }

    private void insert(int position, long id) {
        if (size == ids.length && !grow()) {
            evictLowest();
            position--;
        }
        int mask = ids.length - 1;
        for (int i = size; i > position; i--) {
            ids[(head + i) & mask] = ids[(head + i - 1) & mask];
        }
        ids[(head + position) & mask] = id;
        size++;
    }

    private void evictLowest() {
        floor = Math.max(floor, at(0));
        head = (head + 1) & (ids.length - 1);
        size--;
    }

    private boolean grow() {
        if (ids.length == capacity) {
            return false;
        }
        long[] larger = new long[ids.length * 2];
        for (int i = 0; i < size; i++) {
            larger[i] = at(i);
        }
        ids = larger;
        head = 0;
        return true;
    }

    /** Binary search over the ring: the index, or {@code -(insertion point) - 1}. */
    private int search(long id) {
        int low = 0;
        int high = size - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            long value = at(middle);
            if (value < id) {
                low = middle + 1;
            } else if (value > id) {
                high = middle - 1;
            } else {
                return middle;
            }
        }
        return -(low + 1);
    }

    @Override
    public String toString() {
        long[] held = new long[size];
        Arrays.setAll(held, this::at);
        return "TradeIdWindow" + Arrays.toString(held) + " floor " + floor;
    }
}
