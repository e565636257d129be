//! # mc1-scope: where does the price ticker's group reach? (reference solution)

use std::net::IpAddr;

/// How far the datagrams sent to an address may go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Not a multicast address.
    NotMulticast,
    /// IPv4 224.0.0.0/24: protocol traffic on the local network, never routed.
    LocalNetworkControl,
    /// IPv4 232.0.0.0/8.
    SourceSpecific,
    /// IPv4 239.0.0.0/8.
    AdminScoped,
    /// IPv6 ffX1::.
    InterfaceLocal,
    /// IPv6 ffX2::.
    LinkLocal,
    /// IPv6 ffX5::.
    SiteLocal,
    /// IPv6 ffX8::.
    OrganizationLocal,
    /// Any other IPv4 group; IPv6 ffXe::.
    Global,
    /// IPv6 with another scope value.
    Reserved,
}

/// The scope of `address`.
pub fn scope(address: IpAddr) -> Scope {
    match address {
        IpAddr::V4(v4) => match v4.octets() {
            // 224.0.0.0/4: the top four bits are 1110, so the first byte is 224 to 239.
            [first, ..] if !(224..=239).contains(&first) => Scope::NotMulticast,
            [224, 0, 0, _] => Scope::LocalNetworkControl,
            [232, ..] => Scope::SourceSpecific,
            [239, ..] => Scope::AdminScoped,
            _ => Scope::Global,
        },
        IpAddr::V6(v6) => {
            let octets = v6.octets();
            if octets[0] != 0xff {
                return Scope::NotMulticast;
            }
            // ff<flags><scope>: the high nibble of the second byte holds flags, the low one
            // the scope.
            match octets[1] & 0x0f {
                0x1 => Scope::InterfaceLocal,
                0x2 => Scope::LinkLocal,
                0x5 => Scope::SiteLocal,
                0x8 => Scope::OrganizationLocal,
                0xe => Scope::Global,
                _ => Scope::Reserved,
            }
        }
    }
}

/// Reads a group from the ticker's settings: an IP address (v4 or v6) that is multicast and
/// not for local network control. The error says, in a sentence, what is wrong.
pub fn ticker_group(text: &str) -> Result<IpAddr, String> {
    let text = text.trim();
    let address: IpAddr = text
        .parse()
        .map_err(|_| format!("`{text}` is not an IP address"))?;
    match scope(address) {
        Scope::NotMulticast => Err(format!(
            "{address} is not a multicast group (IPv4 224.0.0.0/4, IPv6 ff00::/8)"
        )),
        Scope::LocalNetworkControl => Err(format!(
            "{address} is in 224.0.0.0/24, reserved for local network control protocols"
        )),
        _ => Ok(address),
    }
}
