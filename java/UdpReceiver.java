// The UDP lesson's receiver in Java, as a Java course writes it: bind a port, then
// `receive` fills a DatagramPacket with one whole datagram at a time, and who sent
// it. No connection: anyone may send, some may be lost.
// In Rust: crates/udp-receiver/examples/udp-receiver-minimal.rs
//
//   java java/UdpReceiver.java   # terminal 1 (or: ... 127.0.0.1:0)
//   java java/UdpSender.java     # terminal 2

import java.io.*;
import java.net.*;
import java.nio.charset.StandardCharsets;

public class UdpReceiver {
    public static void main(String[] args) throws IOException {
        String text = args.length > 0 ? args[0] : "127.0.0.1:7879";
        DatagramSocket socket = new DatagramSocket(parse(text));
        String local = show(socket.getLocalSocketAddress());
        System.err.printf("bind     %s (UDP); Ctrl-C stops%n", local);
        // Room for the largest datagram (65,507 bytes): a shorter one would be cut.
        byte[] buffer = new byte[65_536];
        while (true) {
            // receive waits for the next datagram: a whole datagram, and its sender.
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            socket.receive(packet);
            int n = packet.getLength();
            String from = show(packet.getSocketAddress());
            System.err.printf("receive  %d bytes from %s%n", n, from);
            String data = new String(buffer, 0, n, StandardCharsets.UTF_8);
            System.out.printf("from %s  %5d bytes  \"%s\"%n",
                    from, n, data.replace("\n", "\\n"));
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
