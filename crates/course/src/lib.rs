//! What every program of the course shares, so that the lesson code stays about sockets:
//!
//! - the course's fixed ports and addresses ([`TCP_PORT`], [`UDP_PORT`], [`MULTICAST_GROUP_V4`]...),
//!   so that every program finds its partner with no flags;
//! - [`narrate!`], the one way a program tells the student which socket call it just made,
//!   and which never stops the program, whatever happens to stderr ([`narration`]);
//! - [`main`] and [`HintExt::hint`]: an error ends the program with one `error:` line, one
//!   `hint:` line that says what to try, and exit status 1. Never a panic or a backtrace. A
//!   closed stdout (`program | head`) is a normal end ([`write_stdout`]);
//! - [`address`]: the one parser of every address, host and port a student types;
//! - [`lang`] and [`text`]: every message in English and in Portuguese (Brazil), one table per
//!   language with the same keys, [`t!`] and [`say!`] to use them; [`help`] puts the help texts
//!   into clap and adds `--lang` to every program;
//! - what several programs do alike: [`Stop`] (when a receive loop ends), [`Pacer`] (sending
//!   at `--rate`), [`trouble`] (the hints of a failed bind, an expired timeout), [`plural`].

pub mod address;
pub mod help;
pub mod lang;
pub mod narration;
mod pace;
mod stop;
pub mod text;
pub mod trouble;

pub use pace::Pacer;
pub use stop::Stop;

use std::fmt;
use std::io::{self, Write};
use std::net::{Ipv4Addr, SocketAddr, SocketAddrV4};
use std::process::ExitCode;

/// The TCP port of the course: `tcp-echo-server` listens here, `tcp-client` connects here.
pub const TCP_PORT: u16 = 7878;
/// The UDP port of the course: `udp-receiver` binds here, `udp-sender` sends here.
pub const UDP_PORT: u16 = 7879;
/// The UDP port of `udp-relay`, between `udp-sender` (`--port 7881`) and `udp-receiver`.
pub const RELAY_PORT: u16 = 7881;
/// The port that multicast listeners bind and multicast senders send to.
pub const MULTICAST_PORT: u16 = 7880;
/// The course's multicast group: in 239.0.0.0/8, the administratively scoped range,
/// which is meant for use inside one organisation and never routed on the Internet.
pub const MULTICAST_GROUP_V4: Ipv4Addr = Ipv4Addr::new(239, 255, 78, 78);
/// Loopback: every default of the course talks to this machine only.
pub const LOOPBACK_V4: Ipv4Addr = Ipv4Addr::LOCALHOST;

/// `127.0.0.1:7878`, where the TCP echo server listens by default.
pub const fn tcp_addr() -> SocketAddr {
    SocketAddr::V4(SocketAddrV4::new(LOOPBACK_V4, TCP_PORT))
}

/// `127.0.0.1:7879`, where the UDP receiver binds by default.
pub const fn udp_addr() -> SocketAddr {
    SocketAddr::V4(SocketAddrV4::new(LOOPBACK_V4, UDP_PORT))
}

/// Tells the student, on stderr, which socket call the program just made and with which
/// addresses. The first word is the call (`bind`, `accept`, `connect`, `send`, `recv`,
/// `join`...), padded so that a run reads as a column:
///
/// ```text
/// bind     127.0.0.1:7878 (TCP listener, backlog 128)
/// accept   #1 from 127.0.0.1:51234 on 127.0.0.1:7878
/// ```
///
/// Narration goes to stderr and data to stdout, so that `program > data` keeps only the data.
/// A program that binds narrates the address it really bound first, so that a script or a test
/// can start it on port 0 and read the port from that first line.
///
/// Unlike `eprintln!`, it never panics (stderr closed) and never blocks the program for long
/// (stderr not read): see [`narration`].
#[macro_export]
macro_rules! narrate {
    ($call:expr, $($arg:tt)*) => {
        $crate::narration::line(::std::format!("{:<8} {}", $call, ::std::format_args!($($arg)*)))
    };
}

/// "1 client", "2 clients": a count and its noun, in the plural unless the count is 1, in the
/// language of the run. The tables hold each noun as `noun.<noun>`, the two forms apart:
/// `("noun.client", "{count} client|{count} clients")`. A noun not in the tables gets an "s".
pub fn plural<N: fmt::Display + PartialEq + From<u8>>(count: N, noun: &str) -> String {
    let one = count == N::from(1);
    match text::get_static(&format!("noun.{noun}")).and_then(|forms| forms.split_once('|')) {
        Some((singular, plural)) => {
            text::fill(if one { singular } else { plural }, &[("count", &count)])
        }
        None if one => format!("1 {noun}"),
        None => format!("{count} {noun}s"),
    }
}

/// A hint for the student, attached to an error with [`HintExt::hint`]. [`main`] prints it on a
/// line of its own, after the error.
#[derive(Debug)]
pub struct Hint(pub String);

// The hint travels in the error chain as a context layer; this marker lets `report` tell it
// apart from the layers that describe the error.
const HINT_MARKER: &str = "\u{1}hint\u{1}";

impl fmt::Display for Hint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{HINT_MARKER}{}", self.0)
    }
}

/// Adds `.hint("what to try")` to results, next to anyhow's `.context("what failed")`.
pub trait HintExt<T> {
    /// Attaches a hint that tells the student what to try when this fails.
    fn hint(self, hint: impl Into<String>) -> anyhow::Result<T>;
    /// Like [`HintExt::hint`], computed only on failure, from the error.
    fn hint_with<H: Into<String>>(
        self,
        hint: impl FnOnce(&anyhow::Error) -> H,
    ) -> anyhow::Result<T>;
}

impl<T, E> HintExt<T> for Result<T, E>
where
    E: Into<anyhow::Error>,
{
    fn hint(self, hint: impl Into<String>) -> anyhow::Result<T> {
        self.map_err(|error| error.into().context(Hint(hint.into())))
    }

    fn hint_with<H: Into<String>>(
        self,
        hint: impl FnOnce(&anyhow::Error) -> H,
    ) -> anyhow::Result<T> {
        self.map_err(|error| {
            let error = error.into();
            let hint = hint(&error).into();
            error.context(Hint(hint))
        })
    }
}

/// The `io::ErrorKind` at the root of an error, if an I/O error caused it.
pub fn io_kind(error: &anyhow::Error) -> Option<io::ErrorKind> {
    error
        .chain()
        .find_map(|cause| cause.downcast_ref::<io::Error>())
        .map(io::Error::kind)
}

/// The raw OS error code at the root of an error (errno on Unix, WSA code on Windows).
pub fn os_code(error: &anyhow::Error) -> Option<i32> {
    error
        .chain()
        .find_map(|cause| cause.downcast_ref::<io::Error>())
        .and_then(io::Error::raw_os_error)
}

/// Splits an error into the line that says what went wrong (`a: b: c`, outermost first)
/// and its hints.
pub fn describe(error: &anyhow::Error) -> (String, Vec<String>) {
    let mut message = Vec::new();
    let mut hints = Vec::new();
    for cause in error.chain() {
        let text = cause.to_string();
        match text.strip_prefix(HINT_MARKER) {
            Some(hint) => hints.push(hint.to_string()),
            None => message.push(text),
        }
    }
    (message.join(": "), hints)
}

/// Prints an error the course's way: one `error:` line, then one `hint:` line per hint.
/// They go the way of the narration, after it, and as safely.
pub fn report(error: &anyhow::Error) {
    let (message, hints) = describe(error);
    narration::line(format!("{}: {message}", text::get("course.error")));
    for hint in hints {
        narration::line(format!("{}: {hint}", text::get("course.hint")));
    }
}

/// The reader of stdout went away (`program | head`): the end of the program, not a failure.
/// [`main`] turns it into exit status 0.
#[derive(Debug)]
pub struct StdoutClosed;

impl fmt::Display for StdoutClosed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&t!("course.stdout-closed"))
    }
}

impl std::error::Error for StdoutClosed {}

/// The error of a write to stdout: [`StdoutClosed`] if its reader went away, else the error
/// with its context. For programs that write stdout with a writer of their own.
pub fn stdout_error(error: io::Error) -> anyhow::Error {
    // Windows says ERROR_NO_DATA (232), which std reads as BrokenPipe; a pipe whose reader
    // is gone can also give ERROR_PIPE_NOT_CONNECTED (233), which std does not.
    let closed = error.kind() == io::ErrorKind::BrokenPipe
        || (cfg!(windows) && error.raw_os_error() == Some(233));
    if closed {
        anyhow::Error::new(StdoutClosed)
    } else {
        anyhow::Error::new(error).context(t!("course.writing-stdout"))
    }
}

/// Writes data to stdout, all of it, and flushes it. A reader that went away ends the program
/// through [`main`], quietly.
pub fn write_stdout(bytes: &[u8]) -> anyhow::Result<()> {
    let mut stdout = io::stdout().lock();
    stdout
        .write_all(bytes)
        .and_then(|()| stdout.flush())
        .map_err(stdout_error)
}

/// Whether an error is (or was caused by) [`StdoutClosed`].
pub fn is_stdout_closed(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| cause.is::<StdoutClosed>())
}

/// Runs a program's body and turns its error into the course's report and exit status 1.
///
/// One place for the two pipes, as ripgrep's `main` does for its one: a closed stdout is a
/// normal end (one narration line, exit status 0), and the narration queued for stderr is
/// flushed before the program exits, with a bounded wait (see [`narration::flush`]).
///
/// ```no_run
/// fn main() -> std::process::ExitCode {
///     course::main(|| {
///         // the lesson
///         Ok(())
///     })
/// }
/// ```
pub fn main(run: impl FnOnce() -> anyhow::Result<()>) -> ExitCode {
    let status = match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) if is_stdout_closed(&error) => {
            say!("close", "course.stdout-closed-stopping");
            ExitCode::SUCCESS
        }
        Err(error) => {
            report(&error);
            ExitCode::FAILURE
        }
    };
    narration::flush();
    status
}

/// Parses the command line, like clap's `Args::parse()`, but reports a mistake the course's
/// way: one `error:` line (clap's own message), one `hint:` line, exit status 2 (a usage
/// error). `--help` and `--version` print as usual.
pub fn parse_args<A: clap::Parser>() -> A {
    // The help texts and clap's frame in the language of the run, and `--lang` (see [`help`]).
    let command = help::localize(A::command());
    let name = command.get_name().to_string();
    let parsed = command
        .try_get_matches()
        .and_then(|mut matches| A::from_arg_matches_mut(&mut matches));
    match parsed {
        Ok(args) => args,
        Err(error) => {
            if !error.use_stderr() {
                // --help or --version: not a mistake.
                error.exit();
            }
            let (message, hint) = usage_error(&error, &name);
            usage_exit(&message, &hint)
        }
    }
}

/// Ends the program on a usage mistake: one `error:` line, one `hint:` line (through the
/// narration, so a closed stderr is no panic), exit status 2. What [`parse_args`] does with
/// clap's errors, for a mistake a program finds after parsing.
pub fn usage_exit(message: &str, hint: &str) -> ! {
    narration::line(format!("{}: {message}", text::get("course.error")));
    narration::line(format!("{}: {hint}", text::get("course.hint")));
    narration::flush();
    std::process::exit(2);
}

/// The first line of clap's message, without its `error: `, and a hint for it.
fn usage_error(error: &clap::Error, program: &str) -> (String, String) {
    let rendered = error.render().to_string();
    let first = rendered.lines().next().unwrap_or_default();
    let message = help::usage_message(error, first.strip_prefix("error: ").unwrap_or(first));
    let help = format!("cargo run -p {program} -- --help");
    // `--port -1`: clap reads "-1" as an option of its own.
    let negative = message.split('\'').nth(1).is_some_and(|value| {
        value.starts_with('-') && value[1..].starts_with(|c: char| c.is_ascii_digit())
    });
    // A value outside a fixed list (`socket-lab bogus`): the list, which clap puts on a later line.
    let valid = match error.get(clap::error::ContextKind::ValidValue) {
        Some(clap::error::ContextValue::Strings(values)) if !values.is_empty() => {
            Some(values.join(", "))
        }
        _ => None,
    };
    // A value refused by the course's own parsers (an address, a port) carries its own hint.
    let own = std::error::Error::source(error)
        .and_then(|source| source.downcast_ref::<address::AddressError>());
    let hint = if let Some(own) = own {
        own.hint().to_string()
    } else if error.kind() == clap::error::ErrorKind::UnknownArgument && negative {
        t!("course.usage.negative", help)
    } else if let Some(valid) = valid {
        t!("course.usage.one-of", valid, help)
    } else {
        t!("course.usage.every-option", help)
    };
    (message, hint)
}

/// A clap value parser for options in seconds (`--timeout 2`, `--idle-timeout 0.5`): a number
/// above 0, small enough to be a `Duration`.
pub fn seconds(text: &str) -> Result<std::time::Duration, String> {
    let refused = || t!("course.seconds", text);
    let value: f64 = text.trim().parse().map_err(|_| refused())?;
    match std::time::Duration::try_from_secs_f64(value) {
        Ok(duration) if !duration.is_zero() => Ok(duration),
        _ => Err(refused()),
    }
}

/// A clap value parser for a time limit that 0 turns off (tcp-echo-server's `--idle-timeout`):
/// zero for 0 (never), else seconds as [`seconds`] reads them.
pub fn seconds_or_never(text: &str) -> Result<std::time::Duration, String> {
    match text.trim().parse::<f64>() {
        Ok(0.0) => Ok(std::time::Duration::ZERO),
        _ => seconds(text).map_err(|_| t!("course.seconds-or-never", text)),
    }
}

/// A clap value parser for `--rate <PER_SEC>`: datagrams per second, 0 for as fast as
/// possible, and never so small that the pause between two datagrams overflows a `Duration`.
pub fn rate(text: &str) -> Result<f64, String> {
    match text.trim().parse::<f64>() {
        Ok(rate)
            if rate == 0.0
                || (rate.is_finite()
                    && rate > 0.0
                    && std::time::Duration::try_from_secs_f64(1.0 / rate).is_ok()) =>
        {
            Ok(rate)
        }
        _ => Err(t!("course.rate", text)),
    }
}

/// A flag that turns true when the student presses Ctrl-C (SIGINT on Unix, the console's
/// Ctrl-C on Windows), so that a receiver can stop cleanly and print its score.
///
/// The handler only sets the flag: a call blocked in `recv` is not woken by it. Loops that
/// watch this flag give their socket a read timeout (a few hundred milliseconds) and look at
/// the flag each time the timeout expires. The first call installs the handler; a program
/// that never calls this keeps the default, where Ctrl-C ends the process at once (the OS
/// then closes its sockets and drops its multicast memberships).
// ANCHOR: ctrl_c
pub fn ctrl_c() -> &'static std::sync::atomic::AtomicBool {
    use std::sync::OnceLock;
    use std::sync::atomic::{AtomicBool, Ordering};
    static PRESSED: AtomicBool = AtomicBool::new(false);
    static INSTALLED: OnceLock<()> = OnceLock::new();
    INSTALLED.get_or_init(|| {
        // If a handler cannot be installed, Ctrl-C keeps its default: the program ends at once.
        let _ = ctrlc::set_handler(|| PRESSED.store(true, Ordering::SeqCst));
    });
    &PRESSED
}
// ANCHOR_END: ctrl_c

/// The checks of a multicast program's `--group`, `--interface` and `--interface-index`, made
/// before any socket exists: the group ([`check_multicast_group`]), then an interface of its
/// family ([`multicast_interface`]). Returns the interface, and a warning to narrate for a
/// group that works but is a poor choice.
pub fn multicast_choice(
    group: std::net::IpAddr,
    interface: Option<Ipv4Addr>,
    interface_index: Option<u32>,
) -> anyhow::Result<(MulticastInterface, Option<String>)> {
    let warning = check_multicast_group(group)?;
    let interface = multicast_interface(group, interface, interface_index)?;
    Ok((interface, warning))
}

/// Checks that `group` is a multicast group address, the lesson's class D (224.0.0.0/4) or
/// IPv6's ff00::/8. Anything else is an error with a hint that states the range and suggests the
/// course's group. A group that works but is a poor choice gives a warning to narrate.
pub fn check_multicast_group(group: std::net::IpAddr) -> anyhow::Result<Option<String>> {
    use std::net::IpAddr;
    match group {
        IpAddr::V4(v4) if !v4.is_multicast() => {
            Err(anyhow::anyhow!(t!("course.multicast.not-a-group", group))).hint(t!(
                "course.multicast.ipv4-groups",
                suggestion = MULTICAST_GROUP_V4
            ))
        }
        IpAddr::V6(v6) if !v6.is_multicast() => {
            Err(anyhow::anyhow!(t!("course.multicast.not-a-group", group)))
                .hint(t!("course.multicast.ipv6-groups"))
        }
        // 224.0.0.0/24: the "local network control block" (RFC 5771), never routed whatever
        // the TTL, and shared with IGMP (224.0.0.1, .22), OSPF (224.0.0.5, .6), mDNS (.251)...
        IpAddr::V4(v4) if v4.octets()[..3] == [224, 0, 0] => Ok(Some(t!(
            "course.multicast.link-local",
            group,
            suggestion = MULTICAST_GROUP_V4
        ))),
        _ => Ok(None),
    }
}

/// Where a multicast socket joins a group or sends to it: IPv4 names the interface by one of
/// its addresses, IPv6 by its number (index).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MulticastInterface {
    V4(Ipv4Addr),
    V6(u32),
}

impl fmt::Display for MulticastInterface {
    /// `127.0.0.1`, or `index 2`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MulticastInterface::V4(address) => write!(f, "{address}"),
            MulticastInterface::V6(index) => f.write_str(&t!("course.multicast.index", index)),
        }
    }
}

/// The interface of the multicast programs' `--interface` (an IPv4 address) and
/// `--interface-index` (an IPv6 interface number), checked against the group's family: an IPv4
/// group takes an address (default 127.0.0.1, loopback: this machine only), an IPv6 group
/// needs a number. A mismatch is an error with a hint that says which option to use.
pub fn multicast_interface(
    group: std::net::IpAddr,
    interface: Option<Ipv4Addr>,
    interface_index: Option<u32>,
) -> anyhow::Result<MulticastInterface> {
    if group.is_ipv4() {
        if interface_index.is_some() {
            return Err(anyhow::anyhow!(t!(
                "course.multicast.index-for-ipv6",
                group
            )))
            .hint(t!("course.multicast.index-for-ipv6-hint"));
        }
        return Ok(MulticastInterface::V4(interface.unwrap_or(LOOPBACK_V4)));
    }
    if let Some(address) = interface {
        return Err(anyhow::anyhow!(t!(
            "course.multicast.interface-is-ipv4",
            address,
            group
        )))
        .hint(t!("course.multicast.interface-is-ipv4-hint"));
    }
    match interface_index {
        Some(index) => Ok(MulticastInterface::V6(index)),
        None => Err(anyhow::anyhow!(t!("course.multicast.needs-index", group)))
            .hint(t!("course.multicast.needs-index-hint")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use anyhow::Context;

    fn refused() -> io::Result<()> {
        Err(io::Error::from(io::ErrorKind::ConnectionRefused))
    }

    #[test]
    fn hint_is_split_from_the_message() {
        let error = refused()
            .context("connecting to 127.0.0.1:7878")
            .hint("is the server running? start it with `cargo run -p tcp-echo-server`")
            .unwrap_err();
        let (message, hints) = describe(&error);
        assert!(
            message.starts_with("connecting to 127.0.0.1:7878: "),
            "{message}"
        );
        assert!(!message.contains("hint"), "{message}");
        assert_eq!(
            hints,
            ["is the server running? start it with `cargo run -p tcp-echo-server`"]
        );
    }

    #[test]
    fn io_kind_finds_the_root_cause_under_context() {
        let error = refused().context("a").context("b").unwrap_err();
        assert_eq!(io_kind(&error), Some(io::ErrorKind::ConnectionRefused));
    }

    #[test]
    fn hint_with_sees_the_error() {
        let error = refused()
            .hint_with(|error| format!("kind was {:?}", io_kind(error).unwrap()))
            .unwrap_err();
        assert_eq!(describe(&error).1, ["kind was ConnectionRefused"]);
    }

    #[test]
    fn multicast_groups_are_checked_against_class_d_and_ff00() {
        let refused = check_multicast_group("10.1.2.3".parse().unwrap()).unwrap_err();
        let (message, hints) = describe(&refused);
        assert_eq!(message, "10.1.2.3 is not a multicast group");
        assert!(
            hints[0].contains("224.0.0.0 to 239.255.255.255"),
            "{hints:?}"
        );
        assert!(check_multicast_group("fe80::1".parse().unwrap()).is_err());
        assert_eq!(
            check_multicast_group(MULTICAST_GROUP_V4.into()).unwrap(),
            None
        );
        assert_eq!(
            check_multicast_group("ff02::7880".parse().unwrap()).unwrap(),
            None
        );
        let warning = check_multicast_group("224.0.0.5".parse().unwrap()).unwrap();
        assert!(warning.unwrap().contains("link-local"));
    }

    #[test]
    fn multicast_interface_follows_the_groups_family() {
        let v4: std::net::IpAddr = MULTICAST_GROUP_V4.into();
        let v6: std::net::IpAddr = "ff02::7880".parse().unwrap();
        let any = Ipv4Addr::UNSPECIFIED;
        let interface = multicast_interface(v4, None, None).unwrap();
        assert_eq!(interface, MulticastInterface::V4(LOOPBACK_V4));
        assert_eq!(interface.to_string(), "127.0.0.1");
        assert_eq!(
            multicast_interface(v4, Some(any), None).unwrap(),
            MulticastInterface::V4(any)
        );
        let interface = multicast_interface(v6, None, Some(2)).unwrap();
        assert_eq!(interface, MulticastInterface::V6(2));
        assert_eq!(interface.to_string(), "index 2");

        let message = |result: anyhow::Result<MulticastInterface>| describe(&result.unwrap_err());
        let (error, hints) = message(multicast_interface(v4, None, Some(2)));
        assert_eq!(
            error,
            "--interface-index is for IPv6 groups; 239.255.78.78 is IPv4"
        );
        assert_eq!(
            hints,
            ["name the IPv4 interface by its address: --interface 127.0.0.1"]
        );
        let (error, hints) = message(multicast_interface(v6, Some(any), None));
        assert_eq!(
            error,
            "--interface 0.0.0.0 is an IPv4 address; ff02::7880 is an IPv6 group"
        );
        assert!(hints[0].starts_with("IPv6 names interfaces by number: --interface-index N"));
        let (error, hints) = message(multicast_interface(v6, None, None));
        assert_eq!(error, "an IPv6 group (ff02::7880) needs --interface-index");
        assert!(hints[0].contains("Linux loopback carries no IPv6 multicast"));
    }

    #[test]
    fn a_limit_that_zero_turns_off_reads_seconds_or_zero() {
        use std::time::Duration;
        assert_eq!(seconds_or_never("0"), Ok(Duration::ZERO));
        assert_eq!(seconds_or_never("0.5"), Ok(Duration::from_millis(500)));
        assert_eq!(seconds_or_never("120"), Ok(Duration::from_secs(120)));
        for refused in ["-1", "soon", "1e30", "nan", ""] {
            let error = seconds_or_never(refused).unwrap_err();
            assert!(error.contains("or 0 for never"), "{refused}: {error}");
        }
    }

    #[test]
    fn seconds_are_above_zero_and_fit_a_duration() {
        assert_eq!(seconds("2"), Ok(std::time::Duration::from_secs(2)));
        assert_eq!(seconds("0.5"), Ok(std::time::Duration::from_millis(500)));
        for refused in ["0", "-1", "nan", "inf", "1e30", "two", ""] {
            let error = seconds(refused).unwrap_err();
            assert!(
                error.contains("above 0, such as 2 or 0.5"),
                "{refused}: {error}"
            );
        }
    }

    #[test]
    fn rates_are_zero_or_a_pause_that_fits_a_duration() {
        assert_eq!(rate("0"), Ok(0.0));
        assert_eq!(rate("2.5"), Ok(2.5));
        assert_eq!(rate("1e-6"), Ok(1e-6));
        for refused in ["-1", "nan", "inf", "1e-300", "fast"] {
            assert!(
                rate(refused).unwrap_err().contains("is not a rate"),
                "{refused}"
            );
        }
    }

    #[test]
    fn a_usage_mistake_is_one_error_line_and_one_hint() {
        #[derive(clap::Parser, Debug)]
        struct Args {
            #[arg(long)]
            port: Option<u16>,
        }
        use clap::Parser;
        let error = Args::try_parse_from(["demo", "--port", "70000"]).unwrap_err();
        let (message, hint) = usage_error(&error, "demo");
        assert_eq!(
            message,
            "invalid value '70000' for '--port <PORT>': 70000 is not in 0..=65535"
        );
        assert_eq!(
            hint,
            "every option, its values and an example: cargo run -p demo -- --help"
        );
        let error = Args::try_parse_from(["demo", "--port", "-1"]).unwrap_err();
        let (message, hint) = usage_error(&error, "demo");
        assert_eq!(message, "unexpected argument '-1' found");
        assert!(
            hint.starts_with("negative numbers are not valid here"),
            "{hint}"
        );
    }

    #[test]
    fn an_address_refused_by_its_parser_keeps_its_own_hint() {
        #[derive(clap::Parser, Debug)]
        struct Args {
            #[arg(long, value_parser = address::host)]
            host: address::Host,
        }
        use clap::Parser;
        let error = Args::try_parse_from(["demo", "--host", "1.2.3"]).unwrap_err();
        let (message, hint) = usage_error(&error, "demo");
        assert_eq!(
            message,
            "invalid value '1.2.3' for '--host <HOST>': 1.2.3 is not an IPv4 address: it has 3 \
             numbers; an IPv4 address is four numbers from 0 to 255, such as 127.0.0.1"
        );
        assert_eq!(
            hint,
            "write all four numbers, in decimal, such as 127.0.0.1; the OS's old rules \
             (inet_aton) would read 1.2.3 as 1.2.0.3"
        );
    }

    #[test]
    fn a_closed_stdout_is_told_apart_from_other_broken_pipes() {
        let closed = stdout_error(io::ErrorKind::BrokenPipe.into());
        assert!(is_stdout_closed(&closed));
        let wrapped = Err::<(), _>(closed)
            .context("printing a datagram")
            .unwrap_err();
        assert!(is_stdout_closed(&wrapped));
        let full = stdout_error(io::Error::other("disk full"));
        assert!(!is_stdout_closed(&full));
        assert_eq!(describe(&full).0, "writing to stdout: disk full");
        // A socket's EPIPE (the peer closed) is not stdout's.
        let socket = Err::<(), _>(io::Error::from(io::ErrorKind::BrokenPipe))
            .context("sending to 127.0.0.1:7878")
            .unwrap_err();
        assert!(!is_stdout_closed(&socket));
    }

    #[test]
    fn a_value_outside_a_fixed_list_gets_the_list_in_its_hint() {
        #[derive(clap::ValueEnum, Clone, Debug)]
        enum Part {
            Latency,
            Udp,
        }
        #[derive(clap::Parser, Debug)]
        struct Args {
            #[arg(value_enum)]
            part: Part,
        }
        use clap::Parser;
        let error = Args::try_parse_from(["demo", "bogus"]).unwrap_err();
        let (message, hint) = usage_error(&error, "demo");
        assert_eq!(message, "invalid value 'bogus' for '<PART>'");
        assert_eq!(
            hint,
            "one of: latency, udp; every option and an example: cargo run -p demo -- --help"
        );
    }

    #[test]
    fn one_is_singular_and_every_other_count_plural() {
        assert_eq!(plural(1usize, "client"), "1 client");
        assert_eq!(plural(0u64, "datagram"), "0 datagrams");
        assert_eq!(plural(2u64, "byte"), "2 bytes");
    }

    #[test]
    fn default_addresses_are_loopback_and_course_ports() {
        assert_eq!(tcp_addr().to_string(), "127.0.0.1:7878");
        assert_eq!(udp_addr().to_string(), "127.0.0.1:7879");
        assert_eq!(RELAY_PORT, 7881);
        assert!(MULTICAST_GROUP_V4.is_multicast());
        assert_eq!(MULTICAST_GROUP_V4.octets()[0], 239);
    }
}
