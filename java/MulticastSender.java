// The multicast lesson's sender in Java, as a Java course writes it: a UDP socket
// that sends to a group address; every listener that joined the group gets its own
// copy. It joins nothing.
// In Rust: crates/multicast-sender/examples/multicast-sender-minimal.rs
//
//   java java/MulticastListener.java   # terminals 1 and 2
//   java java/MulticastSender.java     # terminal 3 (or: ... GROUP:PORT)

import java.io.*;
import java.net.*;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

public class MulticastSender {
    public static void main(String[] args) throws IOException, InterruptedException {
        String text = args.length > 0 ? args[0] : "239.255.78.78:7880";
        InetSocketAddress group = parse(text);
        InetAddress localhost = InetAddress.getByName("127.0.0.1");
        NetworkInterface loopback = NetworkInterface.getByInetAddress(localhost);
        var socket = new MulticastSocket(new InetSocketAddress(localhost, 0));
        // IP_MULTICAST_IF: out by the loopback interface; nothing leaves the machine.
        socket.setNetworkInterface(loopback);
        // IP_MULTICAST_TTL 1: no router forwards them (1 is also the default).
        socket.setTimeToLive(1);
        String local = show(socket.getLocalSocketAddress());
        System.err.printf("bind     %s (UDP socket that sends to group %s)%n",
                local, show(group));
        System.err.printf("option   IP_MULTICAST_IF 127.0.0.1 (%s),"
                + " IP_MULTICAST_TTL 1: stays on this machine%n", loopback.getName());
        // The run number tells this run from the next one.
        long run = ProcessHandle.current().pid() % 0x10000;
        for (int seq = 0; seq < 10; seq++) {
            Instant sent = Instant.now(); // the listener shows the delay
            String header = String.format("SEQ %d OF 10 RUN %04x SENT %d.%06d",
                    seq, run, sent.getEpochSecond(), sent.getNano() / 1000);
            String message = header + "\nhello, group";
            byte[] datagram = message.getBytes(StandardCharsets.UTF_8);
            // One send, one datagram: the network copies it for every member.
            socket.send(new DatagramPacket(datagram, datagram.length, group));
            System.err.printf("send     SEQ %d OF 10 (%d bytes) to %s from %s%n",
                    seq, datagram.length, show(group), local);
            Thread.sleep(500); // 2 per second, to watch them come
        }
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
