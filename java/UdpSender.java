// The UDP lesson's sender in Java, as a Java course writes it: no connection, one
// `send`, one datagram. Ten of them, numbered; no exception only means the kernel
// took each one: UDP cannot tell if it arrived.
// In Rust: crates/udp-sender/examples/udp-sender-minimal.rs
//
//   java java/UdpReceiver.java   # terminal 1
//   java java/UdpSender.java     # terminal 2 (or: ... 127.0.0.1:7879)

import java.io.*;
import java.net.*;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

public class UdpSender {
    public static void main(String[] args) throws IOException, InterruptedException {
        String text = args.length > 0 ? args[0] : "127.0.0.1:7879";
        InetSocketAddress to = parse(text);
        // The constructor binds at once, port 0: the OS picks a free port, which the
        // receiver sees as where the datagrams come from.
        DatagramSocket socket = new DatagramSocket();
        String local = show(socket.getLocalSocketAddress());
        System.err.printf("bind     %s (port 0 asked: the OS chose the port)%n",
                local);
        // The run number tells this run from the next one.
        long run = ProcessHandle.current().pid() % 0x10000;
        for (int seq = 0; seq < 10; seq++) {
            Instant sent = Instant.now(); // the receiver shows the delay
            String header = String.format("SEQ %d OF 10 RUN %04x SENT %d.%06d",
                    seq, run, sent.getEpochSecond(), sent.getNano() / 1000);
            String message = header + "\nhello " + seq;
            byte[] datagram = message.getBytes(StandardCharsets.UTF_8);
            socket.send(new DatagramPacket(datagram, datagram.length, to));
            System.err.printf("send     %d bytes to %s: SEQ %d OF 10 (no exception:"
                    + " the kernel took it)%n", datagram.length, show(to), seq);
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
