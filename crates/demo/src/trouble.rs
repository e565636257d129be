//! The hints for what goes wrong in a demo: a program that does not start, or ends too soon.

use std::io;
use std::net::{SocketAddr, TcpListener, UdpSocket};

use course::t;

use crate::conversation::Binds;

/// A program could not be started.
pub fn start_hint(error: &anyhow::Error, lesson: &str) -> String {
    match course::io_kind(error) {
        Some(io::ErrorKind::NotFound) => t!("demo.start.not-built", lesson),
        Some(io::ErrorKind::PermissionDenied) => t!("demo.start.not-executable"),
        _ => t!("demo.start.refused"),
    }
}

/// A program ended when it should not have, or failed. Its own `error:` and `hint:` lines are
/// in the conversation above; this adds what the demo can find out: whether the port it binds
/// is held by another program.
pub fn ended_hint(name: &str, binds: Option<Binds>, lesson: &str) -> String {
    if let Some(port) = binds.and_then(port_in_use) {
        return t!("demo.ended.port-in-use", port, lesson);
    }
    t!("demo.ended.see-above", name)
}

/// The port of `binds` if binding it now fails because something else holds it. Our own
/// program has ended, so it no longer holds it.
fn port_in_use(binds: Binds) -> Option<u16> {
    let (address, result) = match binds {
        Binds::Tcp(address) => (address, TcpListener::bind(address).map(drop)),
        Binds::Udp(address) => (address, UdpSocket::bind(address).map(drop)),
    };
    in_use(address, result)
}

fn in_use(address: SocketAddr, result: io::Result<()>) -> Option<u16> {
    match result {
        Err(error) if address.port() != 0 && error.kind() == io::ErrorKind::AddrInUse => {
            Some(address.port())
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_port_held_by_another_program_is_named_in_the_hint() {
        let held = TcpListener::bind("127.0.0.1:0").unwrap();
        let address = held.local_addr().unwrap();
        let hint = ended_hint("server", Some(Binds::Tcp(address)), "tcp");
        // In the language of the test's run (its locale); the English is checked by the
        // demo's integration test, which runs it in English.
        let port = address.port();
        assert_eq!(hint, t!("demo.ended.port-in-use", port, lesson = "tcp"));
        assert!(hint.contains(&format!("{port} ")), "{hint}");
        assert!(
            hint.ends_with("cargo run -p demo -- tcp --port 0"),
            "{hint}"
        );
        drop(held);
        assert_eq!(
            ended_hint("server", Some(Binds::Tcp(address)), "tcp"),
            t!("demo.ended.see-above", name = "server")
        );
    }

    #[test]
    fn a_udp_port_held_by_another_program_is_found_too() {
        let held = UdpSocket::bind("127.0.0.1:0").unwrap();
        let address = held.local_addr().unwrap();
        assert_eq!(port_in_use(Binds::Udp(address)), Some(address.port()));
    }

    #[test]
    fn port_zero_is_never_in_use() {
        let error = io::Error::from(io::ErrorKind::AddrInUse);
        assert_eq!(in_use("127.0.0.1:0".parse().unwrap(), Err(error)), None);
    }
}
