//! What the course says about what a student types where an address, a port, a number of
//! seconds or a rate goes (course::address, course::seconds, course::rate): the refusal, which
//! is clap's error line, and its hint.

pub const PART: crate::text::Part = &[
    (
        "course.address.ipv6-or-port",
        "{text} is an IPv6 address, or {head} with the port {port}",
    ),
    (
        "course.address.ipv6-or-port-hint",
        "for the port: --host {head} --port {port}; for the address {text}, write it in brackets: --host [{text}]",
    ),
    (
        "course.address.host-port-form",
        "write HOST:PORT, such as 127.0.0.1:7879, [::1]:7879 or localhost:7879",
    ),
    (
        "course.address.no-port-after-bracket",
        "no port after [{ip}]",
    ),
    (
        "course.address.write-bracket-port",
        "write [{ip}]:PORT, such as [{ip}]:7879",
    ),
    ("course.address.no-port", "no port in {text}"),
    (
        "course.address.add-port",
        "add the port: {text}:PORT, such as {text}:7879",
    ),
    ("course.address.no-host", "no host before the port"),
    (
        "course.address.no-host-hint",
        "write HOST:PORT, such as 127.0.0.1:{port}",
    ),
    (
        "course.address.ipv6-needs-brackets",
        "an IPv6 address needs brackets when a port follows it",
    ),
    (
        "course.address.ipv6-needs-brackets-hint",
        "write [{head}]:{port} for {head} port {port}; or, if {text} is the whole address, [{text}]:PORT",
    ),
    (
        "course.address.no-port-after-ipv6",
        "no port after the IPv6 address {text}",
    ),
    ("course.address.not-host-port", "{text} is not HOST:PORT"),
    (
        "course.address.port-zero",
        "0 is not in 1..=65535: port 0 means \"any free port\" when binding; nothing can be sent to it",
    ),
    (
        "course.address.port-zero-hint",
        "give the port the other program bound (its first line shows it); the course uses 7878 for TCP and 7879 for UDP",
    ),
    (
        "course.address.not-a-port",
        "{text} is not a port: a port is a number from 1 to 65535",
    ),
    (
        "course.address.not-a-port-hint",
        "the course uses 7878 for TCP and 7879 for UDP; a program started on port 0 shows its port on its first line",
    ),
    ("course.address.what-ip", "an IP address of this machine"),
    (
        "course.address.what-group",
        "a group's IP address (IPv6: ff02::7880)",
    ),
    (
        "course.address.what-ipv4",
        "the IPv4 address of one of this machine's interfaces",
    ),
    (
        "course.address.ipv6-not-ipv4",
        "{ip} is an IPv6 address; this option takes an IPv4 address",
    ),
    (
        "course.address.interface-by-number",
        "IPv6 names interfaces by number: --interface-index N",
    ),
    (
        "course.address.resolve-hint",
        "check the spelling of {name}, or give an IP address such as 127.0.0.1",
    ),
    ("course.address.resolving", "resolving {name}"),
    (
        "course.address.no-address-found",
        "resolving {name}: no address found",
    ),
    (
        "course.address.has-a-port",
        "{text} has a port; this option takes {what} alone",
    ),
    (
        "course.address.address-alone",
        "give the address alone, such as {example}; the port goes in --port",
    ),
    (
        "course.address.is-a-name",
        "{name} is a name; this option takes {what}",
    ),
    (
        "course.address.give-ip",
        "give an IP address, such as {example}",
    ),
    (
        "course.address.brackets-for-ipv6",
        "brackets are for IPv6 addresses; write {ip} without them",
    ),
    (
        "course.address.ipv6-form",
        "an IPv6 address is written like ::1 or 2001:db8::1",
    ),
    ("course.address.not-ipv6", "{text} is not an IPv6 address"),
    ("course.address.no-host-given", "no host given"),
    (
        "course.address.give-ip-or-a-name",
        "give an IP address such as {example}, or a name such as localhost",
    ),
    (
        "course.address.last-part-number",
        "{text} is not a host name: its last part, {last}, is a number",
    ),
    (
        "course.address.give-ip-or-host-name",
        "give an IP address such as {example}, or a host name such as localhost",
    ),
    (
        "course.address.contains",
        "{text} is not a host name or an IP address: it contains {what}",
    ),
    (
        "course.address.contains-colon",
        "':' (IPv6 addresses are written like ::1, and a port goes in --port)",
    ),
    (
        "course.address.give-ip-or-ipv6-or-host-name",
        "give an IP address such as {example} or ::1, or a host name such as localhost",
    ),
    (
        "course.address.empty-part-in-name",
        "{text} is not a host name: it has an empty part between dots",
    ),
    (
        "course.address.name-too-long",
        "{text} is not a host name: too long (253 characters, 63 between dots)",
    ),
    ("course.address.ends-with-a-dot", "it ends with a dot"),
    (
        "course.address.empty-part",
        "it has an empty part between dots",
    ),
    ("course.address.how-many-numbers", "it has {numbers}"),
    ("course.address.hexadecimal", "{part} is hexadecimal"),
    ("course.address.leading-zero", "{part} starts with 0"),
    (
        "course.address.not-a-byte",
        "{part} is not a number from 0 to 255",
    ),
    (
        "course.address.not-ipv4",
        "{text} is not an IPv4 address: {reason}; an IPv4 address is four numbers from 0 to 255, such as {example}",
    ),
    (
        "course.address.old-rules",
        "; the OS's old rules (inet_aton) would read {text} as {read}",
    ),
    (
        "course.address.octal-or-decimal",
        "write {decimal} (decimal), or {read} (what the OS's old rules, inet_aton, read: a leading 0 means octal)",
    ),
    ("course.address.write-decimal", "write {decimal}{old}"),
    (
        "course.address.write-four-numbers",
        "write all four numbers, in decimal, such as {example}{old}",
    ),
    (
        "course.address.port-in-host",
        "{host}:{port} has a port; --host takes the host alone",
    ),
    (
        "course.address.port-in-host-hint",
        "give the port on its own: --host {host} --port {port}",
    ),
    (
        "course.address.missing-bracket",
        "{text} opens a [ and never closes it",
    ),
    (
        "course.address.missing-bracket-hint",
        "an IPv6 address in brackets, then its port: [::1]:7879",
    ),
    ("course.address.not-an-address", "{text} is not an address"),
    (
        "course.address.not-an-address-hint",
        "give an IP address such as {example} or [::1], or a host name such as localhost",
    ),
    (
        "course.seconds",
        "{text} is not a number of seconds above 0, such as 2 or 0.5",
    ),
    (
        "course.seconds-or-never",
        "{text} is not a number of seconds, such as 120 or 0.5, or 0 for never",
    ),
    (
        "course.rate",
        "{text} is not a rate: datagrams per second, 0 for as fast as possible",
    ),
    ("noun.number", "{count} number|{count} numbers"),
];
