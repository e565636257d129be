// The TCP lesson's server in Java, as a Java course writes it: bind a port, `accept`
// each client, echo its bytes back; a thread per client serves many at once.
// In Rust: crates/tcp-echo-server/examples/tcp-echo-server-minimal.rs
//
//   java java/TcpEchoServer.java   # terminal 1 (or: ... 127.0.0.1:0)
//   java java/TcpClient.java       # terminal 2, then type lines

import java.io.*;
import java.net.*;

public class TcpEchoServer {
    public static void main(String[] args) throws IOException {
        String text = args.length > 0 ? args[0] : "127.0.0.1:7878";
        InetSocketAddress address = parse(text);
        // bind and listen: the OS now completes clients' handshakes and queues them.
        ServerSocket listener = new ServerSocket();
        listener.bind(address);
        String local = show(listener.getLocalSocketAddress());
        System.err.printf("bind     %s (TCP listener); waiting for clients%n", local);
        while (true) {
            // accept takes the next queued client: a new socket, connected to it.
            Socket socket = listener.accept();
            String peer = show(socket.getRemoteSocketAddress());
            String on = show(socket.getLocalSocketAddress());
            System.err.printf("accept   from %s on %s"
                    + " (a new socket, the same port)%n", peer, on);
            // One thread per client: each blocks in read on its own connection only.
            new Thread(() -> {
                try (socket) {
                    echo(socket.getInputStream(), socket.getOutputStream());
                    System.err.printf("close    %s: end of stream%n", peer);
                } catch (IOException error) {
                    System.err.printf("close    %s: %s%n", peer, error);
                }
            }).start();
        }
    }

    /** Writes back whatever read returns (TCP is a byte stream) until the end. */
    static void echo(InputStream in, OutputStream out) throws IOException {
        byte[] buffer = new byte[4096];
        int n;
        // -1 is the end of stream: the client shut down its sending side.
        while ((n = in.read(buffer)) != -1) {
            out.write(buffer, 0, n); // returns when the OS has taken all n bytes
        }
    }

    /** "127.0.0.1:7878": the host before the last colon, the port after it. */
    static InetSocketAddress parse(String text) {
        int colon = text.lastIndexOf(':');
        int port = Integer.parseInt(text.substring(colon + 1));
        return new InetSocketAddress(text.substring(0, colon), port);
    }

    /** 127.0.0.1:7878, as Rust prints it (Java's toString writes /127.0.0.1:7878). */
    static String show(SocketAddress address) {
        InetSocketAddress inet = (InetSocketAddress) address;
        String ip = inet.getAddress().getHostAddress();
        return (ip.contains(":") ? "[" + ip + "]" : ip) + ":" + inet.getPort();
    }
}
