//! `foreign-script-run`: a run of words in another script than the document's that no language explains (garble). Its documentation is the
//! `explanation` below, which `mtlint explain foreign-script-run` prints.

use crate::analysis::foreign_runs::foreign_runs;
use crate::report::finding::{Diagnostic, Severity};
use crate::rules::{Harm, Rule, RuleMeta};
use crate::text::Document;

/// `foreign-script-run`: a run of words in a script that is not the
/// document's main script.
pub struct ForeignScriptRun;

static FOREIGN_SCRIPT_RUN: RuleMeta = RuleMeta {
    id: "foreign-script-run",
    severity: Severity::Error,
    harm: Harm::Garble,
    summary:
        "A run of words in another script than the document's that no language explains (garble)",
    explanation: r#"## What it does
Flags a run of words written in a script that is not the document's main
script and that no language mtlint can identify explains: a garbled
Cyrillic or Mongolian line in an Arabic article, Latin letter soup in a
Russian text. A run that reads as a real language whose alphabet has all its
letters (an English sentence left in a Russian translation) is reported by
`wrong-language` instead, as a warning; so is, as info, a run too short to
identify whose words are plausible words of a language (a song title or a
slogan: `سمعت اغنية we will rock you`, `слоган think outside the box`). The run is one finding; it may cross
sentence ends inside one line, and numbers, punctuation and mixed-script
words of the foreign script between foreign words continue it. It stops at a
line break and at a word of the document's script, even one with foreign
letters glued to it (`بالـHD`): the words beside a run are never part of it.

## Why is this bad?
Machine translation sometimes leaves a segment untranslated, copies an
embedded social-media post in its original language, or hallucinates text in
another language. A reader of the translation cannot read it, and it must not
be published as is.

## Example
```text
… إلى الحدود في وقت مبكر.
птин кре мид и и крекийй чөийн жилилараг уирдсан … бна. pic.twitter.com/ry1yyiqzki
→ run of 24 Cyrillic words in Arabic text

Он добавил, thq tklx wrrq gqing wlkk. Потом ушел.
→ run of 5 Latin words in Cyrillic text

Президент заявил, the government will not accept the deal, и добавил …
→ not this rule's: `wrong-language` reports an English run in Russian text
```

## Fix safety
The fix deletes the run and the white space that separated it from the rest
of the line. It is **unsafe**: the run may be a quotation the author wanted,
or text that should be translated rather than dropped.

## Limits
Not this rule's business, and quiet:
- names, titles and acronyms: runs whose words are all Capitalized or
  ALLCAPS, with lowercase particles (`New York Times`, `Institute for the
  Study of War`, `Abu Bakr al Baghdadi`, `Ballon d'Or`, `NATO`, `COVID-19`);
- runs wholly inside quotation marks or brackets (a gloss after a term);
- URLs, e-mail addresses, handles and hashtags, and code: identifiers with
  underscores (`pam_set_item`), command-line options (`--input-file`),
  placeholders (`%s`), variables (`$HOME`) and paths (`/usr/bin`), which
  software translations are full of;
- technical tokens, which are no words of the run: file names and anchors
  (`report_final.pdf`, `page.html#section7`), file formats named in a list
  (`mp4, avi, mkv, flv`), words with digits;
- short runs: at least three foreign words (a hyphenated compound such as
  `gpg-check-pattern` is one), two of them distinct lowercase words, are
  needed (or two long lowercase words, reported as a warning);
  a short complete sentence (capital first, full stop last, up to eight
  words) is reported as `info`: it is often a quotation kept on purpose;
  words of scripts without case (Arabic, Hebrew, Chinese) need four;
- documents without a clear main script: when the foreign script has more
  than two thirds as many letters as the main one, or more than 40% of them
  spread over two or more lines, the text is taken as bilingual.
A foreign-language passage in the document's own script (French in English
text) is the same script: `wrong-language` reports it.
"#,
};

impl Rule for ForeignScriptRun {
    fn meta(&self) -> &'static RuleMeta {
        &FOREIGN_SCRIPT_RUN
    }

    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        // Runs identified as a real language are `wrong-language`'s.
        out.extend(
            foreign_runs(doc)
                .0
                .iter()
                .filter(|r| r.is_garble())
                .map(|r| r.diagnostic.clone()),
        );
    }
}
