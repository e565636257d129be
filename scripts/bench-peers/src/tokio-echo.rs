//! An echo server on tokio, as in tokio's own `examples/echo.rs`: one task per connection on
//! a few threads that wait on every socket at once (epoll, kqueue). The other yardstick.
//! Prints the address it bound on stderr, in the course's format, for socket-lab to read.

mod args;

use std::io;
use std::time::Duration;

use tokio::net::TcpListener;

#[tokio::main]
async fn main() -> io::Result<()> {
    let addr = args::listen_addr().map_err(io::Error::other)?;
    let listener = TcpListener::bind(addr).await?;
    eprintln!("bind     {}", listener.local_addr()?);
    loop {
        let mut socket = match listener.accept().await {
            Ok((socket, _)) => socket,
            // No file descriptor free: wait a little instead of spinning on the error.
            Err(_) => {
                tokio::time::sleep(Duration::from_millis(10)).await;
                continue;
            }
        };
        tokio::spawn(async move {
            let (mut from, mut to) = socket.split();
            let _ = tokio::io::copy(&mut from, &mut to).await;
        });
    }
}
