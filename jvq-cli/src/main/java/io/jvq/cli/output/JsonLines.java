package io.jvq.cli.output;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.StreamWriteFeature;

/** The JSON Lines settings every JSON writer of the CLI shares. */
final class JsonLines {
    static final JsonFactory FACTORY = new JsonFactoryBuilder()
            // each object ends its own line; no separator before the next one
            .rootValueSeparator((String) null)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    private JsonLines() {
    }
}
