//! The TCP lesson: one tcp-echo-server and two tcp-clients connected to it at the same time.
//! Each client sends a line and gets its echo, then closes; then the server is stopped.
//!
//! Two clients, because the lesson's claim to test is that the server "connects the client on
//! a new port": with both connections open at once, the server's `accept` lines show each one
//! on the listener's own port, told apart only by the client's address and port.

use std::net::SocketAddr;

use anyhow::{Context, Result};

use course::t;

use crate::args::Tcp;
use crate::capture;
use crate::conversation::{Binds, Channel, Conversation, Input, STEP, Who};
use crate::heard;
use crate::programs::{self, Programs};

/// The speakers, in the order they start: the server, client 1, client 2.
pub fn names() -> [String; 3] {
    [
        t!("demo.who.server"),
        t!("demo.who.client", number = 1),
        t!("demo.who.client", number = 2),
    ]
}

/// The server's arguments (the demo's conversation and its tmux panes start the same
/// programs): it narrates every recv and send too.
pub fn server_args(args: &Tcp) -> Vec<String> {
    programs::arguments(&["--port", &args.port.to_string(), "--verbose"])
}

/// A client's arguments: the port the server bound.
pub fn client_args(port: u16) -> Vec<String> {
    programs::arguments(&["--port", &port.to_string()])
}

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
    let names = names();
    let asked = SocketAddr::from((course::LOOPBACK_V4, args.port));
    let server = conversation.start(
        &names[0],
        &server_program,
        &server_args(args),
        Input::Nothing,
        Some(Binds::Tcp(asked)),
    )?;
    let listening = conversation.bound(server)?;
    if let Some(capture) = capture {
        capture.watch(conversation, listening.port())?;
    }

    // Two clients, both connected before either sends: two connections open at the same time.
    let mut clients = Vec::new();
    let mut accepted_on = Vec::new();
    for (number, name) in (1..).zip(&names[1..]) {
        let client = conversation.start(
            name,
            &client_program,
            &client_args(listening.port()),
            Input::Lines,
            None,
        )?;
        conversation.wait_for(
            client,
            Channel::Narration,
            &t!("demo.waiting.connect"),
            STEP,
            heard::is_call("connect"),
        )?;
        let accept = conversation.wait_for(
            server,
            Channel::Narration,
            &t!("demo.waiting.accept", number),
            STEP,
            heard::is_call_of("accept", number),
        )?;
        accepted_on.push(
            heard::accepted_on(&accept)
                .with_context(|| t!("demo.tcp.no-local-address", line = accept))?,
        );
        clients.push(client);
    }

    if args.interactive {
        send_and_echo(conversation, clients[1], LINES[1])?;
        let (label, name) = (t!("demo.label.type"), &names[1]);
        conversation.say(&label, &t!("demo.tcp.yours", name))?;
        while let Some(line) = conversation.typed()? {
            let shown = format!("{line:?}");
            conversation.say(&label, &t!("demo.tcp.typed", line = shown, name))?;
            conversation.send_line(clients[0], &line)?;
        }
    } else {
        for (client, line) in clients.iter().zip(LINES) {
            send_and_echo(conversation, *client, line)?;
        }
    }

    // End of input: each client half-closes (FIN), the server reads end of stream and closes
    // its side, the client reads end of stream and exits.
    for (number, client) in (1..).zip(&clients) {
        let name = conversation.name(*client).to_string();
        conversation.say("close", &t!("demo.tcp.close", name))?;
        conversation.close_input(*client);
        conversation.wait_for(
            server,
            Channel::Narration,
            &t!("demo.waiting.close", number),
            STEP,
            heard::is_call_of("close", number),
        )?;
        conversation.wait_end(&[*client], STEP)?;
    }
    conversation.stop(server, &t!("demo.tcp.stop"))?;
    conversation.settle()?;

    if accepted_on.iter().all(|on| *on == listening) {
        conversation.conclude(&t!("demo.tcp.one-port", listening))
    } else {
        let ports: Vec<String> = accepted_on.iter().map(ToString::to_string).collect();
        let ports = ports.join(", ");
        conversation.conclude(&t!("demo.tcp.other-ports", listening, ports))
    }
}

/// Sends `line` to a client and waits for its echo on the client's stdout.
fn send_and_echo(conversation: &mut Conversation, client: Who, line: &str) -> Result<()> {
    let name = conversation.name(client).to_string();
    let shown = format!("{line:?}");
    conversation.say(
        &t!("demo.label.type"),
        &t!("demo.tcp.typed", line = shown, name),
    )?;
    conversation.send_line(client, line)?;
    // The echo is data: the bytes the client sent, in no language.
    let echo = t!("demo.waiting.echo");
    conversation.wait_for(client, Channel::Data, &echo, STEP, |echo| echo == line)?;
    Ok(())
}
