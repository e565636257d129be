//! WRONG on purpose: `ticker_group` checks only that the address is multicast, and lets the
//! ticker publish on 224.0.0.251, the group of mDNS, where every printer and phone listens.

use std::net::IpAddr;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    NotMulticast,
    LocalNetworkControl,
    SourceSpecific,
    AdminScoped,
    InterfaceLocal,
    LinkLocal,
    SiteLocal,
    OrganizationLocal,
    Global,
    Reserved,
}

pub fn scope(address: IpAddr) -> Scope {
    match address {
        IpAddr::V4(v4) => match v4.octets() {
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

pub fn ticker_group(text: &str) -> Result<IpAddr, String> {
    let address: IpAddr = text
        .trim()
        .parse()
        .map_err(|_| format!("`{text}` is not an IP address"))?;
    if address.is_multicast() {
        Ok(address)
    } else {
        Err(format!("{address} is not a multicast group"))
    }
}
