//! Decoding a text file to UTF-8 as it streams, knowing where it is. A GBK
//! export with one damaged byte among 200,000 rows must say which line and
//! byte it is, and show the readable part of that line, or the seller cannot
//! find it; asked to, the bytes are replaced with U+FFFD instead and the rows
//! they fall in are named in the report (see `RowProblem::BytesReplaced`).

use encoding_rs::{Decoder, DecoderResult, Encoding};
use std::io::Read;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

/// Where the first bytes that are no text in the file's encoding are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Undecodable {
    /// The line they are on (the header is line 1).
    pub line: u64,
    /// Their offset from the start of the file, in bytes.
    pub byte: u64,
    /// The line's text up to them, and after them to the end of the line, as far as it decodes.
    pub before: String,
    pub after: String,
}

impl std::fmt::Display for Undecodable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "undecodable bytes on line {} at byte {}", self.line, self.byte)
    }
}

impl std::error::Error for Undecodable {}

/// How much of a line an error quotes on either side of the bad bytes.
const QUOTE_CHARS: usize = 60;
const CHUNK: usize = 64 << 10;

/// A reader of UTF-8 text over a reader of bytes in `encoding`.
pub struct Decoding<R> {
    inner: R,
    decoder: Decoder,
    /// Raw bytes read and not decoded yet: `raw[raw_pos..raw_end]`.
    raw: Vec<u8>,
    raw_pos: usize,
    raw_end: usize,
    eof: bool,
    /// The decoder has seen the end of the input and flushed: it must not be called again.
    finished: bool,
    /// Decoded text not handed out yet: `out[out_pos..out_end]`.
    out: Vec<u8>,
    out_pos: usize,
    out_end: usize,
    /// Raw bytes the decoder has consumed before `raw[raw_pos]`.
    consumed: u64,
    /// Line breaks decoded so far, and the decoded text since the last one (up to a quote's length).
    newlines: u64,
    line_tail: String,
    /// Replace undecodable bytes with U+FFFD (counting them) instead of failing.
    replace: bool,
    replaced: Arc<AtomicU64>,
    /// The failure to report once the text before it has been handed out.
    failed: Option<Undecodable>,
}

impl<R: Read> Decoding<R> {
    /// `replaced` counts the replacements made when `replace` is set.
    pub fn new(inner: R, encoding: &'static Encoding, replace: bool, replaced: Arc<AtomicU64>) -> Self {
        Decoding {
            inner,
            decoder: encoding.new_decoder_with_bom_removal(),
            raw: vec![0; CHUNK],
            raw_pos: 0,
            raw_end: 0,
            eof: false,
            finished: false,
            out: vec![0; CHUNK * 3 + 16],
            out_pos: 0,
            out_end: 0,
            consumed: 0,
            newlines: 0,
            line_tail: String::new(),
            replace,
            replaced,
            failed: None,
        }
    }

    /// What follows bad bytes on their line, as far as the bytes at hand decode.
    fn rest_of_line(&self, from: usize) -> String {
        let rest = &self.raw[from.min(self.raw_end)..self.raw_end];
        let (text, _) = self.decoder.encoding().decode_without_bom_handling(rest);
        let line = text.lines().next().unwrap_or("");
        // The bytes at hand may end in the middle of a character: that is no damage to quote.
        let line = if self.eof { line } else { line.trim_end_matches('\u{FFFD}') };
        line.chars().take(QUOTE_CHARS).collect()
    }

    /// Decodes the next stretch of raw bytes into `out`; `false` at the end of the text.
    fn fill(&mut self) -> std::io::Result<bool> {
        loop {
            if self.finished {
                return Ok(false);
            }
            if self.raw_pos == self.raw_end && !self.eof {
                self.raw_pos = 0;
                self.raw_end = self.inner.read(&mut self.raw)?;
                self.eof = self.raw_end == 0;
            }
            let src = &self.raw[self.raw_pos..self.raw_end];
            let (result, read, written) = self.decoder.decode_to_utf8_without_replacement(src, &mut self.out, self.eof);
            let start = self.raw_pos;
            self.finished = self.eof && matches!(result, DecoderResult::InputEmpty);
            self.raw_pos += read;
            self.consumed += read as u64;
            self.out_pos = 0;
            self.out_end = written;
            track(&mut self.newlines, &mut self.line_tail, &self.out[..written]);
            if let DecoderResult::Malformed(bad, extra) = result {
                let bad_end = start + read - usize::from(extra);
                if self.replace {
                    self.replaced.fetch_add(1, Ordering::Relaxed);
                    let fffd = "\u{FFFD}".as_bytes();
                    self.out[self.out_end..self.out_end + fffd.len()].copy_from_slice(fffd);
                    self.out_end += fffd.len();
                    push_capped(&mut self.line_tail, fffd);
                } else {
                    let byte = self.consumed - u64::from(extra) - u64::from(bad);
                    let before = self.line_tail.chars().rev().take(QUOTE_CHARS).collect::<Vec<_>>();
                    self.failed = Some(Undecodable {
                        line: self.newlines + 1,
                        byte,
                        before: before.into_iter().rev().collect(),
                        after: self.rest_of_line(bad_end),
                    });
                }
            }
            if self.out_end > 0 {
                return Ok(true);
            }
            if self.failed.is_some() || self.finished {
                return Ok(false);
            }
        }
    }
}

/// Notes the line breaks and the last line's text of freshly decoded text.
fn track(newlines: &mut u64, line_tail: &mut String, text: &[u8]) {
    match memchr::memrchr(b'\n', text) {
        Some(last) => {
            *newlines += memchr::memchr_iter(b'\n', text).count() as u64;
            line_tail.clear();
            push_capped(line_tail, &text[last + 1..]);
        }
        None => push_capped(line_tail, text),
    }
}

fn push_capped(tail: &mut String, text: &[u8]) {
    // The tail only quotes the end of a line: keep it from growing on a line with no end.
    if tail.len() > QUOTE_CHARS * 8 {
        let cut = tail.char_indices().rev().nth(QUOTE_CHARS).map_or(0, |(i, _)| i);
        tail.drain(..cut);
    }
    tail.push_str(&String::from_utf8_lossy(text));
}

impl<R: Read> Read for Decoding<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.out_pos == self.out_end {
            if let Some(e) = self.failed.take() {
                return Err(std::io::Error::other(e));
            }
            if !self.fill()? {
                return match self.failed.take() {
                    Some(e) => Err(std::io::Error::other(e)),
                    None => Ok(0),
                };
            }
        }
        let n = buf.len().min(self.out_end - self.out_pos);
        buf[..n].copy_from_slice(&self.out[self.out_pos..self.out_pos + n]);
        self.out_pos += n;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use encoding_rs::{GB18030, UTF_8};

    fn decode(bytes: &[u8], encoding: &'static Encoding, replace: bool) -> (Result<String, Undecodable>, u64) {
        decode_in(bytes, encoding, replace, 7)
    }

    /// Decodes `bytes` handed out `chunk` bytes at a time: characters and lines straddle the chunks.
    fn decode_in(
        bytes: &[u8],
        encoding: &'static Encoding,
        replace: bool,
        chunk: usize,
    ) -> (Result<String, Undecodable>, u64) {
        let count = Arc::new(AtomicU64::new(0));
        struct Trickle<'a>(&'a [u8], usize);
        impl Read for Trickle<'_> {
            fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
                let n = self.0.len().min(buf.len()).min(self.1);
                buf[..n].copy_from_slice(&self.0[..n]);
                self.0 = &self.0[n..];
                Ok(n)
            }
        }
        let mut text = String::new();
        let result = Decoding::new(Trickle(bytes, chunk), encoding, replace, count.clone()).read_to_string(&mut text);
        let result = match result {
            Ok(_) => Ok(text),
            Err(e) => {
                Err(e.into_inner().and_then(|e| e.downcast::<Undecodable>().ok()).map(|e| *e).expect("undecodable"))
            }
        };
        (result, count.load(Ordering::Relaxed))
    }

    fn gbk(text: &str) -> Vec<u8> {
        GB18030.encode(text).0.into_owned()
    }

    #[test]
    fn a_damaged_byte_is_named_by_line_and_offset_with_its_line_quoted() {
        let mut bytes = gbk("订单编号,买家\n1,小鱼\n2,");
        let at = bytes.len();
        bytes.extend([0x81, 0x20]); // a lead byte followed by a space: no GB18030 character
        bytes.extend(gbk("阿花\n3,老王\n"));
        let (result, _) = decode_in(&bytes, GB18030, false, 1 << 16);
        let e = result.unwrap_err();
        assert_eq!((e.line, e.byte), (3, at as u64));
        assert_eq!((e.before.as_str(), e.after.as_str()), ("2,", " 阿花"));
        // Read a few bytes at a time, the place is the same and the quote what had arrived.
        let e = decode(&bytes, GB18030, false).0.unwrap_err();
        assert_eq!((e.line, e.byte, e.before.as_str()), (3, at as u64, "2,"));
        assert!(" 阿花".starts_with(&e.after), "{:?}", e.after);
    }

    #[test]
    fn replacing_keeps_every_line_and_counts_the_replacements() {
        let mut bytes = gbk("a,b\n1,");
        bytes.push(0xFF);
        bytes.extend(gbk("小鱼\n"));
        let (result, replaced) = decode(&bytes, GB18030, true);
        assert_eq!(result.unwrap(), "a,b\n1,\u{FFFD}小鱼\n");
        assert_eq!(replaced, 1);
    }

    #[test]
    fn good_text_passes_through_whole_and_a_bom_is_dropped() {
        let text = "订单编号,买家\n".repeat(20_000);
        let (result, replaced) = decode(&gbk(&text), GB18030, false);
        assert_eq!((result.unwrap(), replaced), (text.clone(), 0));
        let with_bom = [&[0xEF, 0xBB, 0xBF][..], text.as_bytes()].concat();
        assert_eq!(decode(&with_bom, UTF_8, false).0.unwrap(), text);
        // A broken UTF-8 sequence is named like a GBK one.
        let (result, _) = decode(b"a,b\n1,\xE4\xB8\n2,c\n", UTF_8, false);
        assert_eq!(result.unwrap_err().line, 2);
    }
}
