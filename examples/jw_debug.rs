use mtlint::segment::Document;
use mtlint::Rule;
fn main() {
    let text = std::env::args().nth(1).unwrap();
    let doc = Document::new(&text, Some("ar"));
    let mut out = Vec::new();
    mtlint::rules::joined_words::JoinedWords.check(&doc, &mut out);
    for d in out {
        println!("{} -> {:?}", &text[d.range], d.fix.map(|f| f.replacement));
    }
}
