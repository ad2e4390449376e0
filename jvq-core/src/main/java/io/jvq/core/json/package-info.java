/**
 * The JSON event schema jvq writes wherever it writes JSON (the CLI, Kafka values), and the small
 * reader for the little JSON jvq reads (the discovery reply, Kafka values).
 * Nothing here is null unless marked {@code @Nullable}.
 */
@NullMarked
package io.jvq.core.json;

import org.jspecify.annotations.NullMarked;
