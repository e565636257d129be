//! Live capture on Linux's loopback interface, `lo`, with a packet socket (`AF_PACKET`): the
//! kernel hands it a copy of every frame that crosses an interface, before any program
//! reads it. That is how tcpdump captures, without libpcap here.
//!
//! Loopback only: a classic BPF filter, run by the kernel before a frame is queued, keeps the
//! frames of `lo` and drops those of every other interface. It also drops loopback's copy of
//! each frame on its way out, so that each packet shows once (tcpdump does the same).
//!
//! Each frame carries the time the kernel saw it cross `lo` (SO_TIMESTAMPNS), not the time
//! this thread read it: a thread wakes 0.03 to 0.6 ms later, long enough for the program that
//! sent the packet to return from its call and narrate it first.
//!
//! The kernel starts stamping frames a little after the first socket asks (it switches the
//! stamping on from a work queue: 1 ms here, more on a busy machine); until then a frame is
//! stamped when it is read. So [`Loopback::open`] sends itself a datagram on 127.0.0.1 until
//! one comes back stamped before its `send_to` returned, and drops those datagrams' frames.

use std::io::{self, IoSliceMut, Read};
use std::net::{Ipv4Addr, UdpSocket};
use std::os::fd::AsRawFd;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use anyhow::Context;
use course::{HintExt, t};
use nix::sys::socket::{self as nix_socket, ControlMessageOwned, MsgFlags, sockopt};
use nix::sys::time::TimeSpec;
use socket2::{Domain, Protocol, SockFilter, Socket, Type};

use crate::capture::Frame;
use crate::link::Link;
use crate::packet::{self, Kind};
use crate::save::SNAPLEN;

/// How often a blocked receive gives up, so that the caller can look at Ctrl-C and its limits.
pub const POLL: Duration = Duration::from_millis(200);

/// The longest [`Loopback::open`] waits for the kernel to stamp frames as they cross `lo`.
const STAMPING: Duration = Duration::from_secs(1);

/// ETH_P_ALL, `<linux/if_ether.h>`: every protocol, not only IPv4 or IPv6.
const ETH_P_ALL: u16 = 0x0003;

/// A packet socket that receives the frames of `lo`.
pub struct Loopback {
    socket: Socket,
    /// The interface number of `lo`.
    index: u32,
    buffer: Vec<u8>,
    /// Room for the control message that carries the kernel's timestamp.
    control: Vec<u8>,
}

impl Loopback {
    /// Opens the packet socket and keeps only `lo`'s frames. Needs root or CAP_NET_RAW.
    pub fn open() -> anyhow::Result<Loopback> {
        let index = loopback_index();
        // The protocol goes in network byte order, as in the frame's EtherType field.
        let protocol = Protocol::from(i32::from(ETH_P_ALL.to_be()));
        let socket = Socket::new(Domain::PACKET, Type::RAW, Some(protocol))
            .context(t!("wire.live.opening"))
            .hint_with(permission_hint)?;
        // Frames of every interface may be queued before a filter is in place: drop all that
        // come, empty the queue, then keep lo's (as libpcap does; the queue can only shrink,
        // so emptying it ends even on a busy loopback).
        socket
            .attach_filter(&[SockFilter::new(RET_K, 0, 0, 0)])
            .context(t!("wire.live.drop-all"))?;
        drain(&socket).context(t!("wire.live.emptying"))?;
        socket
            .attach_filter(&loopback_only(index))
            .context(t!("wire.live.keep-lo"))?;
        // SO_TIMESTAMPNS: each frame comes with the time the kernel saw it (CLOCK_REALTIME,
        // the clock of SystemTime), as tcpdump's are.
        nix_socket::setsockopt(&socket, sockopt::ReceiveTimestampns, &true)
            .map_err(io::Error::from)
            .context(t!("wire.live.timestamps"))?;
        // A larger queue, so that a burst on loopback is not dropped while we print.
        let _ = socket.set_recv_buffer_size(4 << 20);
        socket
            .set_read_timeout(Some(POLL))
            .context(t!("wire.live.timeout"))?;
        let mut loopback = Loopback {
            socket,
            index,
            buffer: vec![0; SNAPLEN as usize],
            control: nix::cmsg_space!(TimeSpec),
        };
        // Where no datagram can cross lo (it is down), frames are stamped when read until the
        // kernel catches up: a millisecond or so, nothing to fail for.
        let _ = loopback.wait_for_kernel_stamps();
        Ok(loopback)
    }

    /// Sends a datagram from 127.0.0.1 to itself until its frame comes back stamped before
    /// `send_to` returned (the kernel's stamp, not the time of reading), or [`STAMPING`]
    /// passes. The frames read meanwhile, those datagrams' and any other, are not shown: the
    /// capture starts after this. True when the kernel stamps.
    fn wait_for_kernel_stamps(&mut self) -> io::Result<bool> {
        let probe = UdpSocket::bind((Ipv4Addr::LOCALHOST, 0))?;
        let to = probe.local_addr()?;
        let deadline = Instant::now() + STAMPING;
        while Instant::now() < deadline {
            probe.send_to(b"wire: are frames stamped by the kernel yet?", to)?;
            let sent = now();
            while let Some(frame) = self.next_frame()? {
                let Ok((ether_type, bytes)) = frame.link.network(&frame.data) else {
                    continue;
                };
                let Ok(packet) = packet::decode(ether_type, bytes, 0) else {
                    continue;
                };
                let ours = matches!(packet.kind, Kind::Udp(_))
                    && packet.source.port == Some(to.port())
                    && packet.destination.port == Some(to.port());
                if ours && frame.timestamp <= sent {
                    return Ok(true);
                }
                if ours {
                    break;
                }
            }
            // Nothing to wait on: the kernel switches stamping on from a work queue.
            std::thread::sleep(Duration::from_millis(1));
        }
        Ok(false)
    }

    /// How long [`Loopback::next_frame`] waits for a frame before it returns `None`
    /// ([`POLL`] unless changed).
    pub fn set_poll(&self, wait: Duration) -> io::Result<()> {
        self.socket.set_read_timeout(Some(wait))
    }

    /// The interface number of `lo` (1 on Linux, in every network namespace).
    pub fn index(&self) -> u32 {
        self.index
    }

    /// The next frame, or `None` when [`POLL`] passed without one: then every frame that
    /// crossed `lo` before the call has been returned.
    pub fn next_frame(&mut self) -> io::Result<Option<Frame>> {
        let mut iov = [IoSliceMut::new(&mut self.buffer)];
        let received = nix_socket::recvmsg::<()>(
            self.socket.as_raw_fd(),
            &mut iov,
            Some(&mut self.control),
            MsgFlags::empty(),
        );
        let (len, stamped) = match received {
            Ok(message) => (message.bytes, kernel_time(&message)),
            Err(errno) => {
                let error = io::Error::from(errno);
                if datagram::is_timeout(&error) {
                    return Ok(None);
                }
                return Err(error);
            }
        };
        Ok(Some(Frame {
            // Without the kernel's time (never seen on Linux), the time it reached us.
            timestamp: stamped.unwrap_or_else(now),
            // On lo, a raw packet socket sees an Ethernet header with zero addresses.
            link: Link::Ethernet,
            data: self.buffer[..len].to_vec(),
            original_len: len as u32,
        }))
    }
}

/// The time since the Unix epoch, as frames are stamped.
pub fn now() -> Duration {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default()
}

/// The time the kernel saw a frame, from its SCM_TIMESTAMPNS control message.
fn kernel_time(message: &nix_socket::RecvMsg<'_, '_, ()>) -> Option<Duration> {
    message.cmsgs().ok()?.find_map(|control| match control {
        ControlMessageOwned::ScmTimestampns(time) => {
            let seconds = u64::try_from(time.tv_sec()).ok()?;
            let nanos = u32::try_from(time.tv_nsec()).ok()?;
            (nanos < 1_000_000_000).then(|| Duration::new(seconds, nanos))
        }
        _ => None,
    })
}

/// BPF_RET | BPF_K: the filter's answer, how many bytes of the frame to keep (0: drop it).
const RET_K: u16 = 0x06;

/// The index of `lo` from sysfs; Linux gives loopback 1 (LOOPBACK_IFINDEX) when sysfs is
/// not mounted.
fn loopback_index() -> u32 {
    std::fs::read_to_string("/sys/class/net/lo/ifindex")
        .ok()
        .and_then(|text| text.trim().parse().ok())
        .unwrap_or(1)
}

/// The classic BPF program (Documentation/networking/filter.rst): accept a frame when the
/// interface it crossed is `index` and it is not loopback's outgoing copy; drop all else.
fn loopback_only(index: u32) -> [SockFilter; 6] {
    const LD_W_ABS: u16 = 0x20; // BPF_LD | BPF_W | BPF_ABS
    const JEQ_K: u16 = 0x15; // BPF_JMP | BPF_JEQ | BPF_K
    // Ancillary data (SKF_AD_OFF = -0x1000): the interface index and the packet type.
    const IFINDEX: u32 = 0xffff_f000 + 8;
    const PKTTYPE: u32 = 0xffff_f000 + 4;
    const PACKET_OUTGOING: u32 = 4;
    [
        SockFilter::new(LD_W_ABS, 0, 0, IFINDEX),
        SockFilter::new(JEQ_K, 0, 3, index), // not lo: to the last line
        SockFilter::new(LD_W_ABS, 0, 0, PKTTYPE),
        SockFilter::new(JEQ_K, 1, 0, PACKET_OUTGOING), // the outgoing copy: to the last line
        SockFilter::new(RET_K, 0, 0, SNAPLEN),         // keep up to SNAPLEN bytes
        SockFilter::new(RET_K, 0, 0, 0),               // drop
    ]
}

/// Reads and throws away, unseen, whatever is queued, without waiting.
fn drain(socket: &Socket) -> io::Result<()> {
    socket.set_nonblocking(true)?;
    let mut buffer = vec![0u8; SNAPLEN as usize];
    loop {
        match (&*socket).read(&mut buffer) {
            Ok(_) => {}
            Err(error) if error.kind() == io::ErrorKind::WouldBlock => break,
            Err(error) if error.kind() == io::ErrorKind::Interrupted => {}
            Err(error) => return Err(error),
        }
    }
    socket.set_nonblocking(false)
}

/// packet(7): "Only processes with effective UID 0 or the CAP_NET_RAW capability may open
/// packet sockets." The three ways to get it, the namespace only where the system allows it.
fn permission_hint(error: &anyhow::Error) -> String {
    if course::io_kind(error) != Some(io::ErrorKind::PermissionDenied) {
        return t!("wire.live.no-packet-socket");
    }
    let mut hint = t!("wire.live.needs-root");
    if user_namespaces_allowed() {
        hint.push_str(&t!("wire.live.namespace"));
    } else {
        hint.push_str(&t!("wire.live.no-namespace"));
    }
    hint
}

/// Whether `unshare --user` works for an ordinary user: Ubuntu 23.10+ restricts it through
/// AppArmor, and any Linux can set the number of user namespaces to 0.
fn user_namespaces_allowed() -> bool {
    let read = |path: &str| std::fs::read_to_string(path).map(|text| text.trim().to_string());
    let restricted = read("/proc/sys/kernel/apparmor_restrict_unprivileged_userns")
        .is_ok_and(|value| value == "1")
        || read("/proc/sys/kernel/unprivileged_userns_clone").is_ok_and(|value| value == "0")
        || read("/proc/sys/user/max_user_namespaces").is_ok_and(|value| value == "0");
    !restricted
}
