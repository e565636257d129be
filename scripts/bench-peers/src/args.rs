//! The two options socket-lab passes to an echo server it starts (`--bind 127.0.0.1 --port 0`),
//! read by hand: a yardstick should not pull in a CLI library.

use std::net::{IpAddr, Ipv4Addr, SocketAddr};

const USAGE: &str = "usage: PROGRAM [--bind ADDR] [--port N]   (default 127.0.0.1, port 0)";

/// The address to listen on; `--help` prints the usage and exits.
pub fn listen_addr() -> Result<SocketAddr, String> {
    let mut addr = SocketAddr::new(IpAddr::V4(Ipv4Addr::LOCALHOST), 0);
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || args.next().ok_or(format!("{arg} needs a value; {USAGE}"));
        match arg.as_str() {
            "--bind" => addr.set_ip(
                value()?
                    .parse()
                    .map_err(|_| format!("bad --bind; {USAGE}"))?,
            ),
            "--port" => addr.set_port(
                value()?
                    .parse()
                    .map_err(|_| format!("bad --port; {USAGE}"))?,
            ),
            "--help" | "-h" => {
                println!("{USAGE}");
                std::process::exit(0);
            }
            _ => return Err(format!("unknown argument {arg}; {USAGE}")),
        }
    }
    Ok(addr)
}
