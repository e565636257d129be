//! Several datagrams in one system call: `sendmmsg` (Linux). Each datagram still travels on
//! its own, with its own header; only the trips from the program into the kernel are fewer.
//! Neither std nor socket2 has `sendmmsg`, and unsafe code is forbidden here: `nix` wraps it.

#[cfg(not(target_os = "linux"))]
pub use elsewhere::Batch;
#[cfg(target_os = "linux")]
pub use linux::Batch;

#[cfg(target_os = "linux")]
mod linux {
    use std::io::{self, IoSlice};
    use std::net::UdpSocket;
    use std::os::fd::AsRawFd;

    use nix::sys::socket::{ControlMessage, MsgFlags, MultiHeaders, sendmmsg};

    /// The kernel's message headers for one batch, allocated once for the whole run.
    pub struct Batch {
        // `()`: no address per datagram; the socket is connected.
        headers: MultiHeaders<()>,
        no_addresses: Vec<Option<()>>,
    }

    impl Batch {
        pub fn new(size: usize) -> Batch {
            Batch {
                headers: MultiHeaders::preallocate(size, None),
                no_addresses: vec![None; size],
            }
        }

        /// One `sendmmsg` on the connected socket: returns how many datagrams the kernel
        /// took, from the first (it may take fewer than all; an error if none).
        // ANCHOR: sendmmsg
        pub fn send(&mut self, socket: &UdpSocket, datagrams: &[Vec<u8>]) -> io::Result<u64> {
            let slices: Vec<[IoSlice; 1]> = datagrams.iter().map(|d| [IoSlice::new(d)]).collect();
            let no_control: [ControlMessage; 0] = [];
            let sent = sendmmsg(
                socket.as_raw_fd(),
                &mut self.headers,
                &slices,
                &self.no_addresses[..slices.len()],
                no_control,
                MsgFlags::empty(),
            )?;
            match sent.count() {
                // Only an empty batch is taken whole with nothing sent; never loop on it.
                0 => Err(io::Error::new(
                    io::ErrorKind::WriteZero,
                    course::t!("socket-lab.sendmmsg-nothing"),
                )),
                taken => Ok(taken as u64),
            }
        }
        // ANCHOR_END: sendmmsg
    }
}

/// macOS and Windows have no `sendmmsg`: the lab leaves that way out there.
#[cfg(not(target_os = "linux"))]
mod elsewhere {
    use std::io;
    use std::net::UdpSocket;

    pub struct Batch;

    impl Batch {
        pub fn new(_size: usize) -> Batch {
            Batch
        }

        pub fn send(&mut self, _socket: &UdpSocket, _datagrams: &[Vec<u8>]) -> io::Result<u64> {
            Err(io::Error::new(
                io::ErrorKind::Unsupported,
                course::t!("socket-lab.sendmmsg-linux"),
            ))
        }
    }
}
