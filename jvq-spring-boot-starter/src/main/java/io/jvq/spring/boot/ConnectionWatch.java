package io.jvq.spring.boot;

import io.jvq.core.client.QuoteListener;
import io.jvq.core.event.ConnectionEvent;

/** Remembers why the client is not connected, for the health indicator. */
final class ConnectionWatch implements QuoteListener {
    private volatile String notConnected = "not connected yet";

    @Override
    public void onConnectionEvent(ConnectionEvent event) {
        if (event instanceof ConnectionEvent.Disconnected disconnected) {
            notConnected = disconnected.reason();
        } else if (event instanceof ConnectionEvent.Closed) {
            notConnected = "the client is closed";
        }
    }

    /** The last reason a connection ended or failed (token already redacted by the client). */
    String notConnectedReason() {
        return notConnected;
    }
}
