//! Capture files: pcap (tcpdump's `-w`) and pcapng (Wireshark's default), read one frame at a
//! time with the `pcap-file` crate, never the whole file at once.
//!
//! A damaged file ends the reading with an error: a capture file has no markers to find the
//! next packet after a broken one. A file that ends inside its last packet (tcpdump stopped
//! while it wrote) only loses that packet. A pcap record whose length is more than the file's
//! own limit (snaplen) is damage, not a cut: the packets after it are not lost in silence.

use std::collections::VecDeque;
use std::fmt;
use std::fs::File;
use std::io::{self, Read};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use anyhow::{Context, anyhow};
use course::{HintExt, t};
use pcap_file::pcap::PcapReader;
use pcap_file::pcapng::blocks::interface_description::{
    InterfaceDescriptionBlock, InterfaceDescriptionOption,
};
use pcap_file::pcapng::{Block, PcapNgReader};
use pcap_file::{DataLink, Endianness, PcapError, TsResolution};

use crate::link::{self, Link};

/// One frame as captured: its link-layer bytes and when they were seen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Frame {
    /// When it was captured, since the Unix epoch (1970-01-01 UTC).
    pub timestamp: Duration,
    /// What comes before the IP header.
    pub link: Link,
    /// The bytes captured: all of the frame, or its first `snaplen` bytes.
    pub data: Vec<u8>,
    /// Its length on the wire, which is more than `data.len()` when the capture cut it.
    pub original_len: u32,
}

/// What a capture file holds next.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Record {
    Frame(Frame),
    /// A packet that cannot be read, and why in a few words.
    Skipped(String),
}

/// The two capture formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Pcap,
    PcapNg,
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Format::Pcap => "pcap",
            Format::PcapNg => "pcapng",
        })
    }
}

/// How to capture a file `wire` reads, for hints.
pub fn how_to_capture() -> String {
    t!("wire.how-to-capture")
}

type Input = Box<dyn Read>;

/// Bytes read but not yet used by a record (bounded by pcap-file's own buffer, which it never
/// grows: a record larger than it is an end of file for pcap-file).
type Unread = Arc<Mutex<VecDeque<u8>>>;

/// A reader that keeps a copy of what it reads in an [`Unread`].
struct Keeping {
    inner: Input,
    unread: Unread,
}

impl Read for Keeping {
    fn read(&mut self, buffer: &mut [u8]) -> io::Result<usize> {
        let read = self.inner.read(buffer)?;
        lock(&self.unread).extend(&buffer[..read]);
        Ok(read)
    }
}

fn lock(unread: &Unread) -> std::sync::MutexGuard<'_, VecDeque<u8>> {
    unread
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// A capture file, read frame by frame: an iterator of records that ends at the end of the
/// file or at the first error.
pub struct Capture {
    name: String,
    format: Format,
    reader: Reader,
    packets: u64,
    done: bool,
}

enum Reader {
    Pcap {
        reader: PcapReader<Input>,
        link: Link,
        resolution: TsResolution,
        /// The bytes read from the file that no record returned yet has used: at the end of
        /// the file, the header of the record that did not fit.
        unread: Unread,
        snaplen: u32,
        endianness: Endianness,
    },
    PcapNg {
        reader: PcapNgReader<Input>,
        state: PcapNgState,
    },
}

/// What a pcapng reader must remember between blocks.
struct PcapNgState {
    /// The byte order of the current section.
    endianness: Endianness,
    /// The interfaces the current section described, numbered from 0.
    interfaces: Vec<Interface>,
    /// The last timestamp, for the simple packet blocks that have none.
    last: Duration,
}

/// What a pcapng file says about one of its interfaces.
struct Interface {
    /// The link type, or its number when `wire` does not read it.
    link: Result<Link, u32>,
    /// `if_tsresol`: a timestamp counts units of 10^-n seconds, or 2^-n when the top bit is set.
    resolution: u8,
    /// `if_tsoffset`: seconds to add to every timestamp.
    offset: u64,
}

impl Capture {
    /// Opens a capture file and reads its header.
    pub fn open(path: &Path) -> anyhow::Result<Capture> {
        let name = path.display().to_string();
        let file = File::open(path)
            .with_context(|| t!("wire.file.opening", name))
            .hint_with(|error| match course::io_kind(error) {
                Some(io::ErrorKind::NotFound) => t!("wire.file.no-such", how = how_to_capture()),
                _ => t!("wire.file.may-read"),
            })?;
        Capture::from_reader(&name, file)
    }

    /// Reads a capture from any byte stream; `name` names it in errors.
    pub fn from_reader(name: &str, mut input: impl Read + 'static) -> anyhow::Result<Capture> {
        let mut magic = [0u8; 4];
        let how = how_to_capture();
        let got = read_up_to(&mut input, &mut magic)
            .with_context(|| t!("wire.file.reading", name))
            .hint(t!("wire.file.give", how))?;
        let not_a_capture = |what: String| {
            Err(anyhow!(t!("wire.file.not-capture", name, what)))
                .hint(t!("wire.file.not-capture.hint", how))
        };
        if got < 4 {
            return not_a_capture(t!("wire.file.bytes", count = got));
        }
        let format = match u32::from_be_bytes(magic) {
            0xa1b2_c3d4 | 0xd4c3_b2a1 | 0xa1b2_3c4d | 0x4d3c_b2a1 => Format::Pcap,
            0x0a0d_0d0a => Format::PcapNg,
            _ => {
                let bytes = format!(
                    "{:02x} {:02x} {:02x} {:02x}",
                    magic[0], magic[1], magic[2], magic[3]
                );
                return not_a_capture(t!("wire.file.signature", bytes));
            }
        };
        let input: Input = Box::new(io::Cursor::new(magic).chain(input));
        let header_error = |error: PcapError| {
            let error = describe(&error);
            Err(anyhow!(t!("wire.file.header", name, format, error)))
                .hint(t!("wire.file.incomplete", how))
        };
        let reader = match format {
            Format::Pcap => {
                let unread = Unread::default();
                let keeping = Keeping {
                    inner: input,
                    unread: Arc::clone(&unread),
                };
                match PcapReader::new(Box::new(keeping) as Input) {
                    Ok(reader) => pcap_reader(name, reader, unread)?,
                    Err(error) => return header_error(error),
                }
            }
            Format::PcapNg => match PcapNgReader::new(input) {
                Ok(reader) => Reader::PcapNg {
                    state: PcapNgState {
                        endianness: reader.section().endianness,
                        interfaces: Vec::new(),
                        last: Duration::ZERO,
                    },
                    reader,
                },
                Err(error) => return header_error(error),
            },
        };
        Ok(Capture {
            name: name.to_string(),
            format,
            reader,
            packets: 0,
            done: false,
        })
    }

    /// pcap or pcapng.
    pub fn format(&self) -> Format {
        self.format
    }

    /// The link type of a pcap file (pcapng files have one per interface).
    pub fn link(&self) -> Option<Link> {
        match &self.reader {
            Reader::Pcap { link, .. } => Some(*link),
            Reader::PcapNg { .. } => None,
        }
    }

    fn next_record(&mut self) -> Option<Result<Record, PcapError>> {
        match &mut self.reader {
            Reader::Pcap {
                reader,
                link,
                resolution,
                unread,
                ..
            } => next_pcap(reader, *link, *resolution, unread),
            Reader::PcapNg { reader, state } => next_pcapng(reader, state),
        }
    }
}

fn next_pcap(
    reader: &mut PcapReader<Input>,
    link: Link,
    resolution: TsResolution,
    unread: &Unread,
) -> Option<Result<Record, PcapError>> {
    let packet = match reader.next_raw_packet()? {
        Ok(packet) => packet,
        Err(error) => return Some(Err(error)),
    };
    // Its 16-byte record header and its bytes are used.
    lock(unread).drain(..16 + packet.data.len());
    let fraction = match resolution {
        TsResolution::MicroSecond => Duration::from_micros(packet.ts_frac.into()),
        TsResolution::NanoSecond => Duration::from_nanos(packet.ts_frac.into()),
    };
    Some(Ok(Record::Frame(Frame {
        timestamp: Duration::from_secs(packet.ts_sec.into()) + fraction,
        link,
        data: packet.data.into_owned(),
        original_len: packet.orig_len,
    })))
}

/// The next packet of a pcapng file, past the blocks that describe interfaces and sections.
fn next_pcapng(
    reader: &mut PcapNgReader<Input>,
    state: &mut PcapNgState,
) -> Option<Result<Record, PcapError>> {
    loop {
        let block = match reader.next_block()? {
            Ok(block) => block,
            Err(error) => return Some(Err(error)),
        };
        let (interface, raw, original_len, data) = match block {
            Block::SectionHeader(section) => {
                state.endianness = section.endianness;
                state.interfaces.clear();
                continue;
            }
            Block::InterfaceDescription(description) => {
                state.interfaces.push(Interface::from(&description));
                continue;
            }
            Block::EnhancedPacket(packet) => (
                packet.interface_id,
                // pcap-file hands the raw count of units over as nanoseconds.
                Some(u64::try_from(packet.timestamp.as_nanos()).unwrap_or(u64::MAX)),
                packet.original_len,
                packet.data,
            ),
            // The simple block has no timestamp and belongs to the first interface.
            Block::SimplePacket(packet) => (0, None, packet.original_len, packet.data),
            // The obsolete block: pcap-file reads its timestamp as one u64, but the file
            // writes the high half first whatever the byte order.
            Block::Packet(packet) => {
                let raw = match state.endianness {
                    Endianness::Big => packet.timestamp,
                    Endianness::Little => packet.timestamp.rotate_left(32),
                };
                let id = u32::from(packet.interface_id);
                (id, Some(raw), packet.original_len, packet.data)
            }
            _ => continue,
        };
        let Some(description) = state.interfaces.get(interface as usize) else {
            let reason = t!("wire.unreadable.interface", interface);
            return Some(Ok(Record::Skipped(reason)));
        };
        let link = match description.link {
            Ok(link) => link,
            Err(number) => return Some(Ok(Record::Skipped(unsupported(number)))),
        };
        if let Some(raw) = raw {
            state.last = pcapng_time(raw, description.resolution, description.offset);
        }
        return Some(Ok(Record::Frame(Frame {
            timestamp: state.last,
            link,
            data: data.into_owned(),
            original_len,
        })));
    }
}

impl Iterator for Capture {
    type Item = anyhow::Result<Record>;

    /// The next record; after an error, nothing (the reader cannot find its way past it).
    fn next(&mut self) -> Option<anyhow::Result<Record>> {
        if self.done {
            return None;
        }
        let record = match self.next_record() {
            None => None,
            Some(Ok(record)) => Some(Ok(record)),
            // pcap-file says "unexpected end of file" when a packet claims more bytes than
            // the file still has: the capture stopped while it wrote its last packet.
            Some(Err(PcapError::IoError(error)))
                if error.kind() == io::ErrorKind::UnexpectedEof =>
            {
                self.done = true;
                match self.too_long() {
                    Some(error) => Some(Err(error)),
                    None => Some(Ok(Record::Skipped(t!("wire.unreadable.ends-inside")))),
                }
            }
            Some(Err(error)) => {
                self.done = true;
                Some(self.damaged(error))
            }
        };
        if let Some(Ok(_)) = record {
            self.packets += 1;
        }
        record
    }
}

impl Capture {
    /// At an end of file inside a pcap record: the error when the record's length is more than
    /// the file's snaplen allows, a damaged length rather than a capture cut short.
    fn too_long(&self) -> Option<anyhow::Error> {
        let Reader::Pcap {
            unread,
            snaplen,
            endianness,
            ..
        } = &self.reader
        else {
            return None;
        };
        let unread = lock(unread);
        let field: Vec<u8> = unread.iter().skip(8).take(4).copied().collect();
        let field: [u8; 4] = field.try_into().ok()?;
        let claimed = match endianness {
            Endianness::Big => u32::from_be_bytes(field),
            Endianness::Little => u32::from_le_bytes(field),
        };
        if claimed <= *snaplen {
            return None;
        }
        let (name, packet, left) = (&self.name, self.packets + 1, unread.len());
        let error = anyhow!(t!(
            "wire.file.too-long",
            name,
            packet,
            claimed,
            snaplen,
            left
        ));
        Some(error.context(course::Hint(t!(
            "wire.file.damaged.hint",
            how = capitalized(&how_to_capture())
        ))))
    }

    fn damaged(&self, error: PcapError) -> anyhow::Result<Record> {
        let (name, packets, error) = (&self.name, self.packets, describe(&error));
        Err(anyhow!(t!("wire.file.damaged", name, packets, error))).hint(t!(
            "wire.file.damaged.hint",
            how = capitalized(&how_to_capture())
        ))
    }
}

fn pcap_reader(name: &str, reader: PcapReader<Input>, unread: Unread) -> anyhow::Result<Reader> {
    let header = reader.header();
    // The file header's 24 bytes are used.
    lock(&unread).drain(..24);
    let number = u32::from(header.datalink);
    let Some(link) = Link::from_number(number) else {
        return Err(anyhow!("{name}: {}", unsupported(number)))
            .hint(t!("wire.file.links.hint", links = link::supported()));
    };
    Ok(Reader::Pcap {
        reader,
        link,
        resolution: header.ts_resolution,
        unread,
        snaplen: header.snaplen,
        endianness: header.endianness,
    })
}

fn unsupported(number: u32) -> String {
    match DataLink::from(number) {
        DataLink::Unknown(_) => t!("wire.file.link-unknown", number),
        known => t!("wire.file.link-known", number, name = format!("{known:?}")),
    }
}

impl From<&InterfaceDescriptionBlock<'_>> for Interface {
    fn from(description: &InterfaceDescriptionBlock<'_>) -> Interface {
        let number = u32::from(description.linktype);
        let mut interface = Interface {
            link: Link::from_number(number).ok_or(number),
            resolution: 6,
            offset: 0,
        };
        for option in &description.options {
            match option {
                InterfaceDescriptionOption::IfTsResol(resolution) => {
                    interface.resolution = *resolution;
                }
                InterfaceDescriptionOption::IfTsOffset(offset) => interface.offset = *offset,
                _ => {}
            }
        }
        interface
    }
}

/// A pcapng timestamp: `raw` units of 10^-n s (or 2^-n s when the top bit of `resolution`
/// is set), plus `offset` seconds. Absurd values saturate rather than overflow.
pub fn pcapng_time(raw: u64, resolution: u8, offset: u64) -> Duration {
    let raw = u128::from(raw);
    let exponent = u32::from(resolution & 0x7f);
    let nanos = if resolution & 0x80 != 0 {
        // 2^-n seconds: raw * 10^9 fits in 94 bits, and a shift of up to 127 leaves 0.
        (raw * 1_000_000_000) >> exponent
    } else if exponent <= 9 {
        raw * 10u128.pow(9 - exponent)
    } else {
        10u128
            .checked_pow(exponent - 9)
            .map_or(0, |divisor| raw / divisor)
    };
    let seconds = u64::try_from(nanos / 1_000_000_000).unwrap_or(u64::MAX);
    let subsec = (nanos % 1_000_000_000) as u32;
    Duration::new(seconds.saturating_add(offset), subsec)
}

/// pcap-file's words for what it found wrong.
fn describe(error: &PcapError) -> String {
    match error {
        PcapError::IoError(error) if error.kind() == io::ErrorKind::UnexpectedEof => {
            t!("wire.file.ends-too-soon")
        }
        PcapError::InvalidField(field) => t!("wire.file.invalid-field", field),
        PcapError::IoError(error) => t!("wire.file.read-error", error),
        other => other.to_string(),
    }
}

fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// Reads until `buffer` is full or the input ends; returns how many bytes it got.
fn read_up_to(input: &mut impl Read, buffer: &mut [u8]) -> io::Result<usize> {
    let mut got = 0;
    while got < buffer.len() {
        match input.read(&mut buffer[got..]) {
            Ok(0) => break,
            Ok(n) => got += n,
            Err(error) if error.kind() == io::ErrorKind::Interrupted => {}
            Err(error) => return Err(error),
        }
    }
    Ok(got)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pcapng_timestamps_follow_the_interface_resolution() {
        assert_eq!(pcapng_time(1_500_000, 6, 0), Duration::from_millis(1500));
        assert_eq!(
            pcapng_time(1_500_000_000, 9, 0),
            Duration::from_millis(1500)
        );
        assert_eq!(pcapng_time(3, 0, 10), Duration::from_secs(13));
        assert_eq!(pcapng_time(1 << 20, 0x80 | 20, 0), Duration::from_secs(1));
        assert_eq!(pcapng_time(5, 12, 0), Duration::ZERO);
        assert_eq!(pcapng_time(u64::MAX, 127, 0), Duration::ZERO);
        assert_eq!(pcapng_time(u64::MAX, 0xff, 0), Duration::ZERO);
        assert_eq!(pcapng_time(u64::MAX, 0, u64::MAX).as_secs(), u64::MAX);
    }

    #[test]
    fn a_file_that_is_not_a_capture_gets_an_error_and_a_hint() {
        for bytes in [&b""[..], b"GET / HTTP/1.1\r\n", b"\xd4\xc3\xb2"] {
            let error = Capture::from_reader("x", io::Cursor::new(bytes.to_vec()))
                .err()
                .unwrap();
            let (message, hints) = course::describe(&error);
            // In the language of the test's run (its locale).
            let start = t!("wire.file.not-capture", name = "x", what = "");
            assert!(message.starts_with(&start), "{message}");
            assert_eq!(hints.len(), 1);
        }
    }
}
