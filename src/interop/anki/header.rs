//! Reads the `#key:value` lines at the top of an Anki text export (`#separator:tab`, `#html:true`, ...).

use super::delimited::BadRow;
use crate::storage::sanitize;

/// What the header lines say. Column numbers are 0-based here (the file writes them 1-based).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Header {
    pub separator: Option<char>,
    pub html: Option<bool>,
    /// Tags given to every note (`#tags:a b`).
    pub tags: Vec<String>,
    /// Column names (`#columns:`), still joined by the separator.
    pub columns: Option<String>,
    pub deck: Option<String>,
    pub notetype: Option<String>,
    pub guid_column: Option<usize>,
    pub notetype_column: Option<usize>,
    pub deck_column: Option<usize>,
    pub tags_column: Option<usize>,
    /// True when at least one line was an Anki header, so the file is an Anki export.
    pub is_anki: bool,
    /// Header lines with a value that could not be used.
    pub problems: Vec<BadRow>,
}

/// Parses the header lines at the start of `text`. Returns the header, the rest of the text and the
/// number of lines the header took (so rows can be numbered as in the file).
pub fn parse(text: &str) -> (Header, &str, usize) {
    let mut h = Header::default();
    let mut used = 0;
    let mut lines = 0;
    for raw in text.split_inclusive('\n') {
        let Some(body) = raw.strip_prefix('#') else {
            break;
        };
        lines += 1;
        used += raw.len();
        let body = body.trim_end_matches(['\n', '\r']);
        if let Some((key, value)) = body.split_once(':') {
            h.apply(lines, &key.trim().to_ascii_lowercase(), value);
        }
    }
    (h, &text[used..], lines)
}

/// The separator named by `#separator:` (Anki's names or the character itself). Like Anki's, it is
/// one ASCII character: the CSV reader splits bytes.
pub fn separator_from(value: &str) -> Option<char> {
    let mut chars = value.chars();
    if let (Some(c), None) = (chars.next(), chars.next())
        && c.is_ascii()
        && !matches!(c, '"' | '\n' | '\r')
    {
        return Some(c);
    }
    Some(match value.trim().to_ascii_lowercase().as_str() {
        "tab" | "\\t" => '\t',
        "comma" => ',',
        "semicolon" => ';',
        "pipe" => '|',
        "space" => ' ',
        "colon" => ':',
        _ => return None,
    })
}

/// A separator's name for messages.
pub fn separator_name(c: char) -> String {
    match c {
        '\t' => "tab".into(),
        ',' => "comma".into(),
        ';' => "semicolon".into(),
        '|' => "pipe".into(),
        ' ' => "space".into(),
        ':' => "colon".into(),
        c => format!("\"{c}\""),
    }
}

impl Header {
    fn apply(&mut self, line: usize, key: &str, value: &str) {
        let bad = |reason: String| BadRow { line, reason };
        let column = |value: &str| value.trim().parse::<usize>().ok().filter(|n| *n >= 1);
        let mut problem = None;
        match key {
            "separator" => match separator_from(value) {
                Some(c) => self.separator = Some(c),
                None => {
                    problem = Some(bad(format!(
                        "#separator:{} is not a separator Anki knows; use tab, comma, semicolon, \
                         pipe, space or colon",
                        sanitize::clean_line(value.trim())
                    )))
                }
            },
            "html" => match value.trim().to_ascii_lowercase().as_str() {
                "true" => self.html = Some(true),
                "false" => self.html = Some(false),
                _ => problem = Some(bad("#html: must be true or false".into())),
            },
            "tags" => self.tags = value.split_whitespace().map(sanitize::clean_line).collect(),
            "columns" => self.columns = Some(value.to_string()),
            "deck" => self.deck = Some(value.trim().to_string()),
            "notetype" => self.notetype = Some(value.trim().to_string()),
            "guid column" | "notetype column" | "deck column" | "tags column" => {
                match column(value) {
                    Some(n) => {
                        let slot = match key {
                            "guid column" => &mut self.guid_column,
                            "notetype column" => &mut self.notetype_column,
                            "deck column" => &mut self.deck_column,
                            _ => &mut self.tags_column,
                        };
                        *slot = Some(n - 1);
                    }
                    None => {
                        problem = Some(bad(format!(
                            "#{key}: needs a column number counted from 1, like #{key}:3; this \
                             line is ignored"
                        )))
                    }
                }
            }
            // Any other "#word:..." line is a comment to us.
            _ => return,
        }
        self.is_anki = true;
        self.problems.extend(problem);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_header_anki_writes() {
        let text = "#separator:tab\n#html:true\n#guid column:1\n#notetype column:2\n\
                    #deck column:3\n#tags column:6\n#tags:extra one\n#deck:Fallback\na\tb\n";
        let (h, rest, lines) = parse(text);
        assert_eq!(lines, 8);
        assert_eq!(rest, "a\tb\n");
        assert_eq!(h.separator, Some('\t'));
        assert_eq!(h.html, Some(true));
        assert_eq!(h.guid_column, Some(0));
        assert_eq!(h.notetype_column, Some(1));
        assert_eq!(h.deck_column, Some(2));
        assert_eq!(h.tags_column, Some(5));
        assert_eq!(h.tags, ["extra", "one"]);
        assert_eq!(h.deck.as_deref(), Some("Fallback"));
        assert!(h.is_anki && h.problems.is_empty());
    }

    #[test]
    fn separator_names_and_literals() {
        for (v, c) in [
            ("Comma", ','),
            ("semicolon", ';'),
            ("Pipe", '|'),
            ("space", ' '),
            (" ", ' '),
            ("\t", '\t'),
            (";", ';'),
        ] {
            assert_eq!(separator_from(v), Some(c), "{v:?}");
        }
        assert_eq!(separator_from("dots"), None);
        assert_eq!(separator_from("§"), None);
    }

    #[test]
    fn bad_values_are_reported_with_their_line() {
        let (h, _, _) = parse("#separator:tab\n#tags column:x\n#html:maybe\nq\ta\n");
        assert_eq!(h.problems.len(), 2);
        assert_eq!(h.problems[0].line, 2);
        assert_eq!(h.problems[1].line, 3);
    }

    #[test]
    fn a_file_without_headers_is_not_anki() {
        let (h, rest, lines) = parse("front,back\n");
        assert!(!h.is_anki);
        assert_eq!((rest, lines), ("front,back\n", 0));
    }
}
