// The multicast lesson's listener in Java, as a Java course writes it: bind the group's port,
// join the group, and receive. Run several: each one gets its own copy of every datagram
// sent to the group. In Rust: crates/multicast-listener/examples/multicast-listener-minimal.rs
//
//   java java/MulticastListener.java    # terminals 1 and 2 (or: ... 239.255.78.78:7880)
//   java java/MulticastSender.java      # terminal 3 (or: cargo run -p multicast-sender)

import java.io.*;
import java.net.*;
import java.nio.charset.StandardCharsets;

public class MulticastListener {
    public static void main(String[] args) throws IOException {
        InetSocketAddress group = parse(args.length > 0 ? args[0] : "239.255.78.78:7880");
        InetAddress interfaceAddress = InetAddress.getByName("127.0.0.1");
        NetworkInterface loopback = NetworkInterface.getByInetAddress(interfaceAddress);
        // MulticastSocket turns SO_REUSEADDR on before it binds the wildcard address and the
        // group's port: other listeners may share the port.
        MulticastSocket socket = new MulticastSocket(group.getPort());
        String local = show(socket.getLocalSocketAddress());
        System.err.printf("bind     %s (UDP, wildcard address; SO_REUSEADDR %s, set by"
                + " MulticastSocket)%n", local, socket.getReuseAddress() ? "on" : "off");
        // join: the OS tells the network (IGMP) this host wants the group, on this interface.
        socket.joinGroup(group, loopback);
        System.err.printf("join     group %s on interface 127.0.0.1 (%s)%n",
                group.getAddress().getHostAddress(), loopback.getName());
        byte[] buffer = new byte[65_536];
        while (true) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            socket.receive(packet);
            int n = packet.getLength();
            String from = show(packet.getSocketAddress());
            String text = new String(buffer, 0, n, StandardCharsets.UTF_8);
            System.out.printf("from %s  %5d bytes  \"%s\"%n", from, n, text.replace("\n", "\\n"));
        }
    }

    /** "127.0.0.1:7878" to an address: the host before the last colon, the port after it. */
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
