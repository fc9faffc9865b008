//! Splits delimited text (CSV, TSV and the like) into rows the way Anki's importer reads it: with the
//! `csv` crate, set up as Anki sets it up (no title row, rows of any length, `#` comments).
//!
//! So a field may be wrapped in double quotes, and then holds separators, newlines and doubled quotes
//! (`""` for `"`); text after a closing quote runs on to the next separator; a quote inside an unquoted
//! field is an ordinary character; a line starting with `#` between rows is a comment; blank lines are
//! skipped. Two things are added on top of `csv`: each row knows the file line it starts on, and a
//! quote left open at the end of the file is reported with the line it opened on instead of silently
//! swallowing the rest of the file.

use super::header;
use std::io::Read;

/// One row of fields and the (1-based) line of the file it starts on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub line: usize,
    pub fields: Vec<String>,
}

/// A row that could not be read, with its line and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadRow {
    pub line: usize,
    pub reason: String,
}

/// Splits `text` into rows on `sep`. `first_line` is the file line `text` starts on, so rows after
/// header lines keep their real line numbers.
pub fn split(text: &str, sep: char, first_line: usize) -> (Vec<Row>, Vec<BadRow>) {
    let Some(delimiter) = u8::try_from(sep).ok().filter(u8::is_ascii) else {
        // The header and the guess only ever give ASCII separators; this is for any other caller.
        let reason = format!(
            "a {} cannot separate columns; use tab, comma, semicolon, pipe, space or colon",
            header::separator_name(sep)
        );
        return (
            Vec::new(),
            vec![BadRow {
                line: first_line,
                reason,
            }],
        );
    };
    // A last row of its own after the text. If a quote is left open, `csv` reads this into the quoted
    // field instead, so the row never comes: that is how an unclosed quote shows.
    let end_row = [b'\n', if delimiter == b'x' { b'y' } else { b'x' }, b'\n'];
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .comment(Some(b'#'))
        .delimiter(delimiter)
        .from_reader(text.as_bytes().chain(&end_row[..]));
    let bytes = text.as_bytes();
    let mut lines = Lines::new(bytes, first_line);
    let mut rows = Vec::new();
    let mut record = csv::ByteRecord::new();
    let mut last = csv::ByteRecord::new();
    loop {
        match reader.read_byte_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            // Reading from memory without a title row or a fixed row length, `csv` has no error to
            // give (our fields stay UTF-8 as bytes); should one come, it ends the file here.
            Err(e) => {
                let line = lines.at(bytes.len());
                let reason = format!("the rest of the file could not be read: {e}");
                return (rows, vec![BadRow { line, reason }]);
            }
        }
        let after = record.position().map_or(0, |p| p.byte());
        let start = row_start(bytes, usize::try_from(after).unwrap_or(usize::MAX));
        if start >= bytes.len() {
            // The end row: every quote was closed.
            return (rows, Vec::new());
        }
        rows.push(Row {
            line: lines.at(start),
            fields: record.iter().map(field).collect(),
        });
        std::mem::swap(&mut record, &mut last);
    }
    // The end row never came, so the last row's last field is a quote left open: it runs from its
    // opening quote to the end of the file (plus the end row), with each `"` inside written twice.
    rows.pop();
    let open = last.iter().next_back().unwrap_or_default();
    let quoted =
        open.len().saturating_sub(end_row.len()) + open.iter().filter(|b| **b == b'"').count();
    let opened = lines.at(bytes.len().saturating_sub(quoted + 1));
    let reason = format!(
        "a quote (\") opened on line {opened} is never closed, so the rest of the file could not be \
         read; close it or remove it"
    );
    (
        rows,
        vec![BadRow {
            line: opened,
            reason,
        }],
    )
}

/// Where the row `csv` dates from byte `at` really starts. `csv` dates a row from the end of the row
/// before it, so skip the line breaks and `#` comment lines it passed over on the way.
fn row_start(bytes: &[u8], mut at: usize) -> usize {
    loop {
        match bytes.get(at) {
            Some(b'\r' | b'\n') => at += 1,
            // Like `csv`, a comment runs to the next `\n`.
            Some(b'#') => {
                at = bytes[at..]
                    .iter()
                    .position(|b| *b == b'\n')
                    .map_or(bytes.len(), |n| at + n + 1)
            }
            _ => return at,
        }
    }
}

/// A field as text, with its line breaks as `\n`.
fn field(bytes: &[u8]) -> String {
    // Always UTF-8: the text was, and `csv` only cuts it at ASCII separators and removes ASCII quotes.
    let text = String::from_utf8_lossy(bytes);
    if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text.into_owned()
    }
}

/// Turns byte offsets, asked for in increasing order, into file lines. `\r\n`, `\n` and a lone `\r`
/// each end a line.
struct Lines<'a> {
    bytes: &'a [u8],
    done: usize,
    line: usize,
}

impl<'a> Lines<'a> {
    fn new(bytes: &'a [u8], first_line: usize) -> Self {
        Lines {
            bytes,
            done: 0,
            line: first_line,
        }
    }

    /// The line byte `offset` is on.
    fn at(&mut self, offset: usize) -> usize {
        let offset = offset.min(self.bytes.len());
        for i in self.done..offset {
            let lone_cr = self.bytes[i] == b'\r' && self.bytes.get(i + 1) != Some(&b'\n');
            self.line += usize::from(self.bytes[i] == b'\n' || lone_cr);
        }
        self.done = self.done.max(offset);
        self.line
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(text: &str, sep: char) -> Vec<Vec<String>> {
        let (rows, bad) = split(text, sep, 1);
        assert!(bad.is_empty(), "{bad:?}");
        rows.into_iter().map(|r| r.fields).collect()
    }

    #[test]
    fn tabs_commas_and_crlf() {
        assert_eq!(fields("a\tb\r\nc\td\r\n", '\t'), [["a", "b"], ["c", "d"]]);
        assert_eq!(fields("a,b\nc,d", ','), [["a", "b"], ["c", "d"]]);
    }

    #[test]
    fn quoted_fields_hold_separators_newlines_and_quotes() {
        let text = "\"a, b\",\"line 1\nline 2\",\"say \"\"hi\"\"\"\nnext,row\n";
        let (rows, bad) = split(text, ',', 1);
        assert!(bad.is_empty());
        assert_eq!(rows[0].fields, ["a, b", "line 1\nline 2", "say \"hi\""]);
        assert_eq!(rows[1].line, 3);
        assert_eq!(rows[1].fields, ["next", "row"]);
    }

    #[test]
    fn quotes_inside_unquoted_fields_and_after_closing_quote_are_kept() {
        assert_eq!(fields("5'10\" tall,x\n", ','), [["5'10\" tall", "x"]]);
        assert_eq!(fields("\"ab\"cd,x\n", ','), [["abcd", "x"]]);
    }

    #[test]
    fn comments_and_blank_lines_are_skipped_and_lines_counted() {
        let (rows, _) = split("# note\n\na\tb\n\n#x\tz\nc\td", '\t', 10);
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].line, 12);
        assert_eq!(rows[1].line, 15);
    }

    #[test]
    fn unclosed_quote_is_reported_at_its_line() {
        let (rows, bad) = split("a,b\nc,\"oops\nd,e\n", ',', 1);
        assert_eq!(rows.len(), 1);
        assert_eq!(bad.len(), 1);
        assert_eq!(bad[0].line, 2);
    }

    #[test]
    fn unclosed_quote_is_reported_where_it_opened_not_where_its_row_starts() {
        let text = "a,\"two\nlines\",\"say \"\"hi\nand never close\nx,y\n";
        let (rows, bad) = split(text, ',', 5);
        assert!(rows.is_empty(), "{rows:?}");
        assert_eq!(bad.len(), 1);
        assert_eq!(bad[0].line, 6);
        assert!(
            bad[0].reason.contains("opened on line 6"),
            "{}",
            bad[0].reason
        );
        let (rows, bad) = split("a,b\r\n\"open", ',', 1);
        assert_eq!((rows.len(), bad[0].line), (1, 2));
    }

    #[test]
    fn line_breaks_in_quotes_become_newlines_and_every_kind_counts_as_a_line() {
        let (rows, bad) = split("\"a\r\nb\rc\",x\rd,e\r\n\r\n# c\r\nf,g", ',', 1);
        assert!(bad.is_empty(), "{bad:?}");
        assert_eq!(rows[0].fields, ["a\nb\nc", "x"]);
        let lines: Vec<usize> = rows.iter().map(|r| r.line).collect();
        assert_eq!(lines, [1, 4, 7]);
    }

    #[test]
    fn a_comment_or_blank_lines_at_the_end_are_not_an_open_quote() {
        for text in ["a,b\n#end", "a,b\n\n\n", "a,b", "a,\"b\"", ""] {
            let (rows, bad) = split(text, ',', 1);
            assert!(bad.is_empty(), "{text:?}: {bad:?}");
            assert_eq!(rows.len(), usize::from(!text.is_empty()), "{text:?}");
        }
    }

    #[test]
    fn lines_stay_right_past_the_readers_buffer() {
        let text: String = (1..=3000).map(|i| format!("q{i},\"a\n{i}\"\n\n")).collect();
        let (rows, bad) = split(&text, ',', 1);
        assert!(bad.is_empty());
        assert_eq!(rows.len(), 3000);
        for (i, r) in rows.iter().enumerate() {
            assert_eq!(r.line, 3 * i + 1, "{r:?}");
            assert_eq!(r.fields[0], format!("q{}", i + 1));
        }
    }

    #[test]
    fn a_separator_the_reader_cannot_use_is_a_bad_row_not_a_panic() {
        let (rows, bad) = split("a§b\n", '§', 3);
        assert!(rows.is_empty());
        assert_eq!(bad[0].line, 3);
    }

    #[test]
    fn empty_fields_are_kept() {
        assert_eq!(fields("a,,\n", ','), [["a", "", ""]]);
    }
}
