//! Multicast memberships on the wire: IGMP (IPv4) and MLD (IPv6, carried in ICMPv6).
//!
//! When a socket joins a group (`IP_ADD_MEMBERSHIP`), the kernel tells the routers of the link
//! with a membership report; when the last socket leaves, with a leave (IGMPv2, MLDv1 "done")
//! or a report that changes the group to "include nothing" (IGMPv3, MLDv2, Linux's default).

use std::fmt;
use std::net::IpAddr;

use etherparse::igmp::ReportGroupRecordType;
use etherparse::{Icmpv6Slice, IgmpSlice};

use crate::packet::{Unreadable, ipv4, ipv6};

/// The most group records kept from one report; a report may hold hundreds.
pub const MAX_RECORDS: usize = 8;

/// A membership message: a query from a router, or a host's report of its groups.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Membership {
    /// `IGMPv2`, `IGMPv3`, `MLDv1`, `MLDv2`...
    pub protocol: &'static str,
    /// What the message says, group by group (at most [`MAX_RECORDS`]).
    pub changes: Vec<Change>,
    /// Records left out beyond [`MAX_RECORDS`].
    pub more: usize,
}

/// One thing a membership message says about one group.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    /// A socket on the sender joined the group (`from` sources: only from those, SSM).
    Join {
        group: IpAddr,
        from: u16,
    },
    /// The last socket on the sender left the group.
    Leave {
        group: IpAddr,
    },
    /// The sender is still a member (the answer to a query).
    Member {
        group: IpAddr,
    },
    /// Sources added to or removed from the sender's list for the group.
    Allow {
        group: IpAddr,
        sources: u16,
    },
    Block {
        group: IpAddr,
        sources: u16,
    },
    /// A router asks who is a member: of one group, or of any (`None`).
    Query {
        group: Option<IpAddr>,
    },
    /// A message type this program does not know.
    Unknown {
        type_u8: u8,
    },
}

impl fmt::Display for Change {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Change::Join { group, from: 0 } => write!(f, "join {group}"),
            Change::Join { group, from } => write!(f, "join {group} from {from} sources"),
            Change::Leave { group } => write!(f, "leave {group}"),
            Change::Member { group } => write!(f, "member of {group}"),
            Change::Allow { group, sources } => write!(f, "allow {sources} sources of {group}"),
            Change::Block { group, sources } => write!(f, "block {sources} sources of {group}"),
            Change::Query { group: Some(group) } => write!(f, "query for {group}"),
            Change::Query { group: None } => write!(f, "query for every group"),
            Change::Unknown { type_u8 } => write!(f, "type {type_u8}"),
        }
    }
}

impl Change {
    /// The group it is about, if one.
    pub fn group(&self) -> Option<IpAddr> {
        match *self {
            Change::Join { group, .. }
            | Change::Leave { group }
            | Change::Member { group }
            | Change::Allow { group, .. }
            | Change::Block { group, .. } => Some(group),
            Change::Query { group } => group,
            Change::Unknown { .. } => None,
        }
    }
}

/// An IGMP message (IPv4 protocol 2).
pub(crate) fn igmp(igmp: &IgmpSlice<'_>) -> Result<Membership, Unreadable> {
    let one = |protocol, change| Membership {
        protocol,
        changes: vec![change],
        more: 0,
    };
    let group = |address: [u8; 4]| (address != [0; 4]).then(|| ipv4(address));
    Ok(match igmp {
        // IGMPv1 queries have no maximum response time; v2 queries do.
        IgmpSlice::MembershipQuery(query) => one(
            if query.max_response_time() == 0 {
                "IGMPv1"
            } else {
                "IGMPv2"
            },
            Change::Query {
                group: group(query.group_address().into()),
            },
        ),
        IgmpSlice::MembershipQueryWithSources(query) => one(
            "IGMPv3",
            Change::Query {
                group: group(query.group_address().into()),
            },
        ),
        IgmpSlice::MembershipReportV1(report) => one(
            "IGMPv1",
            Change::Join {
                group: ipv4(report.group_address().into()),
                from: 0,
            },
        ),
        IgmpSlice::MembershipReportV2(report) => one(
            "IGMPv2",
            Change::Join {
                group: ipv4(report.group_address().into()),
                from: 0,
            },
        ),
        IgmpSlice::LeaveGroup(leave) => one(
            "IGMPv2",
            Change::Leave {
                group: ipv4(leave.group_address().into()),
            },
        ),
        IgmpSlice::MembershipReportV3(report) => {
            let mut records = Vec::new();
            for record in report.group_records() {
                let record = record.map_err(|error| Unreadable {
                    reason: course::t!("wire.unreadable.igmpv3"),
                    detail: Some(error.to_string()),
                })?;
                let group = ipv4(record.multicast_address());
                records.push(change(
                    record.record_type().0,
                    group,
                    record.num_of_sources(),
                ));
            }
            report_of("IGMPv3", records)
        }
        IgmpSlice::Unknown(unknown) => one(
            "IGMP",
            Change::Unknown {
                type_u8: unknown.type_u8(),
            },
        ),
    })
}

/// An MLD message (ICMPv6 types 130, 131, 132 and 143), or `None` for any other ICMPv6.
pub(crate) fn mld(icmp: &Icmpv6Slice<'_>) -> Option<Result<Membership, Unreadable>> {
    let payload = icmp.payload();
    let address = |at: usize| -> Option<[u8; 16]> { payload.get(at..at + 16)?.try_into().ok() };
    let cut = |what: &str| Unreadable {
        reason: course::t!("wire.unreadable.cut-short", what),
        detail: Some(course::t!(
            "wire.unreadable.after-icmpv6",
            count = payload.len()
        )),
    };
    let one = |protocol, change| {
        Ok(Membership {
            protocol,
            changes: vec![change],
            more: 0,
        })
    };
    Some(match icmp.type_u8() {
        // Query, v1 report and v1 done: the ICMPv6 header, then a 16-byte group address.
        130 => match address(0) {
            // An MLDv2 query is longer than the 24 bytes of a v1 query (RFC 3810, 8.1).
            Some(group) => one(
                if payload.len() > 16 { "MLDv2" } else { "MLDv1" },
                Change::Query {
                    group: (group != [0; 16]).then(|| ipv6(group)),
                },
            ),
            None => Err(cut("MLD query")),
        },
        131 => match address(0) {
            Some(group) => one(
                "MLDv1",
                Change::Join {
                    group: ipv6(group),
                    from: 0,
                },
            ),
            None => Err(cut("MLD report")),
        },
        132 => match address(0) {
            Some(group) => one("MLDv1", Change::Leave { group: ipv6(group) }),
            None => Err(cut("MLD done")),
        },
        143 => {
            let [_, _, high, low] = icmp.bytes5to8();
            mldv2_report(payload, u16::from_be_bytes([high, low]))
                .ok_or_else(|| cut("MLDv2 report"))
        }
        _ => return None,
    })
}

/// An MLDv2 report's records: type (1 byte), auxiliary data length (1, in 32-bit words),
/// number of sources (2), group (16), the sources (16 each), the auxiliary data.
fn mldv2_report(mut records: &[u8], count: u16) -> Option<Membership> {
    let mut changes = Vec::new();
    for _ in 0..count {
        let head = records.get(..20)?;
        let sources = u16::from_be_bytes([head[2], head[3]]);
        let group: [u8; 16] = head[4..20].try_into().ok()?;
        let len = 20 + 16 * usize::from(sources) + 4 * usize::from(head[1]);
        records = records.get(len..)?;
        changes.push(change(head[0], ipv6(group), sources));
    }
    Some(report_of("MLDv2", changes))
}

fn report_of(protocol: &'static str, mut changes: Vec<Change>) -> Membership {
    let more = changes.len().saturating_sub(MAX_RECORDS);
    changes.truncate(MAX_RECORDS);
    Membership {
        protocol,
        changes,
        more,
    }
}

/// A v3 group record (IGMPv3 and MLDv2 share the types): joining is "change to exclude
/// nothing", leaving is "change to include nothing" (RFC 3376, 5.1).
fn change(record_type: u8, group: IpAddr, sources: u16) -> Change {
    match ReportGroupRecordType(record_type) {
        ReportGroupRecordType::CHANGE_TO_EXCLUDE_MODE => Change::Join { group, from: 0 },
        ReportGroupRecordType::CHANGE_TO_INCLUDE_MODE if sources == 0 => Change::Leave { group },
        ReportGroupRecordType::CHANGE_TO_INCLUDE_MODE => Change::Join {
            group,
            from: sources,
        },
        ReportGroupRecordType::ALLOW_NEW_SOURCES => Change::Allow { group, sources },
        ReportGroupRecordType::BLOCK_OLD_SOURCES => Change::Block { group, sources },
        ReportGroupRecordType::MODE_IS_EXCLUDE | ReportGroupRecordType::MODE_IS_INCLUDE => {
            Change::Member { group }
        }
        _ => Change::Unknown {
            type_u8: record_type,
        },
    }
}
