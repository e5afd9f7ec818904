//! The sector chains of an OLE2 compound file (an .xls), checked before calamine reads
//! it. calamine follows a chain until its end marker, so a chain that loops back on
//! itself (a damaged or crafted file) grows without bound until memory runs out, and
//! a sector number past the allocation table panics. Every chain calamine follows —
//! the directory, the mini allocation table, the mini stream, each entry's stream — must
//! stay inside the file and end (or cover its length) within as many steps as the table
//! has sectors; otherwise the workbook is refused as damaged. The workbook stream it
//! finds this way is then checked by [`super::biff`]. Found by `make fuzz`.

const END_OF_CHAIN: u32 = 0xFFFF_FFFE;
const FIRST_SPECIAL: u32 = 0xFFFF_FFFA;
const MINI_SECTOR: usize = 64;
/// Streams shorter than this live in the mini stream.
const MINI_CUTOFF: usize = 4096;

fn u32_at(b: &[u8], at: usize) -> u32 {
    u32::from_le_bytes([b[at], b[at + 1], b[at + 2], b[at + 3]])
}

struct File<'a> {
    bytes: &'a [u8],
    size: usize,
    /// Whole sectors after the header.
    sectors: usize,
}

impl File<'_> {
    fn sector(&self, id: u32) -> Result<&[u8], String> {
        let id = id as usize;
        if id >= self.sectors {
            return Err(format!("sector {id} is past the end of the file"));
        }
        let at = self.size * (id + 1);
        Ok(&self.bytes[at..at + self.size])
    }

    fn u32s(&self, id: u32) -> Result<impl Iterator<Item = u32> + '_, String> {
        Ok(self.sector(id)?.chunks_exact(4).map(|c| u32_at(c, 0)))
    }
}

/// Walks the chain from `start` through `table` the way calamine reads it: until the end
/// marker or until `len` bytes are covered, `unit` bytes a step. Every id must be below
/// `ids`; more steps than the table has entries means the chain loops.
fn walk(start: u32, table: &[u32], ids: usize, len: usize, unit: usize, what: &str) -> Result<usize, String> {
    let (mut id, mut bytes) = (start, 0usize);
    for _ in 0..=table.len() {
        if id == END_OF_CHAIN {
            return Ok(bytes);
        }
        if id as usize >= ids.min(table.len()) {
            return Err(format!("the {what} chain points to sector {id}, which does not exist"));
        }
        bytes += unit;
        if bytes >= len {
            return Ok(len);
        }
        id = table[id as usize];
    }
    Err(format!("the {what} chain loops"))
}

/// `Err(detail)` when a chain calamine would follow loops or leaves the file; else the
/// workbook stream (`Workbook`, or `Book` in older files), when the file has one.
pub(super) fn check(bytes: &[u8]) -> Result<Option<Vec<u8>>, String> {
    if bytes.len() < 512 {
        return Err("the compound file's header is cut short".into());
    }
    let size = match u16::from_le_bytes([bytes[30], bytes[31]]) {
        9 => 512,
        12 => 4096,
        // calamine refuses the file itself, with its reason.
        _ => return Ok(None),
    };
    let file = File { bytes, size, sectors: (bytes.len() / size).saturating_sub(1) };
    // The allocation table's sectors: 109 in the header, the rest in a chain of DIFAT sectors.
    let mut difat: Vec<u32> = bytes[76..512].chunks_exact(4).map(|c| u32_at(c, 0)).collect();
    let mut next = u32_at(bytes, 68);
    for _ in 0..=file.sectors {
        if next >= FIRST_SPECIAL {
            break;
        }
        difat.extend(file.u32s(next)?);
        next = difat.pop().unwrap_or(END_OF_CHAIN);
    }
    if next < FIRST_SPECIAL {
        return Err("the DIFAT chain loops".into());
    }
    let mut fat = Vec::new();
    for id in difat.into_iter().filter(|id| *id < 0xFFFF_FFFC) {
        fat.extend(file.u32s(id)?);
    }
    let regular = |start, len, what: &str| -> Result<Vec<u8>, String> {
        let covered = walk(start, &fat, file.sectors, len, size, what)?;
        let mut out = Vec::with_capacity(covered);
        let mut id = start;
        while out.len() < covered {
            out.extend_from_slice(file.sector(id)?);
            id = fat[id as usize];
        }
        out.truncate(covered);
        Ok(out)
    };
    let dirs = regular(u32_at(bytes, 48), usize::MAX, "directory")?;
    let entries: Vec<(String, u32, usize)> = dirs
        .chunks_exact(128)
        .map(|d| {
            let units = d[..64].chunks_exact(2).map(|c| u16::from_le_bytes([c[0], c[1]]));
            let name: String = char::decode_utf16(units).map_while(|c| c.ok().filter(|c| *c != '\0')).collect();
            let len = if size == 512 {
                u64::from(u32_at(d, 120))
            } else {
                u64::from_le_bytes(d[120..128].try_into().unwrap_or_default())
            };
            (name, u32_at(d, 116), usize::try_from(len).unwrap_or(usize::MAX))
        })
        .collect();
    let Some((_, root_start, root_len)) = entries.first().cloned() else { return Ok(None) };
    let mini_fat_len = u32_at(bytes, 64) as usize;
    let (mini_fat, mini_stream): (Vec<u32>, Vec<u8>) = if mini_fat_len > 0 {
        let stream = regular(root_start, root_len, "mini stream")?;
        let table = regular(u32_at(bytes, 60), mini_fat_len.saturating_mul(size), "mini allocation table")?;
        (table.chunks_exact(4).map(|c| u32_at(c, 0)).collect(), stream)
    } else {
        (Vec::new(), Vec::new())
    };
    let mini_ids = mini_stream.len() / MINI_SECTOR;
    for (_, start, len) in &entries[1..] {
        if *len >= MINI_CUTOFF {
            walk(*start, &fat, file.sectors, *len, size, "stream")?;
        } else if *len > 0 {
            walk(*start, &mini_fat, mini_ids, *len, MINI_SECTOR, "mini stream")?;
        }
    }
    // calamine reads the first entry of either name, in any case.
    let named = |n: &str| entries.iter().find(|e| e.0.eq_ignore_ascii_case(n));
    let Some((_, start, len)) = named("Workbook").or_else(|| named("Book")).cloned() else { return Ok(None) };
    if len >= MINI_CUTOFF {
        return regular(start, len, "stream").map(Some);
    }
    let covered = walk(start, &mini_fat, mini_ids, len, MINI_SECTOR, "mini stream")?;
    let (mut out, mut id) = (Vec::with_capacity(covered), start);
    while out.len() < covered {
        out.extend_from_slice(&mini_stream[id as usize * MINI_SECTOR..][..MINI_SECTOR]);
        id = mini_fat[id as usize];
    }
    out.truncate(covered);
    Ok(Some(out))
}
