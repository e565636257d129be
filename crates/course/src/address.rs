//! The one parser of what a student types where an address goes: `--host`, `--to`, `--bind`,
//! `--group`, `--interface`, and the `--port` a program sends to. Every program uses it, so a
//! typo means the same everywhere, and it is refused while the arguments are read, before any
//! socket exists.
//!
//! Why so strict: the OS's resolver (getaddrinfo) still accepts the IPv4 forms of 1983
//! (inet_aton): `1.2.3` is 1.2.0.3, `127.1` is 127.0.0.1, `0x7f.1` is hexadecimal, `010.0.0.1`
//! is octal (8.0.0.1), `2130706433` is one 32-bit number. A typo then sends traffic to another
//! machine without a word. And `::1:7878` is a valid IPv6 address (not loopback), not `::1`
//! with port 7878. So:
//! - IPv4: four decimal numbers from 0 to 255, without leading zeros (`127.0.0.1`). Every
//!   other all-numeric form (`1.2.3`, `127.1`, `0x7f.1`, `010.0.0.1`, `2130706433`) is refused,
//!   never looked up; the hint says how the old rules would have read it;
//! - IPv6: as std reads it (`::1`), in brackets wherever a port follows (`[::1]:7878`), and
//!   brackets are welcome everywhere else too (`--host [::1]`);
//! - a host name: letters, digits, `-`, `_` and dots, whose last part is not a number (no
//!   top-level domain is); [`resolve`] looks it up, with a hint if that fails;
//! - a port to send to: 1 to 65535. Port 0 means "any free port" only when binding.
//!
//! Each refusal is an [`AddressError`]: its text is clap's error line, its hint the `hint:` line
//! (`course::parse_args` finds it there).

use std::fmt;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr, ToSocketAddrs};

use crate::{HintExt, t};

/// A host as typed: an IP address, or a name to resolve.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Host {
    Ip(IpAddr),
    Name(String),
}

impl fmt::Display for Host {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Host::Ip(ip) => write!(f, "{ip}"),
            Host::Name(name) => f.write_str(name),
        }
    }
}

impl From<IpAddr> for Host {
    fn from(ip: IpAddr) -> Host {
        Host::Ip(ip)
    }
}

/// A destination typed as `HOST:PORT` (`127.0.0.1:7879`, `[::1]:7879`, `localhost:7879`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HostPort {
    pub host: Host,
    pub port: u16,
}

impl fmt::Display for HostPort {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.host {
            Host::Ip(IpAddr::V6(ip)) => write!(f, "[{ip}]:{}", self.port),
            host => write!(f, "{host}:{}", self.port),
        }
    }
}

impl From<SocketAddr> for HostPort {
    fn from(address: SocketAddr) -> HostPort {
        HostPort {
            host: Host::Ip(address.ip()),
            port: address.port(),
        }
    }
}

/// Why a text is not an address, and what to write instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AddressError {
    message: String,
    hint: String,
}

impl AddressError {
    fn new(message: impl Into<String>, hint: impl Into<String>) -> AddressError {
        AddressError {
            message: message.into(),
            hint: hint.into(),
        }
    }

    /// What to write instead.
    pub fn hint(&self) -> &str {
        &self.hint
    }
}

impl fmt::Display for AddressError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for AddressError {}

/// `--host`: an IP address (IPv6 bare or in brackets) or a host name, with no port (the port
/// has an option of its own).
pub fn host(text: &str) -> Result<Host, AddressError> {
    if let Some(rest) = text.strip_prefix('[') {
        return match rest.split_once(']') {
            Some((inside, "")) => bracketed(inside).map(|ip| Host::Ip(IpAddr::V6(ip))),
            Some((inside, after)) => match after.strip_prefix(':') {
                Some(port) => Err(port_in_host(&format!("[{inside}]"), port)),
                None => Err(not_an_address(text, "127.0.0.1")),
            },
            None => Err(missing_bracket(text)),
        };
    }
    if let Ok(ip) = text.parse::<IpAddr>() {
        if let Some((head, port)) = ipv6_with_port(text) {
            return Err(AddressError::new(
                t!("course.address.ipv6-or-port", text, head, port),
                t!("course.address.ipv6-or-port-hint", text, head, port),
            ));
        }
        return Ok(Host::Ip(ip));
    }
    match host_and_port(text) {
        Some((head, port)) if name_or_ipv4(head, "127.0.0.1").is_ok() => {
            Err(port_in_host(head, port))
        }
        _ => name_or_ipv4(text, "127.0.0.1"),
    }
}

/// `--to`: `HOST:PORT`, with an IPv6 address in brackets (`[::1]:7879`).
pub fn host_port(text: &str) -> Result<HostPort, AddressError> {
    let form = || t!("course.address.host-port-form");
    if let Some(rest) = text.strip_prefix('[') {
        let Some((inside, after)) = rest.split_once(']') else {
            return Err(missing_bracket(text));
        };
        let ip = bracketed(inside)?;
        let Some(port_text) = after.strip_prefix(':') else {
            return Err(AddressError::new(
                t!("course.address.no-port-after-bracket", ip),
                t!("course.address.write-bracket-port", ip),
            ));
        };
        return Ok(HostPort {
            host: Host::Ip(IpAddr::V6(ip)),
            port: port(port_text)?,
        });
    }
    match text.matches(':').count() {
        0 => {
            let hint = match name_or_ipv4(text, "127.0.0.1") {
                Ok(_) => t!("course.address.add-port", text),
                Err(_) => form(),
            };
            Err(AddressError::new(t!("course.address.no-port", text), hint))
        }
        1 => {
            let (host_text, port_text) = text.split_once(':').unwrap_or((text, ""));
            if host_text.is_empty() {
                return Err(AddressError::new(
                    t!("course.address.no-host"),
                    t!("course.address.no-host-hint", port = port_text),
                ));
            }
            Ok(HostPort {
                host: name_or_ipv4(host_text, "127.0.0.1")?,
                port: port(port_text)?,
            })
        }
        _ => {
            if let Some((head, port)) = ipv6_with_port(text) {
                Err(AddressError::new(
                    t!("course.address.ipv6-needs-brackets"),
                    t!("course.address.ipv6-needs-brackets-hint", text, head, port),
                ))
            } else if text.parse::<Ipv6Addr>().is_ok() {
                Err(AddressError::new(
                    t!("course.address.no-port-after-ipv6", text),
                    t!("course.address.write-bracket-port", ip = text),
                ))
            } else {
                Err(AddressError::new(
                    t!("course.address.not-host-port", text),
                    form(),
                ))
            }
        }
    }
}

/// A port to send to (`--port` of a client or sender): 1 to 65535.
pub fn port(text: &str) -> Result<u16, AddressError> {
    let number = text
        .bytes()
        .all(|byte| byte.is_ascii_digit())
        .then(|| text.parse::<u16>().ok())
        .flatten();
    match number {
        Some(0) => Err(AddressError::new(
            t!("course.address.port-zero"),
            t!("course.address.port-zero-hint"),
        )),
        Some(port) => Ok(port),
        None => Err(AddressError::new(
            t!("course.address.not-a-port", text),
            t!("course.address.not-a-port-hint"),
        )),
    }
}

/// `--bind`: an IP address of this machine, IPv4 or IPv6 (no name, no port).
pub fn ip(text: &str) -> Result<IpAddr, AddressError> {
    ip_like(text, "127.0.0.1", &t!("course.address.what-ip"))
}

/// `--group`: a multicast group's address, IPv4 or IPv6 (whether it is one is checked later,
/// by [`crate::check_multicast_group`]).
pub fn group(text: &str) -> Result<IpAddr, AddressError> {
    ip_like(text, "239.255.78.78", &t!("course.address.what-group"))
}

/// `--interface`: an IPv4 address of this machine, naming the interface that has it.
pub fn ipv4(text: &str) -> Result<Ipv4Addr, AddressError> {
    match ip_like(text, "127.0.0.1", &t!("course.address.what-ipv4"))? {
        IpAddr::V4(ip) => Ok(ip),
        IpAddr::V6(ip) => Err(AddressError::new(
            t!("course.address.ipv6-not-ipv4", ip),
            t!("course.address.interface-by-number"),
        )),
    }
}

/// Resolves a host to its addresses: an IP address is itself; a name is looked up (DNS, the
/// hosts file...), and may give several (`localhost`: often ::1, then 127.0.0.1). Never an
/// empty list: a name without addresses is an error with a hint.
pub fn resolve(host: &Host, port: u16) -> anyhow::Result<Vec<SocketAddr>> {
    let name = match host {
        Host::Ip(ip) => return Ok(vec![SocketAddr::new(*ip, port)]),
        Host::Name(name) => name,
    };
    let hint = t!("course.address.resolve-hint", name);
    let addresses: Vec<SocketAddr> = (name.as_str(), port)
        .to_socket_addrs()
        .map_err(|error| anyhow::Error::new(error).context(t!("course.address.resolving", name)))
        .hint(hint.clone())?
        .collect();
    if addresses.is_empty() {
        return Err(anyhow::anyhow!(t!("course.address.no-address-found", name))).hint(hint);
    }
    Ok(addresses)
}

/// The first address of `host` (a name may have several: the first is the one the OS
/// prefers), with [`resolve`]'s hints.
pub fn first_address(host: &Host, port: u16) -> anyhow::Result<SocketAddr> {
    // Never empty: no address at all is an error of its own.
    Ok(resolve(host, port)?[0])
}

/// The wildcard address of `ip`'s family, `0.0.0.0` or `::`: bound, it receives on every
/// interface; and an IPv4 destination needs an IPv4 socket.
pub fn wildcard(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V4(_) => IpAddr::V4(Ipv4Addr::UNSPECIFIED),
        IpAddr::V6(_) => IpAddr::V6(Ipv6Addr::UNSPECIFIED),
    }
}

/// An IP address and nothing else, for the options that take no name.
fn ip_like(text: &str, example: &str, what: &str) -> Result<IpAddr, AddressError> {
    if let Some(rest) = text.strip_prefix('[') {
        return match rest.strip_suffix(']') {
            Some(inside) => bracketed(inside).map(IpAddr::V6),
            None => Err(not_an_address(text, example)),
        };
    }
    if let Ok(ip) = text.parse::<IpAddr>() {
        return Ok(ip);
    }
    if host_and_port(text).is_some() {
        return Err(AddressError::new(
            t!("course.address.has-a-port", text, what),
            t!("course.address.address-alone", example),
        ));
    }
    match name_or_ipv4(text, example)? {
        Host::Ip(ip) => Ok(ip),
        Host::Name(name) => Err(AddressError::new(
            t!("course.address.is-a-name", name, what),
            t!("course.address.give-ip", example),
        )),
    }
}

/// Inside brackets: an IPv6 address.
fn bracketed(inside: &str) -> Result<Ipv6Addr, AddressError> {
    inside.parse::<Ipv6Addr>().map_err(|_| {
        let hint = match inside.parse::<Ipv4Addr>() {
            Ok(ip) => t!("course.address.brackets-for-ipv6", ip),
            Err(_) => t!("course.address.ipv6-form"),
        };
        AddressError::new(t!("course.address.not-ipv6", text = inside), hint)
    })
}

/// A host that is not an IP address of std's strict forms: an IPv4 typo, or a host name.
fn name_or_ipv4(text: &str, example: &str) -> Result<Host, AddressError> {
    if let Ok(ip) = text.parse::<Ipv4Addr>() {
        return Ok(Host::Ip(IpAddr::V4(ip)));
    }
    if text.is_empty() {
        return Err(AddressError::new(
            t!("course.address.no-host-given"),
            t!("course.address.give-ip-or-a-name", example),
        ));
    }
    // One dot at the end is the DNS root ("localhost."): a name may have it.
    let trimmed = text.strip_suffix('.').unwrap_or(text);
    let last = trimmed.rsplit('.').next().unwrap_or_default();
    if is_number(last) {
        if trimmed
            .split('.')
            .all(|part| part.is_empty() || is_number(part))
        {
            return Err(ipv4_typo(text, example));
        }
        return Err(AddressError::new(
            t!("course.address.last-part-number", text, last),
            t!("course.address.give-ip-or-host-name", example),
        ));
    }
    if let Some(bad) = text
        .chars()
        .find(|&c| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.')))
    {
        let what = if bad == ':' {
            t!("course.address.contains-colon")
        } else {
            format!("{bad:?}")
        };
        return Err(AddressError::new(
            t!("course.address.contains", text, what),
            t!("course.address.give-ip-or-ipv6-or-host-name", example),
        ));
    }
    if trimmed.split('.').any(str::is_empty) {
        return Err(AddressError::new(
            t!("course.address.empty-part-in-name", text),
            t!("course.address.give-ip-or-host-name", example),
        ));
    }
    if trimmed.len() > 253 || trimmed.split('.').any(|label| label.len() > 63) {
        return Err(AddressError::new(
            t!("course.address.name-too-long", text),
            t!("course.address.give-ip-or-host-name", example),
        ));
    }
    Ok(Host::Name(text.to_string()))
}

/// A part that inet_aton reads as a number: decimal, octal (a leading 0) or hexadecimal (0x).
fn is_number(part: &str) -> bool {
    let digits = match part.get(..2) {
        Some("0x" | "0X") => &part[2..],
        _ => part,
    };
    if digits.len() < part.len() {
        digits.bytes().all(|byte| byte.is_ascii_hexdigit())
    } else {
        !part.is_empty() && part.bytes().all(|byte| byte.is_ascii_digit())
    }
}

/// An all-numeric text that is not four decimal numbers from 0 to 255.
fn ipv4_typo(text: &str, example: &str) -> AddressError {
    let trimmed = text.strip_suffix('.').unwrap_or(text);
    let parts: Vec<&str> = trimmed.split('.').collect();
    let hexadecimal = parts
        .iter()
        .find(|part| matches!(part.get(..2), Some("0x" | "0X")));
    let zero = parts
        .iter()
        .find(|part| part.len() > 1 && part.starts_with('0') && is_number(part));
    let decimal: Option<Vec<u8>> = parts
        .iter()
        .map(|part| {
            (!part.is_empty() && part.bytes().all(|byte| byte.is_ascii_digit()))
                .then(|| part.parse::<u8>().ok())
                .flatten()
        })
        .collect();
    let reason = if trimmed.len() < text.len() && trimmed.parse::<Ipv4Addr>().is_ok() {
        t!("course.address.ends-with-a-dot")
    } else if parts.iter().any(|part| part.is_empty()) {
        t!("course.address.empty-part")
    } else if parts.len() != 4 {
        t!(
            "course.address.how-many-numbers",
            numbers = crate::plural(parts.len(), "number")
        )
    } else if let Some(part) = hexadecimal {
        t!("course.address.hexadecimal", part)
    } else if let Some(part) = zero {
        t!("course.address.leading-zero", part)
    } else {
        let part = parts
            .iter()
            .find(|part| part.parse::<u8>().is_err())
            .unwrap_or(&trimmed);
        t!("course.address.not-a-byte", part)
    };
    let message = t!("course.address.not-ipv4", text, reason, example);
    let old = match inet_aton(trimmed) {
        Some(read) if read.to_string() != trimmed => t!("course.address.old-rules", text, read),
        _ => String::new(),
    };
    let hint = match (decimal, inet_aton(trimmed)) {
        // 010.0.0.1: which one was meant, only the student knows.
        (Some(numbers), Some(read)) if numbers.len() == 4 && zero.is_some() => {
            let decimal = Ipv4Addr::new(numbers[0], numbers[1], numbers[2], numbers[3]);
            t!("course.address.octal-or-decimal", decimal, read)
        }
        (Some(numbers), _) if numbers.len() == 4 => {
            let decimal = Ipv4Addr::new(numbers[0], numbers[1], numbers[2], numbers[3]);
            t!("course.address.write-decimal", decimal, old)
        }
        _ => t!("course.address.write-four-numbers", example, old),
    };
    AddressError::new(message, hint)
}

/// How the C library's inet_aton (which getaddrinfo uses) reads a numeric IPv4 text: one to
/// four parts, each decimal, octal (leading 0) or hexadecimal (0x); the last part fills every
/// byte left. Only to tell the student what the typo would have meant.
fn inet_aton(text: &str) -> Option<Ipv4Addr> {
    let parts: Vec<u32> = text
        .split('.')
        .map(|part| match part.get(..2) {
            Some("0x" | "0X") => u32::from_str_radix(&part[2..], 16).ok(),
            _ if part.len() > 1 && part.starts_with('0') => u32::from_str_radix(part, 8).ok(),
            _ => part.parse().ok(),
        })
        .collect::<Option<_>>()?;
    let (leading, last) = parts.split_last().map(|(last, leading)| (leading, *last))?;
    if leading.len() > 3 || leading.iter().any(|&part| part > 255) {
        return None;
    }
    let room = 32 - 8 * leading.len() as u32;
    if room < 32 && last >> room != 0 {
        return None;
    }
    let high = leading
        .iter()
        .enumerate()
        .fold(0u32, |sum, (i, &part)| sum | (part << (24 - 8 * i)));
    Some(Ipv4Addr::from(high | last))
}

/// `::1:7878`: an IPv6 address that is also another IPv6 address followed by a port.
fn ipv6_with_port(text: &str) -> Option<(Ipv6Addr, u16)> {
    let (head, tail) = text.rsplit_once(':')?;
    if !is_port_like(tail) {
        return None;
    }
    Some((head.parse().ok()?, tail.parse().ok()?))
}

/// `127.0.0.1:7878`, `localhost:80`: one colon, and digits after it.
fn host_and_port(text: &str) -> Option<(&str, &str)> {
    let (head, port) = text.rsplit_once(':')?;
    (!head.contains(':') && is_port_like(port)).then_some((head, port))
}

fn is_port_like(text: &str) -> bool {
    !text.is_empty() && text.len() <= 5 && text.bytes().all(|byte| byte.is_ascii_digit())
}

fn port_in_host(host: &str, port: &str) -> AddressError {
    AddressError::new(
        t!("course.address.port-in-host", host, port),
        t!("course.address.port-in-host-hint", host, port),
    )
}

fn missing_bracket(text: &str) -> AddressError {
    AddressError::new(
        t!("course.address.missing-bracket", text),
        t!("course.address.missing-bracket-hint"),
    )
}

fn not_an_address(text: &str, example: &str) -> AddressError {
    AddressError::new(
        t!("course.address.not-an-address", text),
        t!("course.address.not-an-address-hint", example),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v4(a: u8, b: u8, c: u8, d: u8) -> Host {
        Host::Ip(IpAddr::V4(Ipv4Addr::new(a, b, c, d)))
    }

    fn refused<T: fmt::Debug>(result: Result<T, AddressError>) -> (String, String) {
        let error = result.unwrap_err();
        (error.to_string(), error.hint().to_string())
    }

    #[test]
    fn hosts_in_their_full_forms_are_accepted() {
        assert_eq!(host("127.0.0.1"), Ok(v4(127, 0, 0, 1)));
        assert_eq!(host("0.0.0.0"), Ok(v4(0, 0, 0, 0)));
        assert_eq!(host("::1"), Ok(Host::Ip("::1".parse().unwrap())));
        assert_eq!(host("[::1]"), Ok(Host::Ip("::1".parse().unwrap())));
        assert_eq!(
            host("2001:db8::1"),
            Ok(Host::Ip("2001:db8::1".parse().unwrap()))
        );
        for name in [
            "localhost",
            "localhost.",
            "my-laptop",
            "lab_pc.local",
            "a1.example",
        ] {
            assert_eq!(host(name), Ok(Host::Name(name.to_string())), "{name}");
        }
    }

    /// Each short or odd numeric form is refused, with what the old rules would make of it.
    #[test]
    fn ipv4_short_octal_and_hex_forms_are_refused() {
        let cases = [
            ("1.2.3", "it has 3 numbers", "would read 1.2.3 as 1.2.0.3"),
            ("127.1", "it has 2 numbers", "would read 127.1 as 127.0.0.1"),
            (
                "0x7f.1",
                "it has 2 numbers",
                "would read 0x7f.1 as 127.0.0.1",
            ),
            ("0x7f.0.0.1", "0x7f is hexadecimal", "as 127.0.0.1"),
            ("010.0.0.1", "010 starts with 0", "write 10.0.0.1"),
            ("2130706433", "it has 1 number", "as 127.0.0.1"),
            (
                "256.1.1.1",
                "256 is not a number from 0 to 255",
                "such as 127.0.0.1",
            ),
            ("1.2.3.4.5", "it has 5 numbers", "write all four numbers"),
            ("127.0.0.1.", "it ends with a dot", "write 127.0.0.1"),
            ("0x7f", "it has 1 number", "as 0.0.0.127"),
            (
                "1..2.3",
                "it has an empty part between dots",
                "such as 127.0.0.1",
            ),
        ];
        for (text, reason, hint_part) in cases {
            let (message, hint) = refused(host(text));
            assert!(
                message.starts_with(&format!("{text} is not an IPv4 address: {reason}")),
                "{text}: {message}"
            );
            assert!(hint.contains(hint_part), "{text}: {hint}");
        }
        let (_, hint) = refused(host("010.0.0.1"));
        assert_eq!(
            hint,
            "write 10.0.0.1 (decimal), or 8.0.0.1 (what the OS's old rules, inet_aton, read: \
             a leading 0 means octal)"
        );
    }

    #[test]
    fn a_port_in_host_is_refused_with_the_two_options() {
        let (message, hint) = refused(host("127.0.0.1:7878"));
        assert_eq!(
            message,
            "127.0.0.1:7878 has a port; --host takes the host alone"
        );
        assert_eq!(
            hint,
            "give the port on its own: --host 127.0.0.1 --port 7878"
        );
        let (_, hint) = refused(host("localhost:7878"));
        assert_eq!(
            hint,
            "give the port on its own: --host localhost --port 7878"
        );
        let (_, hint) = refused(host("[::1]:7878"));
        assert_eq!(hint, "give the port on its own: --host [::1] --port 7878");
    }

    /// `::1:7878` is a valid IPv6 address, far from loopback; bare, it is too likely a typo.
    #[test]
    fn an_ipv6_host_that_may_hide_a_port_needs_brackets() {
        let (message, hint) = refused(host("::1:7878"));
        assert_eq!(
            message,
            "::1:7878 is an IPv6 address, or ::1 with the port 7878"
        );
        assert!(hint.contains("--host ::1 --port 7878"), "{hint}");
        assert!(hint.contains("--host [::1:7878]"), "{hint}");
        assert_eq!(
            host("[::1:7878]"),
            Ok(Host::Ip("::1:7878".parse().unwrap()))
        );
    }

    #[test]
    fn hosts_that_are_neither_are_refused() {
        for (text, part) in [
            ("", "no host given"),
            ("local host", "contains ' '"),
            ("host.123", "its last part, 123, is a number"),
            ("açb.1", "its last part, 1, is a number"),
            ("a..b", "empty part"),
            ("fe80::1%eth0", "not a host name or an IP address"),
            ("1:2", "contains ':'"),
            ("[127.0.0.1]", "127.0.0.1 is not an IPv6 address"),
            ("[::1", "opens a [ and never closes it"),
            ("açaí", "contains 'ç'"),
        ] {
            let (message, _) = refused(host(text));
            assert!(message.contains(part), "{text:?}: {message}");
        }
        let (_, hint) = refused(host("[127.0.0.1]"));
        assert_eq!(
            hint,
            "brackets are for IPv6 addresses; write 127.0.0.1 without them"
        );
        let long = format!("{}.example", "a".repeat(64));
        assert!(refused(host(&long)).0.contains("too long"));
    }

    #[test]
    fn host_port_takes_ipv4_names_and_bracketed_ipv6() {
        let parsed = |text| host_port(text).unwrap();
        assert_eq!(parsed("127.0.0.1:7879"), HostPort::from(crate::udp_addr()));
        assert_eq!(parsed("[::1]:7879").to_string(), "[::1]:7879");
        assert_eq!(
            parsed("localhost:7879"),
            HostPort {
                host: Host::Name("localhost".to_string()),
                port: 7879
            }
        );
        assert_eq!(parsed("127.0.0.1:7879").to_string(), "127.0.0.1:7879");
    }

    #[test]
    fn host_port_refuses_unbracketed_ipv6_and_missing_ports() {
        let (message, hint) = refused(host_port("::1:7878"));
        assert_eq!(
            message,
            "an IPv6 address needs brackets when a port follows it"
        );
        assert!(
            hint.starts_with("write [::1]:7878 for ::1 port 7878"),
            "{hint}"
        );
        let (message, hint) = refused(host_port("::1"));
        assert_eq!(message, "no port after the IPv6 address ::1");
        assert_eq!(hint, "write [::1]:PORT, such as [::1]:7879");
        let (message, hint) = refused(host_port("127.0.0.1"));
        assert_eq!(message, "no port in 127.0.0.1");
        assert_eq!(hint, "add the port: 127.0.0.1:PORT, such as 127.0.0.1:7879");
        let (message, _) = refused(host_port("[::1]"));
        assert_eq!(message, "no port after [::1]");
        let (message, _) = refused(host_port(":7879"));
        assert_eq!(message, "no host before the port");
        let (message, hint) = refused(host_port("1.2.3:7879"));
        assert!(
            message.starts_with("1.2.3 is not an IPv4 address"),
            "{message}"
        );
        assert!(hint.contains("1.2.0.3"), "{hint}");
        let (message, _) = refused(host_port("127.0.0.1:http"));
        assert!(message.starts_with("http is not a port"), "{message}");
        let (message, _) = refused(host_port("127.0.0.1:70000"));
        assert!(message.starts_with("70000 is not a port"), "{message}");
    }

    #[test]
    fn port_zero_is_refused_as_a_destination_everywhere() {
        for result in [
            port("0").map(|_| ()),
            host_port("127.0.0.1:0").map(|_| ()),
            host_port("[::1]:0").map(|_| ()),
        ] {
            let (message, hint) = refused(result);
            assert!(
                message.starts_with("0 is not in 1..=65535: port 0 means"),
                "{message}"
            );
            assert!(hint.contains("its first line shows it"), "{hint}");
        }
        assert_eq!(port("7878"), Ok(7878));
        for text in ["", "+80", "-1", "65536", "seven"] {
            assert!(refused(port(text)).0.contains("is not a port"), "{text}");
        }
    }

    #[test]
    fn ip_options_take_addresses_only() {
        assert_eq!(ip("0.0.0.0"), Ok(IpAddr::V4(Ipv4Addr::UNSPECIFIED)));
        assert_eq!(ip("[::1]"), Ok("::1".parse().unwrap()));
        assert_eq!(group("ff02::7880"), Ok("ff02::7880".parse().unwrap()));
        let (message, hint) = refused(ip("localhost"));
        assert_eq!(
            message,
            "localhost is a name; this option takes an IP address of this machine"
        );
        assert_eq!(hint, "give an IP address, such as 127.0.0.1");
        let (message, hint) = refused(group("239.255.78"));
        assert!(message.contains("such as 239.255.78.78"), "{message}");
        assert!(hint.contains("239.255.0.78"), "{hint}");
        let (message, _) = refused(ip("127.0.0.1:7878"));
        assert!(message.contains("has a port"), "{message}");
        assert_eq!(ipv4("127.0.0.1"), Ok(Ipv4Addr::LOCALHOST));
        let (_, hint) = refused(ipv4("::1"));
        assert!(hint.contains("--interface-index"), "{hint}");
        assert!(refused(ipv4("127.1")).1.contains("127.0.0.1"));
    }

    #[test]
    fn inet_aton_reads_the_old_forms() {
        let read = |text| inet_aton(text).map(|ip| ip.to_string());
        assert_eq!(read("1.2.3").as_deref(), Some("1.2.0.3"));
        assert_eq!(read("127.1").as_deref(), Some("127.0.0.1"));
        assert_eq!(read("0x7f.1").as_deref(), Some("127.0.0.1"));
        assert_eq!(read("010.0.0.1").as_deref(), Some("8.0.0.1"));
        assert_eq!(read("2130706433").as_deref(), Some("127.0.0.1"));
        assert_eq!(read("1.2.3.4.5"), None);
        assert_eq!(read("256.1"), None);
        assert_eq!(read("1.2.65536"), None);
        assert_eq!(read("09"), None);
    }

    #[test]
    fn a_name_is_resolved_and_an_address_is_itself() {
        let loopback = Host::Ip(IpAddr::V4(Ipv4Addr::LOCALHOST));
        assert_eq!(resolve(&loopback, 7878).unwrap(), vec![crate::tcp_addr()]);
        let localhost = resolve(&Host::Name("localhost".to_string()), 7878).unwrap();
        assert!(localhost.iter().all(|address| address.ip().is_loopback()));
    }
}
