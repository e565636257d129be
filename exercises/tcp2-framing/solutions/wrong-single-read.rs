//! WRONG on purpose: one `read` for the header and one for the payload, as if each returned
//! all the bytes asked for. Works on a quiet loopback, breaks as soon as a frame arrives in
//! pieces.

use std::io::{self, Read, Write};

pub fn write_frame(writer: &mut impl Write, payload: &[u8]) -> io::Result<()> {
    let length = u16::try_from(payload.len())
        .map_err(|_| io::Error::new(io::ErrorKind::InvalidInput, "frame too long"))?;
    writer.write_all(&length.to_be_bytes())?;
    writer.write_all(payload)
}

pub fn read_frame(reader: &mut impl Read) -> io::Result<Option<Vec<u8>>> {
    let mut header = [0u8; 2];
    if reader.read(&mut header)? == 0 {
        return Ok(None);
    }
    let mut payload = vec![0u8; u16::from_be_bytes(header) as usize];
    let received = reader.read(&mut payload)?;
    payload.truncate(received);
    Ok(Some(payload))
}
