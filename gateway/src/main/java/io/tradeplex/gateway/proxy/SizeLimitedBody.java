package io.tradeplex.gateway.proxy;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;

/**
 * A request body that fails its transfer once it grows past the limit. A declared Content-Length is checked before
 * anything is sent; this catches the bodies that declare none (chunked, HTTP/2).
 */
final class SizeLimitedBody implements ReadStream<Buffer> {
    private final ReadStream<Buffer> body;
    private final long maxBytes;
    private long receivedBytes;
    private Handler<Throwable> exceptionHandler;

    static final class TooLarge extends RuntimeException {
        TooLarge(long maxBytes) {
            super("Request body larger than " + maxBytes + " bytes", null, false, false);
        }
    }

    SizeLimitedBody(ReadStream<Buffer> body, long maxBytes) {
        this.body = body;
        this.maxBytes = maxBytes;
    }

    @Override
    public ReadStream<Buffer> handler(Handler<Buffer> handler) {
        body.handler(handler == null ? null : chunk -> {
            boolean wasWithinLimit = receivedBytes <= maxBytes;
            receivedBytes += chunk.length();
            if (receivedBytes <= maxBytes) {
                handler.handle(chunk);
            } else if (wasWithinLimit && exceptionHandler != null) {
                exceptionHandler.handle(new TooLarge(maxBytes));
            }
        });
        return this;
    }

    @Override
    public ReadStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
        this.exceptionHandler = handler;
        body.exceptionHandler(handler);
        return this;
    }

    @Override
    public ReadStream<Buffer> pause() {
        body.pause();
        return this;
    }

    @Override
    public ReadStream<Buffer> resume() {
        body.resume();
        return this;
    }

    @Override
    public ReadStream<Buffer> fetch(long amount) {
        body.fetch(amount);
        return this;
    }

    @Override
    public ReadStream<Buffer> endHandler(Handler<Void> endHandler) {
        body.endHandler(endHandler);
        return this;
    }
}
