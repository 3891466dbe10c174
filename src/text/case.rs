//! Letter case and letters, with fast paths for the scripts of most text
//! mtlint reads (ASCII, Cyrillic, Arabic): the general Unicode tables
//! behind `char::is_alphabetic`, `is_uppercase` and `to_lowercase` are
//! searched for every other character, and that search showed in profiles
//! of whole scans. Each function gives exactly what its `char` method gives.

/// `char::is_alphabetic`.
#[inline]
pub fn is_alphabetic(c: char) -> bool {
    match c as u32 {
        0x41..=0x5A | 0x61..=0x7A => true,
        0..=0x7F => false,
        0x0621..=0x064A | 0x0400..=0x0481 | 0x048A..=0x04FF => true,
        _ => c.is_alphabetic(),
    }
}

/// `char::is_uppercase`.
#[inline]
pub fn is_uppercase(c: char) -> bool {
    match c as u32 {
        0x41..=0x5A => true,
        0..=0x7F | 0x0430..=0x045F | 0x0600..=0x06FF => false,
        0x0400..=0x042F => true,
        _ => c.is_uppercase(),
    }
}

/// `char::is_lowercase`.
#[inline]
pub fn is_lowercase(c: char) -> bool {
    match c as u32 {
        0x61..=0x7A | 0x0430..=0x045F => true,
        0..=0x7F | 0x0400..=0x042F | 0x0600..=0x06FF => false,
        _ => c.is_lowercase(),
    }
}

/// Appends `char::to_lowercase(c)` to `out`.
#[inline]
pub fn push_lowercase(c: char, out: &mut String) {
    match c as u32 {
        0x41..=0x5A => out.push((c as u8 + 32) as char),
        0..=0x7F | 0x0430..=0x045F | 0x0600..=0x06FF => out.push(c),
        // А..Я to а..я, Ѐ..Џ to ѐ..џ: fixed offsets in the Cyrillic block.
        0x0410..=0x042F => out.push(char::from_u32(c as u32 + 0x20).unwrap_or(c)),
        0x0400..=0x040F => out.push(char::from_u32(c as u32 + 0x50).unwrap_or(c)),
        _ => out.extend(c.to_lowercase()),
    }
}

/// Whether `char::to_lowercase(c)` is `c` itself.
#[inline]
pub fn lowercases_to_itself(c: char) -> bool {
    match c as u32 {
        0x41..=0x5A | 0x0400..=0x042F => false,
        // Hebrew to Arabic Extended: scripts without case.
        0..=0x7F | 0x0430..=0x045F | 0x0590..=0x08FF => true,
        _ => c.to_lowercase().eq([c]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_fast_path_agrees_with_the_standard_library() {
        let ranges = [
            0..0x900u32,
            0x1E00..0x2100,
            0xFB00..0xFF00,
            0x1F600..0x1F700,
        ];
        for c in ranges.into_iter().flatten().filter_map(char::from_u32) {
            assert_eq!(is_alphabetic(c), c.is_alphabetic(), "{c:?}");
            assert_eq!(is_uppercase(c), c.is_uppercase(), "{c:?}");
            assert_eq!(is_lowercase(c), c.is_lowercase(), "{c:?}");
            let mut s = String::new();
            push_lowercase(c, &mut s);
            assert_eq!(s, c.to_lowercase().collect::<String>(), "{c:?}");
            assert_eq!(lowercases_to_itself(c), c.to_lowercase().eq([c]), "{c:?}");
        }
    }
}
