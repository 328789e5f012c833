//! A minimal ZIP writer for the Pol.is CSV export: files are stored uncompressed, which every
//! unzip tool reads, and the four CSV files of an export are small enough not to need more.

/// The CRC-32 (IEEE 802.3) that ZIP stores for every file.
pub fn crc32(bytes: &[u8]) -> u32 {
    const fn table() -> [u32; 256] {
        let mut table = [0u32; 256];
        let mut index: u32 = 0;
        while index < 256 {
            let mut value = index;
            let mut bit = 0;
            while bit < 8 {
                value = if value & 1 == 1 {
                    0xEDB8_8320 ^ (value >> 1)
                } else {
                    value >> 1
                };
                bit += 1;
            }
            table[index as usize] = value;
            index += 1;
        }
        table
    }
    const TABLE: [u32; 256] = table();
    let mut crc = 0xFFFF_FFFFu32;
    for &byte in bytes {
        crc = TABLE[usize::from(crc.to_le_bytes()[0] ^ byte)] ^ (crc >> 8);
    }
    !crc
}

/// Why a ZIP archive could not be written.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ZipError {
    /// A file or the whole archive exceeds the 4 GiB the classic format can describe.
    #[error("the export is too large for a zip archive")]
    TooLarge,
}

fn u16_of(value: usize) -> Result<u16, ZipError> {
    u16::try_from(value).map_err(|_| ZipError::TooLarge)
}

fn u32_of(value: usize) -> Result<u32, ZipError> {
    u32::try_from(value).map_err(|_| ZipError::TooLarge)
}

/// Returns a ZIP archive holding the given (name, contents) files, stored without compression.
pub fn store(files: &[(&str, &[u8])]) -> Result<Vec<u8>, ZipError> {
    // DOS date 1980-01-01 00:00: exports are reproducible byte for byte.
    const DOS_TIME: u16 = 0;
    const DOS_DATE: u16 = (1 << 5) | 1;
    const UTF8_NAMES: u16 = 1 << 11;
    let mut archive = Vec::new();
    let mut directory = Vec::new();
    for (name, contents) in files {
        let offset = u32_of(archive.len())?;
        let crc = crc32(contents);
        let size = u32_of(contents.len())?;
        let name_length = u16_of(name.len())?;

        archive.extend_from_slice(&0x0403_4b50u32.to_le_bytes());
        archive.extend_from_slice(&20u16.to_le_bytes());
        archive.extend_from_slice(&UTF8_NAMES.to_le_bytes());
        archive.extend_from_slice(&0u16.to_le_bytes());
        archive.extend_from_slice(&DOS_TIME.to_le_bytes());
        archive.extend_from_slice(&DOS_DATE.to_le_bytes());
        archive.extend_from_slice(&crc.to_le_bytes());
        archive.extend_from_slice(&size.to_le_bytes());
        archive.extend_from_slice(&size.to_le_bytes());
        archive.extend_from_slice(&name_length.to_le_bytes());
        archive.extend_from_slice(&0u16.to_le_bytes());
        archive.extend_from_slice(name.as_bytes());
        archive.extend_from_slice(contents);

        directory.extend_from_slice(&0x0201_4b50u32.to_le_bytes());
        directory.extend_from_slice(&20u16.to_le_bytes());
        directory.extend_from_slice(&20u16.to_le_bytes());
        directory.extend_from_slice(&UTF8_NAMES.to_le_bytes());
        directory.extend_from_slice(&0u16.to_le_bytes());
        directory.extend_from_slice(&DOS_TIME.to_le_bytes());
        directory.extend_from_slice(&DOS_DATE.to_le_bytes());
        directory.extend_from_slice(&crc.to_le_bytes());
        directory.extend_from_slice(&size.to_le_bytes());
        directory.extend_from_slice(&size.to_le_bytes());
        directory.extend_from_slice(&name_length.to_le_bytes());
        directory.extend_from_slice(&0u16.to_le_bytes());
        directory.extend_from_slice(&0u16.to_le_bytes());
        directory.extend_from_slice(&0u16.to_le_bytes());
        directory.extend_from_slice(&0u16.to_le_bytes());
        directory.extend_from_slice(&0u32.to_le_bytes());
        directory.extend_from_slice(&offset.to_le_bytes());
        directory.extend_from_slice(name.as_bytes());
    }
    let directory_offset = u32_of(archive.len())?;
    let directory_size = u32_of(directory.len())?;
    let n_files = u16_of(files.len())?;
    archive.extend_from_slice(&directory);
    archive.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
    archive.extend_from_slice(&0u16.to_le_bytes());
    archive.extend_from_slice(&0u16.to_le_bytes());
    archive.extend_from_slice(&n_files.to_le_bytes());
    archive.extend_from_slice(&n_files.to_le_bytes());
    archive.extend_from_slice(&directory_size.to_le_bytes());
    archive.extend_from_slice(&directory_offset.to_le_bytes());
    archive.extend_from_slice(&0u16.to_le_bytes());
    Ok(archive)
}

/// Reads back the files of an archive written by [`store`]; returns `None` for anything else.
pub fn read_stored(archive: &[u8]) -> Option<Vec<(String, Vec<u8>)>> {
    fn u16_at(bytes: &[u8], at: usize) -> Option<usize> {
        Some(usize::from(u16::from_le_bytes(
            bytes.get(at..at + 2)?.try_into().ok()?,
        )))
    }
    fn u32_at(bytes: &[u8], at: usize) -> Option<u32> {
        Some(u32::from_le_bytes(bytes.get(at..at + 4)?.try_into().ok()?))
    }
    let mut files = Vec::new();
    let mut at = 0;
    while u32_at(archive, at)? == 0x0403_4b50 {
        let method = u16_at(archive, at + 8)?;
        let crc = u32_at(archive, at + 14)?;
        let size = usize::try_from(u32_at(archive, at + 18)?).ok()?;
        let name_length = u16_at(archive, at + 26)?;
        let extra_length = u16_at(archive, at + 28)?;
        let name_start = at + 30;
        let data_start = name_start + name_length + extra_length;
        let name =
            String::from_utf8(archive.get(name_start..name_start + name_length)?.to_vec()).ok()?;
        let contents = archive.get(data_start..data_start + size)?.to_vec();
        if method != 0 || crc32(&contents) != crc {
            return None;
        }
        files.push((name, contents));
        at = data_start + size;
    }
    Some(files)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc32_matches_the_standard_check_value() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(crc32(b""), 0);
    }

    #[test]
    fn an_archive_reads_back_with_its_names_and_contents() {
        let archive = store(&[("votes.csv", b"a,b\n1,2\n"), ("empty.csv", b"")]).unwrap();
        let files = read_stored(&archive).unwrap();
        assert_eq!(
            files,
            vec![
                ("votes.csv".to_owned(), b"a,b\n1,2\n".to_vec()),
                ("empty.csv".to_owned(), Vec::new()),
            ]
        );
        // The end-of-directory record closes the archive and counts both files.
        let end = &archive[archive.len() - 22..];
        assert_eq!(&end[..4], &0x0605_4b50u32.to_le_bytes());
        assert_eq!(u16::from_le_bytes([end[10], end[11]]), 2);
    }

    #[test]
    fn a_corrupted_archive_is_not_read() {
        let mut archive = store(&[("a.txt", b"hello")]).unwrap();
        let data_at = 30 + "a.txt".len();
        archive[data_at] ^= 0xFF;
        assert_eq!(read_stored(&archive), None);
    }
}
