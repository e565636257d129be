//! # demo: a lesson's programs together, their whole conversation in one terminal
//!
//! The classroom demos, on Windows, macOS and Linux alike:
//!
//! ```text
//! cargo run -p demo -- tcp         # tcp-echo-server and two tcp-clients at the same time
//! cargo run -p demo -- udp         # udp-sender -> udp-relay (seeded loss) -> udp-receiver
//! cargo run -p demo -- multicast   # three multicast-listeners, one multicast-sender
//! ```
//!
//! It builds the lesson's programs, starts them in order (each server before its clients),
//! feeds the clients their lines, and shows every line each program prints, as it arrives,
//! tagged with who said it:
//!
//! ```text
//! server   | accept   #2 from 127.0.0.1:50414 on 127.0.0.1:7878, the listener's own port; 2 clients connected
//! client 2 > olá, eu sou o cliente 2
//! ```
//!
//! `|` is narration (the socket calls, on the program's stderr), `>` data (its stdout). The
//! last line says what the run shows: both TCP connections on one port, the receiver's score
//! equal to the one the relay expected, every listener with every datagram.
//!
//! On Linux, `cargo run -p demo -- tcp --wire` also shows the packets of both connections,
//! captured live on loopback (root or CAP_NET_RAW), among the lines: the handshake before
//! `connect` returns, the segments of each line and its echo, the FINs. Every one of them on
//! the listener's port.
//!
//! The demo speaks the language of the run (`--lang pt-BR`, `SOCKETS_LANG`, the locale), and so
//! does every program it starts (from the environment they inherit, or `--lang` when the demo
//! was given one): the whole conversation is in one language. What it reads in the programs'
//! lines is the same in every language (heard.rs).
//!
//! No socket here: the demo runs other programs. How: conversation.rs (child processes, one
//! reader thread per pipe, one printer); each lesson's order in tcp.rs, udp.rs, multicast.rs;
//! `--tmux` (one pane per program) in tmux.rs; `--wire` in capture.rs. Book chapters:
//! "Sockets TCP/IP", "UDP", "Multicast".

mod args;
mod capture;
mod conversation;
mod heard;
mod multicast;
mod programs;
mod tcp;
mod tmux;
mod trouble;
mod udp;

use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use anyhow::Result;
use clap::Parser;
use course::t;

use args::{Args, Lesson};
use conversation::Conversation;

/// The demo was stopped by Ctrl-C: exit status 130, as a shell reports a program it interrupted.
static INTERRUPTED: AtomicBool = AtomicBool::new(false);

fn main() -> ExitCode {
    let status = course::main(run);
    if INTERRUPTED.load(Ordering::SeqCst) {
        ExitCode::from(130)
    } else {
        status
    }
}

fn run() -> Result<()> {
    let args: Args = course::parse_args();
    let chosen = args.lesson.is_some();
    let lesson = match args.lesson {
        Some(lesson) => lesson,
        None => default_lesson()?,
    };
    // From here Ctrl-C does not end the demo at once: the waits see it, and the programs are
    // stopped before the demo exits.
    course::ctrl_c();

    let names: Vec<String> = match &lesson {
        Lesson::Tcp(_) => tcp::names().to_vec(),
        Lesson::Udp(_) => udp::names().to_vec(),
        Lesson::Multicast(multicast) => multicast::names(multicast.listeners),
    };
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    let mut conversation = Conversation::new(lesson.name(), &names);
    if !chosen {
        conversation.say(&t!("demo.label.lesson"), &t!("demo.lesson.default"))?;
    }
    let programs = programs::build(&mut conversation, lesson.packages())?;
    if lesson.show().tmux {
        return tmux::run(&lesson, &programs);
    }
    conversation.say(&t!("demo.label.legend"), &t!("demo.legend"))?;

    let result = match &lesson {
        Lesson::Tcp(tcp) => tcp::run(&mut conversation, &programs, tcp),
        Lesson::Udp(udp) => udp::run(&mut conversation, &programs, udp),
        Lesson::Multicast(multicast) => multicast::run(&mut conversation, &programs, multicast),
    };
    match result {
        Err(error) if conversation::is_interrupted(&error) => {
            conversation.wind_down(Duration::from_secs(2));
            INTERRUPTED.store(true, Ordering::SeqCst);
            Ok(())
        }
        other => other,
    }
}

/// No lesson on the command line: the TCP one, with its defaults.
fn default_lesson() -> Result<Lesson> {
    Args::try_parse_from(["demo", "tcp"])?
        .lesson
        .ok_or_else(|| anyhow::anyhow!(t!("demo.no-default-lesson")))
}
