// The TCP lesson's client in Java, as a Java course writes it: connect, send each
// line you type, print its echo. TCP is a byte stream: the echo may come back in
// pieces, so read exactly what was sent.
// In Rust: crates/tcp-client/examples/tcp-client-minimal.rs
//
//   java java/TcpEchoServer.java   # terminal 1
//   java java/TcpClient.java       # terminal 2 (or: ... 127.0.0.1:7878)

import java.io.*;
import java.net.*;
import java.nio.charset.StandardCharsets;

public class TcpClient {
    public static void main(String[] args) throws IOException {
        String text = args.length > 0 ? args[0] : "127.0.0.1:7878";
        InetSocketAddress address = parse(text);
        // connect: our OS sends SYN, the server's answers SYN-ACK, ours ACK.
        Socket socket = new Socket(address.getAddress(), address.getPort());
        String local = show(socket.getLocalSocketAddress());
        String server = show(socket.getRemoteSocketAddress());
        System.err.printf("connect  from %s to %s (the OS picked our port)%n",
                local, server);
        System.err.println("ready    type a line and press Enter;"
                + " Ctrl-D (Ctrl-Z on Windows) ends");
        DataInputStream in = new DataInputStream(socket.getInputStream());
        OutputStream out = socket.getOutputStream();
        BufferedReader keyboard = new BufferedReader(
                new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String typed;
        while ((typed = keyboard.readLine()) != null) {
            byte[] line = (typed + "\n").getBytes(StandardCharsets.UTF_8);
            out.write(line); // returns when the OS has taken every byte
            System.err.printf("send     %d bytes to %s%n", line.length, server);
            byte[] echo = new byte[line.length];
            in.readFully(echo); // loops over read until every byte is back
            System.err.printf("recv     %d bytes back from %s%n",
                    echo.length, server);
            System.out.write(echo, 0, echo.length);
        }
        // shutdownOutput sends FIN: the server reads end of stream, closes its side.
        socket.shutdownOutput();
        System.err.println("shutdown write side closed (FIN):"
                + " the server reads end of stream");
        in.readAllBytes();
        System.err.println("close    the server closed its side too"
                + " (end of stream); done");
        socket.close();
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
