package dev.regua.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/** Free-port selection and port probing, always on 127.0.0.1. */
final class Ports {

    static final String HOST = "127.0.0.1";

    private Ports() {
    }

    /** {@code requested} when it is positive, otherwise a port that is free right now. */
    static int orFree(int requested) {
        return requested > 0 ? requested : free(1).get(0);
    }

    /** {@code count} distinct ports that are free right now (held open together so they differ). */
    static List<Integer> free(int count) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            List<Integer> ports = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket();
                sockets.add(socket);
                socket.setReuseAddress(true);
                socket.bind(new InetSocketAddress(InetAddress.getByName(HOST), 0));
                ports.add(socket.getLocalPort());
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not find a free port on " + HOST, e);
        } finally {
            for (ServerSocket socket : sockets) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // nothing to do
                }
            }
        }
    }

    static boolean isListening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, port), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Fails early with a clear message when a fixed port is already taken. */
    static void requireFree(String component, int port) {
        if (isListening(port)) {
            throw new InfraStartException(component + ": port " + port + " on " + HOST
                    + " is already in use (a previous run still alive? try LocalInfra.stopAll(stateDir), or pass 0 "
                    + "for a free port)");
        }
    }
}
