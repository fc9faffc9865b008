//! A problem found in a file, with the path and line so the user can fix it.

use serde::Serialize;
use std::fmt;

/// Something wrong in a file. Shown in the app and printed by `clinicprep check`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    pub path: String,
    /// 1-based line, when the problem can be pinned to one.
    pub line: Option<usize>,
    /// 1-based column, when known.
    pub column: Option<usize>,
    pub message: String,
}

impl Problem {
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        Problem {
            path: path.into(),
            line: None,
            column: None,
            message: message.into(),
        }
    }

    /// A problem at a byte offset of `text`, turned into line and column.
    pub fn at_offset(
        path: impl Into<String>,
        text: &str,
        offset: usize,
        message: impl Into<String>,
    ) -> Self {
        let (line, column) = line_col(text, offset);
        Problem {
            path: path.into(),
            line: Some(line),
            column: Some(column),
            message: message.into(),
        }
    }

    /// A problem on the first line of `text` containing `needle` (or the file as a whole if none does).
    pub fn near(
        path: impl Into<String>,
        text: &str,
        needle: &str,
        message: impl Into<String>,
    ) -> Self {
        match text.find(needle) {
            Some(off) => Problem::at_offset(path, text, off, message),
            None => Problem::new(path, message),
        }
    }

    /// A TOML parse error, located by its span, in plain words (see [`super::plain`]).
    pub fn from_toml(path: impl Into<String>, text: &str, err: &toml::de::Error) -> Self {
        let message = err
            .span()
            .and_then(|span| control_character(text, span.start))
            .unwrap_or_else(|| super::plain::plain(err.message()));
        match err.span() {
            Some(span) => Problem::at_offset(path, text, span.start, message),
            None => Problem::new(path, message),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.line, self.column) {
            (Some(l), Some(c)) => write!(f, "{}:{}:{}: {}", self.path, l, c, self.message),
            (Some(l), None) => write!(f, "{}:{}: {}", self.path, l, self.message),
            _ => write!(f, "{}: {}", self.path, self.message),
        }
    }
}

/// What to say of a parse error at byte `offset` of `text` whose line holds a control character
/// (a tab aside): the parser calls it an invalid string, which reads as an unclosed quote, and a
/// robustness walk found the quote closed and the escape code invisible. None for any other line.
pub fn control_character(text: &str, offset: usize) -> Option<String> {
    let c = line_at(text, offset)
        .chars()
        .find(|c| c.is_control() && *c != '\t')?;
    let code = u32::from(c);
    Some(format!(
        "this line holds an invisible control character (code {code}): delete it, or write it \
         as \\u{code:04X}"
    ))
}

/// The line of `text` that holds byte `offset` (clamped to the text), without its line break.
fn line_at(text: &str, offset: usize) -> &str {
    let mut at = offset.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    text[start..end].trim_end_matches('\r')
}

/// 1-based line and column (in characters) of a byte offset; offsets past the end clamp to it.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let mut end = offset.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let before = &text[..end];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

#[cfg(test)]
mod tests {

    /// A robustness walk: an escape byte inside a title's quotes was reported as "text in quotes
    /// is not closed", with the quote closed. It is named for what it is.
    #[test]
    fn a_control_character_in_quotes_is_named_not_called_an_unclosed_quote() {
        let parse = |text: &str| {
            let err = toml::from_str::<toml::Table>(text).unwrap_err();
            Problem::from_toml("s.toml", text, &err)
        };
        let p = parse("a = 1\ntitle = \"Evil \u{1b}]0;x\"\n");
        assert_eq!(p.line, Some(2));
        assert!(
            p.message.contains("invisible control character (code 27)"),
            "{p}"
        );
        assert!(p.message.contains("\\u001B"), "{p}");
        let open = parse("title = \"no end\n");
        assert!(open.message.contains("not closed"), "{open}");
    }
    use super::*;

    #[test]
    fn line_col_counts_lines_and_characters() {
        let t = "ab\ncdé\nx";
        assert_eq!(line_col(t, 0), (1, 1));
        assert_eq!(line_col(t, 3), (2, 1));
        assert_eq!(line_col(t, 7), (2, 4));
        assert_eq!(line_col(t, 999), (3, 2));
    }

    #[test]
    fn toml_error_points_at_its_line() {
        let text = "a = 1\nb = = 2\n";
        let err = toml::from_str::<toml::Table>(text).unwrap_err();
        let p = Problem::from_toml("f.toml", text, &err);
        assert_eq!(p.line, Some(2));
        assert!(p.to_string().starts_with("f.toml:2:"), "{p}");
    }
}
