package io.jvq.transport.jdk;

import io.jvq.core.wire.DiscoveryReplies;
import org.jspecify.annotations.Nullable;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A response body as bytes, read up to {@link DiscoveryReplies#MAX_BODY_BYTES} plus one: a
 * server (or something in the way) that streams megabytes gets an error, not our heap. The one
 * byte over tells {@link DiscoveryReplies#interpret} that the cap was passed.
 */
final class BoundedBody implements HttpResponse.BodySubscriber<byte[]> {
    static final HttpResponse.BodyHandler<byte[]> HANDLER = info -> new BoundedBody();

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private Flow.@Nullable Subscription subscription;

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        if (result.isDone()) {
            return;
        }
        for (ByteBuffer buffer : buffers) {
            int room = DiscoveryReplies.MAX_BODY_BYTES + 1 - bytes.size();
            byte[] chunk = new byte[Math.min(room, buffer.remaining())];
            buffer.get(chunk);
            bytes.writeBytes(chunk);
            if (bytes.size() > DiscoveryReplies.MAX_BODY_BYTES) {
                if (subscription != null) {
                    subscription.cancel();
                }
                result.complete(bytes.toByteArray());
                return;
            }
        }
    }

    @Override
    public void onError(Throwable error) {
        result.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
        result.complete(bytes.toByteArray());
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }
}
