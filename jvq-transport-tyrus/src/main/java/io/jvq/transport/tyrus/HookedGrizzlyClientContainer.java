package io.jvq.transport.tyrus;

import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.DeploymentException;
import org.glassfish.tyrus.container.grizzly.client.GrizzlyClientContainer;
import org.glassfish.tyrus.spi.ClientContainer;
import org.glassfish.tyrus.spi.ClientEngine;
import org.glassfish.tyrus.spi.Connection;
import org.glassfish.tyrus.spi.UpgradeRequest;
import org.glassfish.tyrus.spi.UpgradeResponse;
import org.glassfish.tyrus.spi.Writer;

import java.io.IOException;
import java.util.Map;

/**
 * Tyrus's Grizzly client container, with the connection's {@link TransportHandle} filled in on
 * the way through the Tyrus SPI, and the upgraded connection reading on its selector thread
 * ({@link SelectorThreadReads}). Not API: public only because Tyrus instantiates its container
 * by class name ({@code ClientManager.createClient(String)}).
 */
public final class HookedGrizzlyClientContainer implements ClientContainer {
    private final ClientContainer grizzly = new GrizzlyClientContainer();

    @Override
    public void openClientSocket(ClientEndpointConfig config, Map<String, Object> properties, ClientEngine engine)
            throws DeploymentException, IOException {
        Object handle = config.getUserProperties().get(TransportHandle.PROPERTY);
        ClientEngine hooked = handle instanceof TransportHandle transport ? new HookedEngine(engine, transport) : engine;
        grizzly.openClientSocket(config, properties, hooked);
    }

    private static final class HookedEngine implements ClientEngine {
        private final ClientEngine engine;
        private final TransportHandle handle;

        HookedEngine(ClientEngine engine, TransportHandle handle) {
            this.engine = engine;
            this.handle = handle;
        }

        @Override
        public UpgradeRequest createUpgradeRequest(TimeoutHandler timeoutHandler) {
            if (timeoutHandler != null) {
                handle.timeoutHandler(timeoutHandler);
            }
            return engine.createUpgradeRequest(timeoutHandler);
        }

        @Override
        public ClientUpgradeInfo processResponse(UpgradeResponse response, Writer writer,
                                                 Connection.CloseListener closeListener) {
            if (writer != null) {
                handle.writer(writer);
            }
            ClientUpgradeInfo info = engine.processResponse(response, writer, closeListener);
            return new ClientUpgradeInfo() {
                @Override
                public ClientUpgradeStatus getUpgradeStatus() {
                    return info.getUpgradeStatus();
                }

                @Override
                public Connection createConnection() {
                    Connection connection = info.createConnection();
                    if (connection == null) {
                        return null;
                    }
                    if (writer != null) {
                        SelectorThreadReads.apply(writer);
                    }
                    return handle.watch(connection);
                }
            };
        }

        @Override
        public void processError(Throwable error) {
            engine.processError(error);
        }
    }
}
