//! The hints of errors that several programs meet (course::trouble), and the checks of a
//! multicast program's group and interface (course::multicast_choice).

pub const PART: crate::text::Part = &[
    (
        "course.trouble.port-in-use",
        "another server (maybe {holder}) is using port {port}; stop it or pick another port with --port",
    ),
    (
        "course.trouble.not-this-machine",
        "{ip} is not an address of this machine; use --bind 127.0.0.1 (this machine only) or --bind 0.0.0.0 (every interface)",
    ),
    (
        "course.trouble.windows-excluded-port",
        "Windows keeps port {port} from programs (`netsh interface ipv4 show excludedportrange protocol=tcp` lists the ranges; protocol=udp for UDP), or another program holds it exclusively; pick another port with --port",
    ),
    (
        "course.trouble.privileged-port",
        "ports below 1024 are reserved for the administrator; pick another with --port",
    ),
    (
        "course.trouble.check-bind-and-port",
        "check --bind and --port",
    ),
    (
        "course.multicast.not-a-group",
        "{group} is not a multicast group",
    ),
    (
        "course.multicast.ipv4-groups",
        "IPv4 multicast groups are 224.0.0.0 to 239.255.255.255 (the lesson's class D); try {suggestion}",
    ),
    (
        "course.multicast.ipv6-groups",
        "IPv6 multicast groups start with ff (ff00::/8); try ff02::7880 (link-local scope)",
    ),
    (
        "course.multicast.link-local",
        "{group} is in 224.0.0.0/24, link-local multicast reserved for protocols such as IGMP and OSPF; it works on this link but prefer {suggestion} (239.0.0.0/8, administratively scoped, meant for your own applications)",
    ),
    ("course.multicast.index", "index {index}"),
    (
        "course.multicast.index-for-ipv6",
        "--interface-index is for IPv6 groups; {group} is IPv4",
    ),
    (
        "course.multicast.index-for-ipv6-hint",
        "name the IPv4 interface by its address: --interface 127.0.0.1",
    ),
    (
        "course.multicast.interface-is-ipv4",
        "--interface {address} is an IPv4 address; {group} is an IPv6 group",
    ),
    (
        "course.multicast.interface-is-ipv4-hint",
        "IPv6 names interfaces by number: --interface-index N (`ip link` shows N before each name)",
    ),
    (
        "course.multicast.needs-index",
        "an IPv6 group ({group}) needs --interface-index",
    ),
    (
        "course.multicast.needs-index-hint",
        "IPv6 names interfaces by number: `ip link` (Linux) shows it before each name; Linux loopback carries no IPv6 multicast, so pick a real interface (or run scripts/lab-multicast-netns)",
    ),
];
