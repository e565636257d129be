//! WRONG on purpose: the length in this machine's byte order (little-endian on x86 and ARM)
//! instead of network byte order. Its own reader understands it; nobody else's does.

use std::io::{self, Read, Write};

pub fn write_frame(writer: &mut impl Write, payload: &[u8]) -> io::Result<()> {
    let length = u16::try_from(payload.len())
        .map_err(|_| io::Error::new(io::ErrorKind::InvalidInput, "frame too long"))?;
    writer.write_all(&length.to_le_bytes())?;
    writer.write_all(payload)
}

pub fn read_frame(reader: &mut impl Read) -> io::Result<Option<Vec<u8>>> {
    let mut header = [0u8; 2];
    match reader.read_exact(&mut header) {
        Ok(()) => {}
        Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => return Ok(None),
        Err(e) => return Err(e),
    }
    let mut payload = vec![0u8; u16::from_le_bytes(header) as usize];
    reader.read_exact(&mut payload)?;
    Ok(Some(payload))
}
