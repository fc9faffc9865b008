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
        let message = super::plain::plain(err.message());
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
