//! The binary container for shared files: a count, then each file's name and bytes, length-prefixed.

use super::error::ShareError;

/// One file carried by a link or snapshot.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SharedFile {
    /// File name as the user dropped it.
    pub name: String,
    /// Its bytes, unchanged.
    pub bytes: Vec<u8>,
}

/// Most files one link may carry.
const MAX_FILES: usize = 64;
/// Longest file name accepted.
const MAX_NAME: usize = 255;

/// Writes files as `u32 count` then, per file, `u32 name length, name, u32 byte length, bytes` (little-endian).
pub fn pack(files: &[SharedFile]) -> Vec<u8> {
    let mut out = Vec::with_capacity(4 + files.iter().map(|f| 8 + f.name.len() + f.bytes.len()).sum::<usize>());
    out.extend_from_slice(&(files.len() as u32).to_le_bytes());
    for file in files {
        out.extend_from_slice(&(file.name.len() as u32).to_le_bytes());
        out.extend_from_slice(file.name.as_bytes());
        out.extend_from_slice(&(file.bytes.len() as u32).to_le_bytes());
        out.extend_from_slice(&file.bytes);
    }
    out
}

/// Reads what `pack` wrote, checking every length against what is left.
pub fn unpack(bytes: &[u8]) -> Result<Vec<SharedFile>, ShareError> {
    let mut reader = Reader { bytes, at: 0 };
    let count = reader.length()?;
    if count > MAX_FILES {
        return Err(ShareError::Corrupt(format!("{count} files is more than a link may carry ({MAX_FILES})")));
    }
    let mut files = Vec::with_capacity(count);
    for _ in 0..count {
        let name_length = reader.length()?;
        if name_length > MAX_NAME {
            return Err(ShareError::Corrupt("a file name is too long".into()));
        }
        let name = String::from_utf8(reader.take(name_length)?.to_vec()).map_err(|_| ShareError::Corrupt("a file name is not text".into()))?;
        let length = reader.length()?;
        let bytes = reader.take(length)?.to_vec();
        files.push(SharedFile { name, bytes });
    }
    if reader.at != bytes.len() {
        return Err(ShareError::Corrupt("extra bytes after the last file".into()));
    }
    Ok(files)
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], ShareError> {
        let end = self.at.checked_add(n).filter(|end| *end <= self.bytes.len());
        let end = end.ok_or_else(|| ShareError::Corrupt("the data ends too early".into()))?;
        let slice = &self.bytes[self.at..end];
        self.at = end;
        Ok(slice)
    }

    fn length(&mut self) -> Result<usize, ShareError> {
        let raw = self.take(4)?;
        Ok(u32::from_le_bytes([raw[0], raw[1], raw[2], raw[3]]) as usize)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_truncation() {
        let files = vec![SharedFile { name: "a.csv".into(), bytes: b"x,y\n1,2\n".to_vec() }, SharedFile { name: "é.csv".into(), bytes: vec![] }];
        let packed = pack(&files);
        assert_eq!(unpack(&packed).unwrap(), files);
        for cut in 0..packed.len() {
            assert!(unpack(&packed[..cut]).is_err(), "truncated at {cut}");
        }
        let mut huge = packed.clone();
        huge[4..8].copy_from_slice(&u32::MAX.to_le_bytes());
        assert!(unpack(&huge).is_err());
    }
}
