//! Writing frames to a pcapng file, which Wireshark and tcpdump open.

use std::borrow::Cow;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;

use anyhow::Context;
use course::{HintExt, t};
use pcap_file::DataLink;
use pcap_file::pcapng::PcapNgWriter;
use pcap_file::pcapng::blocks::enhanced_packet::EnhancedPacketBlock;
use pcap_file::pcapng::blocks::interface_description::{
    InterfaceDescriptionBlock, InterfaceDescriptionOption,
};

use crate::capture::Frame;
use crate::link::Link;

/// The most bytes kept of one frame, as tcpdump's default `-s 262144`.
pub const SNAPLEN: u32 = 262_144;

/// A pcapng file being written: one interface, then its packets.
pub struct Save {
    name: String,
    writer: PcapNgWriter<BufWriter<File>>,
    link: Link,
}

impl Save {
    /// Creates the file and describes the one interface `interface`, of link type `link`.
    pub fn create(path: &Path, interface: &str, link: Link) -> anyhow::Result<Save> {
        let name = path.display().to_string();
        let file = File::create(path)
            .with_context(|| t!("wire.save.creating", name))
            .hint(t!("wire.save.creating.hint"))?;
        let mut writer = PcapNgWriter::new(BufWriter::new(file))
            .with_context(|| t!("wire.save.writing", name))?;
        let description = InterfaceDescriptionBlock {
            linktype: DataLink::from(link.number()),
            snaplen: SNAPLEN,
            options: vec![
                InterfaceDescriptionOption::IfName(Cow::Owned(interface.to_string())),
                // pcap-file writes timestamps in nanoseconds: say so (the default is micro).
                InterfaceDescriptionOption::IfTsResol(9),
            ],
        };
        writer
            .write_pcapng_block(description)
            .with_context(|| t!("wire.save.writing", name))?;
        Ok(Save { name, writer, link })
    }

    /// Appends one frame. Frames of another link type than the file's are refused.
    pub fn write(&mut self, frame: &Frame) -> anyhow::Result<()> {
        anyhow::ensure!(
            frame.link == self.link,
            t!(
                "wire.save.other-link",
                name = self.name,
                frame = frame.link.name(),
                file = self.link.name()
            )
        );
        let packet = EnhancedPacketBlock {
            interface_id: 0,
            timestamp: frame.timestamp,
            original_len: frame.original_len,
            data: Cow::Borrowed(&frame.data),
            options: vec![],
        };
        self.writer
            .write_pcapng_block(packet)
            .with_context(|| t!("wire.save.writing", name = self.name))?;
        Ok(())
    }

    /// Writes what is buffered to the disk.
    pub fn finish(mut self) -> anyhow::Result<()> {
        self.writer
            .get_mut()
            .flush()
            .with_context(|| t!("wire.save.writing", name = self.name))
    }
}
