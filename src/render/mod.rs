//! Renderings of a [`Report`](crate::report::Report). Renderers never rescan
//! text: everything they show comes from the report.

pub mod marked;

/// Makes text safe to quote in a terminal or a log: bidi controls and other
/// invisible or control characters become `<U+XXXX>`, so they can neither
/// reorder the surrounding output nor hide.
pub fn escape_invisible(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if is_invisible_or_control(c) {
            out.push_str(&format!("<U+{:04X}>", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

/// Characters that show nothing, or that change how the text around them is shown.
pub fn is_invisible_or_control(c: char) -> bool {
    (c.is_control() && c != '\t')
        || matches!(c,
            '\u{00AD}' | '\u{061C}' | '\u{180E}' | '\u{200B}'..='\u{200F}' | '\u{2028}'..='\u{202E}'
            | '\u{2060}'..='\u{2069}' | '\u{FEFF}' | '\u{FFF9}'..='\u{FFFB}')
}
