//! Reads a whole Anki text export or plain CSV/TSV file into notes: front, back, tags, and Anki's ids.

use super::delimited::{self, BadRow, Row};
use super::header::{self, Header};
use super::html;
use crate::storage::sanitize;

/// One note, its text already plain and sanitized.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    /// The file line the note starts on.
    pub line: usize,
    pub front: String,
    /// The second field, with any further fields after it separated by blank lines.
    pub back: String,
    pub tags: Vec<String>,
    /// Anki's note id (`#guid column:`), if the file has one.
    pub guid: Option<String>,
    /// The note's deck, from `#deck column:` or `#deck:`.
    pub deck: Option<String>,
}

/// Everything read from a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteFile {
    pub notes: Vec<Note>,
    /// Rows and header lines that could not be used, with why.
    pub bad: Vec<BadRow>,
    pub separator: char,
    pub html: bool,
    /// True for an Anki export (it had Anki header lines), false for a plain CSV/TSV.
    pub anki: bool,
}

/// Why a file could not be read at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReadError {
    /// The bytes are not UTF-8; `line` is where the first bad byte is.
    #[error(
        "line {line} is not UTF-8 text. Export again as UTF-8 (in a spreadsheet, save as \
         \"CSV UTF-8\"; Anki's text exports already are)"
    )]
    NotUtf8 { line: usize },
}

/// Reads `bytes` as an Anki text export (`#separator:` and the other header lines) or as a plain
/// CSV/TSV of front, back and optional tags (with an optional `front,back,tags` title row).
pub fn read(bytes: &[u8]) -> Result<NoteFile, ReadError> {
    let text = std::str::from_utf8(bytes).map_err(|e| ReadError::NotUtf8 {
        line: bytes[..e.valid_up_to()]
            .iter()
            .filter(|b| **b == b'\n')
            .count()
            + 1,
    })?;
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let (h, body, header_lines) = header::parse(text);
    let separator = h.separator.unwrap_or_else(|| guess_separator(body));
    let (mut rows, mut bad) = delimited::split(body, separator, header_lines + 1);
    bad.splice(0..0, h.problems.iter().cloned());
    let mut cols = Columns::from_header(&h, separator);
    if !h.is_anki && h.columns.is_none() && rows.first().is_some_and(is_title_row) {
        let title = rows.remove(0);
        cols.tags = title
            .fields
            .iter()
            .position(|f| f.trim().eq_ignore_ascii_case("tags"));
    }
    if !h.is_anki && cols.tags.is_none() {
        cols.tags = Some(2);
    }
    let html = h.html.unwrap_or_else(|| rows.iter().any(looks_like_html));
    let mut notes = Vec::with_capacity(rows.len());
    let mut decks = LastDeck::default();
    // Each row is taken apart as it becomes a note, so the file's text is not held twice.
    for row in rows {
        let line = row.line;
        match note(row, &cols, &h, html, separator, &mut decks) {
            Ok(n) => notes.push(n),
            Err(reason) => bad.push(BadRow { line, reason }),
        }
    }
    Ok(NoteFile {
        notes,
        bad,
        separator,
        html,
        anki: h.is_anki,
    })
}

/// Which columns hold Anki's extras; every other column is a field.
#[derive(Debug, Default)]
struct Columns {
    guid: Option<usize>,
    notetype: Option<usize>,
    deck: Option<usize>,
    tags: Option<usize>,
}

impl Columns {
    fn from_header(h: &Header, sep: char) -> Columns {
        let mut c = Columns {
            guid: h.guid_column,
            notetype: h.notetype_column,
            deck: h.deck_column,
            tags: h.tags_column,
        };
        // Named columns fill in what the numbered headers left out.
        if let Some(names) = &h.columns {
            let (rows, _) = delimited::split(names, sep, 1);
            let names = rows
                .into_iter()
                .next()
                .map(|r| r.fields)
                .unwrap_or_default();
            for (i, name) in names.iter().enumerate() {
                let slot = match name.trim().to_ascii_lowercase().as_str() {
                    "guid" => &mut c.guid,
                    "notetype" | "note type" => &mut c.notetype,
                    "deck" => &mut c.deck,
                    "tags" => &mut c.tags,
                    _ => continue,
                };
                slot.get_or_insert(i);
            }
        }
        c
    }

    fn is_extra(&self, i: usize) -> bool {
        [self.guid, self.notetype, self.deck, self.tags].contains(&Some(i))
    }
}

/// The last deck name seen and its cleaned form: most notes of a file share a deck, and cleaning
/// the name once saves a copy a note.
#[derive(Default)]
struct LastDeck {
    raw: String,
    clean: String,
}

impl LastDeck {
    fn clean(&mut self, raw: &str) -> String {
        if raw != self.raw {
            raw.clone_into(&mut self.raw);
            self.clean = sanitize::clean_line(raw).trim().to_string();
        }
        self.clean.clone()
    }
}

fn note(
    row: Row,
    cols: &Columns,
    h: &Header,
    html: bool,
    sep: char,
    decks: &mut LastDeck,
) -> Result<Note, String> {
    let get = |i: Option<usize>| {
        i.and_then(|i| row.fields.get(i))
            .map(|s| s.trim())
            .filter(|s| !s.is_empty())
    };
    let mut tags: Vec<String> = Vec::new();
    let file_tags = get(cols.tags).into_iter().flat_map(str::split_whitespace);
    for t in file_tags
        .map(sanitize::clean_line)
        .chain(h.tags.iter().cloned())
    {
        if !t.is_empty() && !tags.contains(&t) {
            tags.push(t);
        }
    }
    let guid = get(cols.guid).map(str::to_string);
    let deck = get(cols.deck)
        .or(h.deck.as_deref().filter(|d| !d.is_empty()))
        .map(|d| decks.clean(d));
    let line = row.line;
    let mut fields = row
        .fields
        .into_iter()
        .enumerate()
        .filter(|(i, _)| !cols.is_extra(*i))
        .map(|(_, f)| plain(f, html));
    let (Some(front), Some(second)) = (fields.next(), fields.next()) else {
        let name = header::separator_name(sep);
        return Err(format!(
            "needs a front and a back separated by a {name}, but has only one column; if the file \
             uses another separator, add a first line such as #separator:comma"
        ));
    };
    let mut back = second;
    for f in fields.filter(|f| !f.is_empty()) {
        if !back.is_empty() {
            back.push_str("\n\n");
        }
        back.push_str(&f);
    }
    Ok(Note {
        line,
        front,
        back,
        tags,
        guid,
        deck,
    })
}

/// A field as plain, terminal-safe text; allocates only when something must change.
fn plain(field: String, html: bool) -> String {
    let mut text = if html { html::to_text(&field) } else { field };
    sanitize::clean_in_place(&mut text);
    let trimmed = text.trim();
    if trimmed.len() != text.len() {
        text = trimmed.to_string();
    }
    text
}

/// Anki's guess when there is no `#separator:`: the first separator the first row contains, tab
/// first. Colon and space are left out: they turn up in ordinary sentences.
fn guess_separator(body: &str) -> char {
    let first = body
        .lines()
        .find(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .unwrap_or("");
    ['\t', '|', ';', ',']
        .into_iter()
        .find(|c| first.contains(*c))
        .unwrap_or('\t')
}

/// A first row like `front,back,tags` or `Question;Answer` names the columns; it is not a card.
fn is_title_row(row: &Row) -> bool {
    let f: Vec<String> = row
        .fields
        .iter()
        .map(|f| f.trim().to_ascii_lowercase())
        .collect();
    f.len() >= 2
        && matches!(f[0].as_str(), "front" | "question" | "term")
        && matches!(f[1].as_str(), "back" | "answer" | "definition" | "meaning")
}

/// Anki's older exports have no `#html:` line but carry HTML; these marks give them away.
fn looks_like_html(row: &Row) -> bool {
    const MARKS: [&str; 8] = ["<br", "<div", "<p>", "</", "&nbsp;", "&amp;", "&lt;", "<b>"];
    row.fields
        .iter()
        .any(|f| MARKS.iter().any(|m| f.to_ascii_lowercase().contains(m)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_csv_with_title_row_and_tags() {
        let f = read(b"Front,Back,Tags\nHEP,Home exercise program,abbr pt\n").unwrap();
        assert!(!f.anki && !f.html);
        assert_eq!(f.separator, ',');
        assert_eq!(f.notes.len(), 1);
        let n = &f.notes[0];
        assert_eq!((n.line, n.front.as_str()), (2, "HEP"));
        assert_eq!(n.tags, ["abbr", "pt"]);
    }

    #[test]
    fn anki_extras_are_not_fields_and_extra_fields_join_the_back() {
        let text = "#separator:tab\n#html:false\n#guid column:1\n#notetype column:2\n#deck column:3\n\
                    #tags column:6\nAbC1\tBasic\tRehab::Words\tROM\tRange of motion\tmotion\tx\n";
        let f = read(text.as_bytes()).unwrap();
        assert!(f.bad.is_empty(), "{:?}", f.bad);
        let n = &f.notes[0];
        assert_eq!(n.guid.as_deref(), Some("AbC1"));
        assert_eq!(n.deck.as_deref(), Some("Rehab::Words"));
        assert_eq!(n.front, "ROM");
        assert_eq!(n.back, "Range of motion\n\nx");
        assert_eq!(n.tags, ["motion"]);
        assert_eq!(n.line, 7);
    }

    #[test]
    fn column_names_are_read_as_a_csv_row() {
        let text = "#separator:comma\n#columns:\"Front, side\",Back,Tags\nq,a,t1 t2\n";
        let f = read(text.as_bytes()).unwrap();
        assert_eq!(f.notes[0].back, "a");
        assert_eq!(f.notes[0].tags, ["t1", "t2"]);
    }

    #[test]
    fn html_is_detected_without_a_header() {
        let f = read(b"a<br>b\tc &amp; d\n").unwrap();
        assert!(f.html);
        assert_eq!(f.notes[0].front, "a\nb");
        assert_eq!(f.notes[0].back, "c & d");
    }

    #[test]
    fn one_column_row_is_bad_with_a_hint() {
        let f = read(b"#separator:tab\nfront only, no tab\nq\ta\n").unwrap();
        assert_eq!(f.notes.len(), 1);
        assert_eq!(f.bad.len(), 1);
        assert_eq!(f.bad[0].line, 2);
        assert!(f.bad[0].reason.contains("#separator:comma"));
    }

    #[test]
    fn not_utf8_names_the_line() {
        let err = read(b"a\tb\nc\t\xff\n").unwrap_err();
        assert_eq!(err, ReadError::NotUtf8 { line: 2 });
    }

    #[test]
    fn text_is_sanitized() {
        let f = read(b"a\x1b[31m\tb\xe2\x80\xae\n").unwrap();
        assert_eq!(f.notes[0].front, "a[31m");
        assert_eq!(f.notes[0].back, "b");
    }
}
