//! The TCP lesson: one tcp-echo-server and two tcp-clients connected to it at the same time.
//! Each client sends a line and gets its echo, then closes; then the server is stopped.
//!
//! Two clients, because the lesson's claim to test is that the server "connects the client on
//! a new port": with both connections open at once, the server's `accept` lines show each one
//! on the listener's own port, told apart only by the client's address and port.

use std::net::SocketAddr;

use anyhow::{Context, Result};

use crate::args::Tcp;
use crate::capture;
use crate::conversation::{Binds, Channel, Conversation, Input, STEP, Who};
use crate::programs::{self, Programs};

/// The speakers, in the order they start.
pub const NAMES: [&str; 3] = ["server", "client 1", "client 2"];

/// What each client sends when nobody types: Portuguese, so that the byte counts show UTF-8
/// (`á` is two bytes).
const LINES: [&str; 2] = ["olá, eu sou o cliente 1", "olá, eu sou o cliente 2"];

pub fn run(conversation: &mut Conversation, programs: &Programs, args: &Tcp) -> Result<()> {
    let server_program = programs.path("tcp-echo-server")?;
    let client_program = programs.path("tcp-client")?;
    // Before anything starts: a capture that is not allowed stops the demo right here.
    let capture = match args.wire {
        true => Some(capture::open("tcp --wire")?),
        false => None,
    };

    // The server, narrating every recv and send too. Its first line is the address it bound.
    let asked = SocketAddr::from((course::LOOPBACK_V4, args.port));
    let server = conversation.start(
        NAMES[0],
        &server_program,
        &programs::arguments(&["--port", &args.port.to_string(), "--verbose"]),
        Input::Nothing,
        Some(Binds::Tcp(asked)),
    )?;
    let bind =
        conversation.wait_for(server, Channel::Narration, "its bind line", STEP, |line| {
            line.starts_with("bind")
        })?;
    let listening =
        testkit::first_socket_addr(&bind).context("the server's bind line names no address")?;
    if let Some(capture) = capture {
        capture.watch(conversation, listening.port())?;
    }

    // Two clients, both connected before either sends: two connections open at the same time.
    let mut clients = Vec::new();
    let mut accepted_on = Vec::new();
    for (number, name) in (1..).zip(&NAMES[1..]) {
        let client = conversation.start(
            name,
            &client_program,
            &programs::arguments(&["--port", &listening.port().to_string()]),
            Input::Lines,
            None,
        )?;
        conversation.wait_for(
            client,
            Channel::Narration,
            "its connect line",
            STEP,
            |line| line.starts_with("connect"),
        )?;
        let accept = conversation.wait_for(
            server,
            Channel::Narration,
            &format!("accept #{number}"),
            STEP,
            |line| line.starts_with("accept") && line.contains(&format!("#{number} ")),
        )?;
        accepted_on.push(accepted_on_address(&accept).with_context(|| {
            format!("the server's accept line names no local address: {accept}")
        })?);
        clients.push(client);
    }

    if args.interactive {
        send_and_echo(conversation, clients[1], LINES[1])?;
        conversation.say(
            "type",
            "client 1's lines are yours: type one and press Enter; Ctrl-D ends (Ctrl-Z then \
             Enter on Windows)",
        )?;
        while let Some(line) = conversation.typed()? {
            conversation.say("type", &format!("{line:?} into client 1"))?;
            conversation.send_line(clients[0], &line)?;
        }
    } else {
        for (client, line) in clients.iter().zip(LINES) {
            send_and_echo(conversation, *client, line)?;
        }
    }

    // End of input: each client half-closes (FIN), the server reads end of stream and closes
    // its side, the client reads end of stream and exits.
    for (number, client) in clients.iter().enumerate() {
        conversation.say(
            "close",
            &format!(
                "client {}'s input (end of file): it shuts down its sending side",
                number + 1
            ),
        )?;
        conversation.close_input(*client);
        conversation.wait_for(
            server,
            Channel::Narration,
            &format!("close #{}", number + 1),
            STEP,
            |line| line.starts_with("close") && line.contains(&format!("#{} ", number + 1)),
        )?;
        conversation.wait_end(&[*client], STEP)?;
    }
    conversation.stop(server, "the demo ends it, as Ctrl-C in its terminal would")?;
    conversation.settle()?;

    let ports: Vec<String> = accepted_on.iter().map(ToString::to_string).collect();
    if accepted_on.iter().all(|on| *on == listening) {
        conversation.conclude(&format!(
            "2 clients connected at the same time, both accepted on {listening}, the \
             listener's own address and port: no new port per client"
        ))
    } else {
        conversation.conclude(&format!(
            "the listener is {listening}; the connections were accepted on {}",
            ports.join(" and ")
        ))
    }
}

/// Sends `line` to a client and waits for its echo on the client's stdout.
fn send_and_echo(conversation: &mut Conversation, client: Who, line: &str) -> Result<()> {
    let name = conversation.name(client).to_string();
    conversation.say("type", &format!("{line:?} into {name}"))?;
    conversation.send_line(client, line)?;
    conversation.wait_for(client, Channel::Data, "the echo", STEP, |echo| echo == line)?;
    Ok(())
}

/// The local address of an accepted connection, from the server's `accept` line: the address
/// after the peer's, in either language (`#1 from PEER on LOCAL`, `#1 de PEER em LOCAL`).
/// `accept   #1 from 127.0.0.1:50412 on 127.0.0.1:7878, the listener's own port; ...`.
fn accepted_on_address(line: &str) -> Option<SocketAddr> {
    let peer = testkit::first_socket_addr(line)?.to_string();
    let (_, after) = line.split_once(&peer)?;
    testkit::first_socket_addr(after)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_accept_line_gives_the_connections_local_address() {
        let line = "accept   #2 from 127.0.0.1:50412 on 127.0.0.1:7878, the listener's own \
                    port; 2 clients connected";
        assert_eq!(
            accepted_on_address(line),
            Some("127.0.0.1:7878".parse().unwrap())
        );
        let line = "accept   #2 de 127.0.0.1:50412 em 127.0.0.1:7878, a própria porta do socket \
                    de escuta; agora com 2 clientes";
        assert_eq!(
            accepted_on_address(line),
            Some("127.0.0.1:7878".parse().unwrap())
        );
        assert_eq!(accepted_on_address("accept   failed: reset"), None);
    }
}
