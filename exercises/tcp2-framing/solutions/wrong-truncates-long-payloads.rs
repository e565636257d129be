//! WRONG on purpose: `payload.len() as u16` silently cuts the length of a long payload
//! (70,000 becomes 4,464): the reader then takes the rest of the payload for the next frames.

use std::io::{self, Read, Write};

pub fn write_frame(writer: &mut impl Write, payload: &[u8]) -> io::Result<()> {
    writer.write_all(&(payload.len() as u16).to_be_bytes())?;
    writer.write_all(payload)
}

pub fn read_frame(reader: &mut impl Read) -> io::Result<Option<Vec<u8>>> {
    let mut header = [0u8; 2];
    let mut filled = 0;
    while filled < 2 {
        match reader.read(&mut header[filled..])? {
            0 if filled == 0 => return Ok(None),
            0 => return Err(io::ErrorKind::UnexpectedEof.into()),
            received => filled += received,
        }
    }
    let mut payload = vec![0u8; u16::from_be_bytes(header) as usize];
    reader.read_exact(&mut payload)?;
    Ok(Some(payload))
}
