//! Bytes to text and back: UTF-8 (with or without a byte order mark),
//! UTF-16 with a byte order mark, and legacy code pages guessed by
//! `chardetng` for files that are not UTF-8.
//!
//! The decoded text keeps a leading byte order mark as U+FEFF, so that
//! [`encode`] gives back the file's own bytes: a fixer edits the text and
//! writes it in the encoding it was read in, or transcodes it to UTF-8.
//!
//! ```
//! use mtlint::read::decode::{decode, encode, Encoding};
//! // "سلام" in Windows-1256.
//! let bytes = [0xD3, 0xE1, 0xC7, 0xE3];
//! let d = decode(&bytes).unwrap();
//! assert_eq!(d.text, "سلام");
//! assert_eq!(d.encoding.name(), "windows-1256");
//! assert_eq!(d.first_invalid.as_ref().map(|i| i.offset), Some(0));
//! assert_eq!(encode(&d.text, d.encoding).unwrap(), bytes);
//! assert_eq!(encode(&d.text, Encoding::Utf8).unwrap(), "سلام".as_bytes());
//! ```

use std::fmt;

/// How far into a file to look for a NUL byte before calling it binary
/// (the same heuristic as git and ripgrep).
pub const BINARY_PROBE: usize = 8 * 1024;

pub use crate::text::encoding::{Encoding, Invalid};

/// A file's bytes read as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text. A byte order mark is kept as a leading U+FEFF.
    pub text: String,
    /// The encoding it was read in.
    pub encoding: Encoding,
    /// Where the bytes stopped being valid UTF-8 (or UTF-16), when they did.
    pub first_invalid: Option<Invalid>,
    /// Whether decoding put U+FFFD for bytes it could not map, so that
    /// [`encode`] cannot give the original bytes back.
    pub lossy: bool,
}

/// Why bytes are not decoded at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotText {
    /// A NUL byte in the first [`BINARY_PROBE`] bytes, at this offset.
    Binary {
        /// Offset of the first NUL byte.
        offset: usize,
    },
}

/// Decodes a file's bytes.
///
/// - A UTF-16 byte order mark: UTF-16 of that endianness; malformed units
///   (a lone surrogate, an odd last byte) become U+FFFD and set
///   [`Decoded::first_invalid`].
/// - A NUL byte in the first 8 KiB: [`NotText::Binary`].
/// - Valid UTF-8 (a leading byte order mark kept): as is.
/// - Otherwise [`Decoded::first_invalid`] names the first bad sequence,
///   and the bytes are read as damaged UTF-8 (bad bytes become U+FFFD) when
///   they hold more valid multi-byte UTF-8 sequences than bad ones, else in
///   the legacy code page that [`detect_legacy`] finds most likely.
///
/// Never panics, whatever the bytes.
pub fn decode(bytes: &[u8]) -> Result<Decoded, NotText> {
    decode_maybe_owned(bytes, None)
}

/// [`decode`] taking the bytes: valid UTF-8 becomes the text without a
/// copy, so that a large file is not held twice.
pub fn decode_owned(bytes: Vec<u8>) -> Result<Decoded, NotText> {
    decode_maybe_owned(&[], Some(bytes))
}

/// [`decode`] of `owned` when given (then `borrowed` is empty), else of
/// `borrowed`.
fn decode_maybe_owned(borrowed: &[u8], owned: Option<Vec<u8>>) -> Result<Decoded, NotText> {
    let bytes = owned.as_deref().unwrap_or(borrowed);
    // UTF-16 first: its NUL bytes would otherwise call it binary.
    match bytes.get(..2) {
        Some([0xFF, 0xFE]) => return Ok(decode_utf16(bytes, false)),
        Some([0xFE, 0xFF]) => return Ok(decode_utf16(bytes, true)),
        _ => {}
    }
    let probe = &bytes[..bytes.len().min(BINARY_PROBE)];
    if let Some(offset) = probe.iter().position(|&b| b == 0) {
        return Err(NotText::Binary { offset });
    }
    let err = match std::str::from_utf8(bytes) {
        Ok(_) => {
            // Valid UTF-8: the owned bytes become the text as they are.
            let text = match owned {
                Some(v) => String::from_utf8(v)
                    .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()),
                None => String::from_utf8_lossy(borrowed).into_owned(),
            };
            return Ok(Decoded {
                text,
                encoding: Encoding::Utf8,
                first_invalid: None,
                lossy: false,
            });
        }
        Err(e) => e,
    };
    let offset = err.valid_up_to();
    let len = err.error_len().unwrap_or(bytes.len() - offset).min(4);
    let bad = bytes[offset..offset + len].to_vec();
    let (valid, invalid) = utf8_census(bytes);
    if valid > invalid {
        // UTF-8 with a few damaged bytes: a code page would garble all of
        // its good characters to save a few bad ones.
        return Ok(Decoded {
            text: String::from_utf8_lossy(bytes).into_owned(),
            encoding: Encoding::Utf8,
            // The valid prefix decodes to itself.
            first_invalid: Some(Invalid {
                offset,
                bytes: bad,
                text_offset: offset,
            }),
            lossy: true,
        });
    }
    let enc = detect_legacy(bytes);
    let (text, lossy) = enc.decode_without_bom_handling(bytes);
    let text = text.into_owned();
    // Some code pages read more than they write (Big5's Hong Kong
    // extension, `87 40` → `䏰`): such text cannot be given back either.
    let lossy = lossy || !encode(&text, Encoding::from_encoding_rs(enc)).is_ok_and(|b| b == bytes);
    let prefix = enc.decode_without_bom_handling(&bytes[..offset]).0.len();
    let text_offset = crate::text::lines::floor_char_boundary(&text, prefix.min(text.len()));
    Ok(Decoded {
        text,
        encoding: Encoding::from_encoding_rs(enc),
        first_invalid: Some(Invalid {
            offset,
            bytes: bad,
            text_offset,
        }),
        lossy,
    })
}

/// Counts the valid multi-byte UTF-8 sequences and the invalid ones.
fn utf8_census(mut bytes: &[u8]) -> (usize, usize) {
    let (mut valid, mut invalid) = (0, 0);
    loop {
        match std::str::from_utf8(bytes) {
            Ok(s) => {
                valid += s.chars().filter(|c| !c.is_ascii()).count();
                return (valid, invalid);
            }
            Err(e) => {
                let (good, rest) = bytes.split_at(e.valid_up_to());
                // `good` is valid UTF-8 by construction.
                valid += std::str::from_utf8(good)
                    .map_or(0, |s| s.chars().filter(|c| !c.is_ascii()).count());
                invalid += 1;
                let skip = e.error_len().unwrap_or(rest.len()).max(1);
                bytes = &rest[skip.min(rest.len())..];
            }
        }
    }
}

/// The most likely legacy code page of bytes that are not UTF-8.
///
/// `chardetng` (the detector of Firefox, no top-level domain hint) guesses
/// first. On short texts it sometimes takes Arabic in Windows-1256 for a
/// CJK encoding, Russian in Windows-1251 for a Latin code page, or French
/// with `«` in Windows-1252 for ISO-8859-2 (`Ť`). So the guess is weighed
/// against Windows-1256, -1251 and -1252 by words: the share of the
/// decoded words with non-ASCII letters that a lexicon knows. Another of
/// the three wins only when it decodes without error, gives at least one
/// known word, and beats the guess's share by [`TIE_BREAK_MARGIN`]
/// (measured in `examples/encodings.rs`).
pub fn detect_legacy(bytes: &[u8]) -> &'static encoding_rs::Encoding {
    let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    det.feed(bytes, true);
    let guess = det.guess(None, chardetng::Utf8Detection::Deny);
    // Long texts are guessed well; the words of the first 64 KiB decide.
    let sample = &bytes[..bytes.len().min(64 * 1024)];
    let base = word_share(sample, guess).unwrap_or(0.0);
    let mut best = (guess, base + TIE_BREAK_MARGIN);
    for alt in [
        encoding_rs::WINDOWS_1256,
        encoding_rs::WINDOWS_1251,
        encoding_rs::WINDOWS_1252,
    ] {
        if alt == guess {
            continue;
        }
        if let Some(share) = word_share(sample, alt) {
            if share > best.1 {
                best = (alt, share);
            }
        }
    }
    best.0
}

/// How much better another code page's words must be than the guess's.
pub const TIE_BREAK_MARGIN: f64 = 0.2;

/// The share of the words with a non-ASCII letter, in `bytes` decoded with
/// `enc`, that one of the lexicons knows; `None` when the bytes do not
/// decode cleanly or no such word is known.
fn word_share(bytes: &[u8], enc: &'static encoding_rs::Encoding) -> Option<f64> {
    let (text, errors) = enc.decode_without_bom_handling(bytes);
    if errors {
        return None;
    }
    let lexicons: Vec<_> = crate::language::lexicon::languages()
        .filter_map(crate::language::lexicon::lexicon)
        .collect();
    let (mut known, mut words) = (0usize, 0usize);
    for word in text.split(|c: char| !c.is_alphabetic()) {
        if word.is_ascii() {
            continue;
        }
        words += 1;
        if lexicons.iter().any(|l| l.zipf10(word).is_some()) {
            known += 1;
        }
        if words == 2000 {
            break;
        }
    }
    (known > 0).then(|| known as f64 / words as f64)
}

/// Decodes UTF-16 with a byte order mark (kept as U+FEFF).
fn decode_utf16(bytes: &[u8], big_endian: bool) -> Decoded {
    let (enc, encoding) = if big_endian {
        (encoding_rs::UTF_16BE, Encoding::Utf16Be)
    } else {
        (encoding_rs::UTF_16LE, Encoding::Utf16Le)
    };
    let (text, lossy) = enc.decode_without_bom_handling(bytes);
    let text = text.into_owned();
    let first_invalid = if lossy {
        first_bad_utf16(bytes, big_endian)
    } else {
        None
    };
    Decoded {
        text,
        encoding,
        first_invalid,
        lossy,
    }
}

/// The first malformed code unit of UTF-16 bytes, with its place in the
/// decoded text (where every malformed unit became one U+FFFD).
fn first_bad_utf16(bytes: &[u8], big_endian: bool) -> Option<Invalid> {
    let unit = |i: usize| {
        let pair = [bytes[i], bytes[i + 1]];
        if big_endian {
            u16::from_be_bytes(pair)
        } else {
            u16::from_le_bytes(pair)
        }
    };
    let mut i = 0;
    let mut text_offset = 0;
    while i + 1 < bytes.len() {
        let u = unit(i);
        let (ok, width, utf8_len) = match u {
            0xD800..=0xDBFF => {
                let low = (i + 3 < bytes.len()).then(|| unit(i + 2));
                match low {
                    Some(0xDC00..=0xDFFF) => (true, 4, 4),
                    _ => (false, 2, 3),
                }
            }
            0xDC00..=0xDFFF => (false, 2, 3),
            _ => (
                true,
                2,
                char::from_u32(u32::from(u)).map_or(3, char::len_utf8),
            ),
        };
        if !ok {
            return Some(Invalid {
                offset: i,
                bytes: bytes[i..i + 2].to_vec(),
                text_offset,
            });
        }
        i += width;
        text_offset += utf8_len;
    }
    (i < bytes.len()).then(|| Invalid {
        offset: i,
        bytes: bytes[i..].to_vec(),
        text_offset,
    })
}

/// A character that the target encoding cannot write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unencodable {
    /// Byte offset of the character in the text.
    pub offset: usize,
    /// The character.
    pub character: char,
    /// The encoding's name.
    pub encoding: &'static str,
}

impl fmt::Display for Unencodable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "U+{:04X} at byte {} cannot be written in {}",
            u32::from(self.character),
            self.offset,
            self.encoding
        )
    }
}

impl std::error::Error for Unencodable {}

/// Encodes text in `encoding`: the inverse of [`decode`] for a text that
/// was decoded without loss. A leading U+FEFF is written as that
/// encoding's byte order mark. Fails on the first character a legacy code
/// page cannot write (never writes a replacement or an HTML escape).
pub fn encode(text: &str, encoding: Encoding) -> Result<Vec<u8>, Unencodable> {
    match encoding {
        Encoding::Utf8 => Ok(text.as_bytes().to_vec()),
        Encoding::Utf16Le => Ok(text.encode_utf16().flat_map(u16::to_le_bytes).collect()),
        Encoding::Utf16Be => Ok(text.encode_utf16().flat_map(u16::to_be_bytes).collect()),
        Encoding::Legacy(enc) => {
            let unencodable = |offset: usize, character: char| Unencodable {
                offset,
                character,
                encoding: enc.name(),
            };
            if enc.output_encoding() != enc {
                // replacement, UTF-16 or x-user-defined: encoding_rs would
                // write UTF-8 instead.
                return match text.char_indices().find(|(_, c)| !c.is_ascii()) {
                    Some((i, c)) => Err(unencodable(i, c)),
                    None => Ok(text.as_bytes().to_vec()),
                };
            }
            let mut encoder = enc.new_encoder();
            let mut out = Vec::with_capacity(text.len());
            let mut buf = [0u8; 1024];
            let mut rest = text;
            let mut done = 0;
            loop {
                let (result, read, written) =
                    encoder.encode_from_utf8_without_replacement(rest, &mut buf, true);
                out.extend_from_slice(&buf[..written]);
                done += read;
                rest = &rest[read..];
                match result {
                    encoding_rs::EncoderResult::InputEmpty => return Ok(out),
                    encoding_rs::EncoderResult::OutputFull => {}
                    encoding_rs::EncoderResult::Unmappable(c) => {
                        return Err(unencodable(done - c.len_utf8(), c));
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn owned_bytes_decode_as_borrowed_ones() {
        let cases: Vec<Vec<u8>> = vec![
            b"plain ascii\n".to_vec(),
            "قال الوزير".as_bytes().to_vec(),
            b"\xEF\xBB\xBFbom".to_vec(),
            b"caf\xE9 cr\xE8me".to_vec(),
            b"\xFF\xFEa\x00b\x00".to_vec(),
            b"bin\x00ary".to_vec(),
            Vec::new(),
        ];
        for bytes in cases {
            assert_eq!(decode_owned(bytes.clone()), decode(&bytes), "{bytes:?}");
        }
    }

    fn legacy(name: &str) -> Encoding {
        Encoding::from_label(name).unwrap()
    }

    fn in_code_page(text: &str, name: &str) -> Vec<u8> {
        encode(text, legacy(name)).unwrap()
    }

    #[test]
    fn utf8_with_and_without_bom_round_trips() {
        for text in ["قال بوتين.\n", "\u{FEFF}Bonjour\r\nà tous", ""] {
            let d = decode(text.as_bytes()).unwrap();
            assert_eq!(d.text, text);
            assert_eq!(d.encoding, Encoding::Utf8);
            assert_eq!(d.first_invalid, None);
            assert_eq!(encode(&d.text, d.encoding).unwrap(), text.as_bytes());
        }
    }

    #[test]
    fn utf16_with_bom_round_trips() {
        let text = "\u{FEFF}Привет, мир 😀\nسلام";
        for (enc, bom) in [
            (Encoding::Utf16Le, [0xFF, 0xFE]),
            (Encoding::Utf16Be, [0xFE, 0xFF]),
        ] {
            let bytes = encode(text, enc).unwrap();
            assert_eq!(bytes[..2], bom);
            let d = decode(&bytes).unwrap();
            assert_eq!((d.text.as_str(), d.encoding), (text, enc));
            assert_eq!((d.first_invalid, d.lossy), (None, false));
            assert_eq!(encode(&d.text, enc).unwrap(), bytes);
        }
    }

    #[test]
    fn malformed_utf16_points_at_the_bad_unit() {
        // BOM, 'a', a lone high surrogate, 'b', then an odd last byte.
        let bytes = [0xFF, 0xFE, b'a', 0, 0x00, 0xD8, b'b', 0, b'c'];
        let d = decode(&bytes).unwrap();
        assert_eq!(d.text, "\u{FEFF}a\u{FFFD}b\u{FFFD}");
        assert!(d.lossy);
        let bad = d.first_invalid.unwrap();
        assert_eq!((bad.offset, bad.bytes), (4, vec![0x00, 0xD8]));
        assert_eq!(&d.text[bad.text_offset..], "\u{FFFD}b\u{FFFD}");
        let d = decode(&[0xFE, 0xFF, 0, b'a', 0x41]).unwrap();
        assert_eq!(d.first_invalid.unwrap().offset, 4);
    }

    #[test]
    fn legacy_code_pages_decode_and_round_trip() {
        let cases = [
            (
                "windows-1256",
                "وقال الرئيس الروسي إن القوات استعادت السيطرة على المدينة.\nثم غادر.",
            ),
            (
                "windows-1251",
                "Президент России заявил, что войска восстановили контроль над городом.\nЗатем он уехал.",
            ),
            (
                "windows-1252",
                "Le président a déclaré que les troupes avaient repris le contrôle de la ville.\nÇa suffit.",
            ),
        ];
        for (name, text) in cases {
            let bytes = in_code_page(text, name);
            let d = decode(&bytes).unwrap();
            assert_eq!(d.encoding.name(), name, "{text}");
            assert_eq!(d.text, text);
            assert!(!d.lossy);
            assert_eq!(encode(&d.text, d.encoding).unwrap(), bytes);
            let bad = d.first_invalid.unwrap();
            assert!(bytes[bad.offset] >= 0x80);
            // The finding's place in the text is the bad byte's character.
            let enc = match d.encoding {
                Encoding::Legacy(e) => e,
                _ => unreachable!(),
            };
            let first = enc
                .decode_without_bom_handling(&bytes[bad.offset..=bad.offset])
                .0;
            assert!(d.text[bad.text_offset..].starts_with(&*first), "{text}");
            // Line breaks stay where they were.
            assert_eq!(d.text.lines().count(), 2);
        }
    }

    #[test]
    fn text_a_code_page_reads_but_cannot_write_is_lossy() {
        // Read as Big5, whose decoder knows Hong Kong characters (`87 40`
        // is `䏰`) that its encoder does not write: found by proptest.
        let bytes = [135u8, 64, 152, 192, 154, 65];
        let d = decode(&bytes).unwrap();
        assert!(
            matches!(d.encoding, Encoding::Legacy(_)),
            "{:?}",
            d.encoding
        );
        assert!(encode(&d.text, d.encoding).ok().as_deref() != Some(&bytes[..]));
        assert!(d.lossy);
    }

    #[test]
    fn damaged_utf8_stays_utf8() {
        let head = "قال بوتين إن القوات ";
        let mut bytes = head.as_bytes().to_vec();
        bytes.push(0xFF);
        bytes.extend_from_slice("استعادت السيطرة".as_bytes());
        let d = decode(&bytes).unwrap();
        assert_eq!(d.encoding, Encoding::Utf8);
        assert!(d.lossy);
        assert_eq!(d.text, "قال بوتين إن القوات \u{FFFD}استعادت السيطرة");
        let bad = d.first_invalid.unwrap();
        let n = head.len();
        assert_eq!((bad.offset, bad.bytes, bad.text_offset), (n, vec![0xFF], n));
    }

    #[test]
    fn binary_is_not_text() {
        assert_eq!(
            decode(&[b'P', b'K', 3, 4, 0, 0]),
            Err(NotText::Binary { offset: 4 })
        );
        // A NUL after the probe window is text (and reported by the rules).
        let mut b = vec![b'a'; BINARY_PROBE];
        b.push(0);
        assert!(decode(&b).is_ok());
    }

    #[test]
    fn encode_refuses_what_the_code_page_cannot_write() {
        let e = encode("abc ж", legacy("windows-1252")).unwrap_err();
        assert_eq!((e.offset, e.character), (4, 'ж'));
        assert_eq!(
            e.to_string(),
            "U+0436 at byte 4 cannot be written in windows-1252"
        );
        // A long text, past the encoder's buffer.
        let long = "é".repeat(3000) + "ж";
        assert_eq!(
            encode(&long, legacy("windows-1252")).unwrap_err().offset,
            6000
        );
        assert_eq!(
            encode(&"é".repeat(3000), legacy("latin1")).unwrap().len(),
            3000
        );
    }
}
