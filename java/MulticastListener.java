// The multicast lesson's listener in Java, as a Java course writes it: bind the
// group's port, join the group, and receive. Run several: each one gets its own copy
// of every datagram sent to the group.
// In Rust: crates/multicast-listener/examples/multicast-listener-minimal.rs
//
//   java java/MulticastListener.java   # terminals 1 and 2 (or: ... GROUP:PORT)
//   java java/MulticastSender.java     # terminal 3

import java.io.*;
import java.net.*;
import java.nio.charset.StandardCharsets;

public class MulticastListener {
    public static void main(String[] args) throws IOException {
        String text = args.length > 0 ? args[0] : "239.255.78.78:7880";
        InetSocketAddress group = parse(text);
        InetAddress localhost = InetAddress.getByName("127.0.0.1");
        NetworkInterface loopback = NetworkInterface.getByInetAddress(localhost);
        // MulticastSocket sets SO_REUSEADDR before bind: listeners share the port.
        MulticastSocket socket = new MulticastSocket(group.getPort());
        String local = show(socket.getLocalSocketAddress());
        String reuse = socket.getReuseAddress() ? "on" : "off";
        System.err.printf("bind     %s (UDP, wildcard address; SO_REUSEADDR %s,"
                + " set by MulticastSocket)%n", local, reuse);
        // join: the OS tells the network (IGMP) that this host wants the group.
        socket.joinGroup(group, loopback);
        System.err.printf("join     group %s on interface 127.0.0.1 (%s)%n",
                group.getAddress().getHostAddress(), loopback.getName());
        byte[] buffer = new byte[65_536];
        while (true) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            socket.receive(packet);
            int n = packet.getLength();
            String from = show(packet.getSocketAddress());
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
