package io.jvq.core.client;

import io.jvq.core.event.ConnectionEvent;
import io.jvq.core.event.JvqEvent;

/** {@link Dispatch#direct()}: the listener runs on the calling thread; nothing is queued. */
final class DirectDispatcher implements EventDispatcher {
    private final ListenerGuard listener;

    DirectDispatcher(ListenerGuard listener) {
        this.listener = listener;
    }

    @Override
    public void dispatch(JvqEvent event) {
        listener.deliver(event);
    }

    @Override
    public void frameEnd() {
        listener.frameEnd();
    }

    @Override
    public void close(ConnectionEvent.Closed closed) {
        listener.deliver(closed);
    }

    @Override
    public Thread thread() {
        return null;
    }
}
