//! Splits delimited text (CSV, TSV and the like) into rows the way Anki's importer reads it.
//!
//! Rules, matching the `csv` crate as Anki configures it: a field may be wrapped in double quotes, and
//! then holds separators, newlines and doubled quotes (`""` for `"`); text after a closing quote runs on
//! to the next separator; a quote inside an unquoted field is an ordinary character; a line starting
//! with `#` between rows is a comment; blank lines are skipped. Unlike `csv`, a quote left open at the
//! end of the file is reported with the line it opened on instead of swallowing the rest silently.

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
    match u8::try_from(sep) {
        Ok(b) if b.is_ascii() && !matches!(b, b'"' | b'\n' | b'\r') => {
            split_bytes(text, b, first_line)
        }
        _ => split_chars(text, sep, first_line),
    }
}

fn unclosed(opened: usize) -> BadRow {
    BadRow {
        line: opened,
        reason: format!(
            "a quote (\") opened on line {opened} is never closed, so the rest of the file \
             could not be read; close it or remove it"
        ),
    }
}

/// [`split`] for the usual separators (ASCII, not a quote or a line break): each run of ordinary
/// text is found by scanning bytes and copied whole, rather than a character at a time. Every byte
/// it looks for is ASCII, and UTF-8 never uses ASCII bytes inside a longer character, so the runs
/// always end on character boundaries. Reads exactly as [`split_chars`] does (a proptest checks).
fn split_bytes(text: &str, sep: u8, first_line: usize) -> (Vec<Row>, Vec<BadRow>) {
    let b = text.as_bytes();
    let n = b.len();
    let (mut rows, mut bad) = (Vec::new(), Vec::new());
    let mut i = 0;
    let mut line = first_line;
    'rows: loop {
        // Between rows: skip blank lines and comments.
        loop {
            match b.get(i) {
                None => break 'rows,
                Some(b'\n') => {
                    i += 1;
                    line += 1;
                }
                Some(b'\r') => {
                    i += 1;
                    if b.get(i) != Some(&b'\n') {
                        line += 1;
                    }
                }
                Some(b'#') => {
                    i = b[i..]
                        .iter()
                        .position(|&c| c == b'\n')
                        .map_or(n, |k| i + k + 1);
                    line += 1;
                }
                Some(_) => break,
            }
        }
        let start = line;
        let mut fields = Vec::new();
        let mut field = String::new();
        let row_done = loop {
            // At the start of a field: a quote opens a quoted part.
            if b.get(i) == Some(&b'"') {
                let opened = line;
                i += 1;
                loop {
                    let Some(k) = b[i..]
                        .iter()
                        .position(|&c| matches!(c, b'"' | b'\n' | b'\r'))
                    else {
                        bad.push(unclosed(opened));
                        break 'rows;
                    };
                    field.push_str(&text[i..i + k]);
                    i += k;
                    match b[i] {
                        b'"' if b.get(i + 1) == Some(&b'"') => {
                            field.push('"');
                            i += 2;
                        }
                        b'"' => {
                            i += 1;
                            break;
                        }
                        b'\n' => {
                            line += 1;
                            field.push('\n');
                            i += 1;
                        }
                        _ => {
                            i += 1;
                            if b.get(i) != Some(&b'\n') {
                                line += 1;
                                field.push('\n');
                            }
                        }
                    }
                }
            }
            // Unquoted text (or what follows a closing quote) runs to a separator or a line break.
            match b[i..]
                .iter()
                .position(|&c| c == sep || c == b'\n' || c == b'\r')
            {
                None => {
                    field.push_str(&text[i..]);
                    i = n;
                    fields.push(std::mem::take(&mut field));
                    break false;
                }
                Some(k) => {
                    field.push_str(&text[i..i + k]);
                    i += k;
                    fields.push(std::mem::take(&mut field));
                    if b[i] == sep {
                        i += 1;
                        continue;
                    }
                    if b[i] == b'\r' && b.get(i + 1) == Some(&b'\n') {
                        i += 1;
                    }
                    i += 1;
                    line += 1;
                    break true;
                }
            }
        };
        rows.push(Row {
            line: start,
            fields,
        });
        if !row_done {
            break;
        }
    }
    (rows, bad)
}

/// [`split`] a character at a time, for any separator.
fn split_chars(text: &str, sep: char, first_line: usize) -> (Vec<Row>, Vec<BadRow>) {
    let mut rows = Vec::new();
    let mut bad = Vec::new();
    let mut chars = text.chars().peekable();
    let mut line = first_line;
    loop {
        // Between rows: skip blank lines and comments.
        match chars.peek() {
            None => break,
            Some('\n') => {
                chars.next();
                line += 1;
                continue;
            }
            Some('\r') => {
                chars.next();
                if chars.peek() != Some(&'\n') {
                    line += 1;
                }
                continue;
            }
            Some('#') => {
                for c in chars.by_ref() {
                    if c == '\n' {
                        break;
                    }
                }
                line += 1;
                continue;
            }
            Some(_) => {}
        }
        let start = line;
        let mut fields = Vec::new();
        let mut field = String::new();
        let mut open_quote: Option<usize> = None;
        let mut at_field_start = true;
        let mut row_done = false;
        while let Some(c) = chars.next() {
            if open_quote.is_some() {
                match c {
                    '"' if chars.peek() == Some(&'"') => {
                        chars.next();
                        field.push('"');
                    }
                    '"' => open_quote = None,
                    '\n' => {
                        line += 1;
                        field.push('\n');
                    }
                    '\r' => {
                        if chars.peek() != Some(&'\n') {
                            line += 1;
                            field.push('\n');
                        }
                    }
                    c => field.push(c),
                }
                continue;
            }
            match c {
                '"' if at_field_start => {
                    open_quote = Some(line);
                    at_field_start = false;
                }
                c if c == sep => {
                    fields.push(std::mem::take(&mut field));
                    at_field_start = true;
                }
                '\n' | '\r' => {
                    if c == '\r' && chars.peek() == Some(&'\n') {
                        chars.next();
                    }
                    line += 1;
                    row_done = true;
                    break;
                }
                c => {
                    field.push(c);
                    at_field_start = false;
                }
            }
        }
        if let Some(opened) = open_quote {
            bad.push(unclosed(opened));
            break;
        }
        fields.push(field);
        rows.push(Row {
            line: start,
            fields,
        });
        if !row_done {
            break;
        }
    }
    (rows, bad)
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

    /// The byte-scanning reader reads every text exactly as the one that goes a character at a
    /// time: quotes anywhere, CR, LF and CRLF, comments, blank lines, accents, unclosed quotes.
    #[test]
    fn bytes_and_chars_read_alike() {
        use proptest::prelude::*;
        let alphabet = prop::sample::select(vec![
            "a", "é", "🙂", ",", "\t", ";", "\"", "\n", "\r", "#", " ", "\"\"",
        ]);
        proptest!(ProptestConfig::with_cases(2000), |(
            parts in prop::collection::vec(alphabet, 0..40),
            sep in prop::sample::select(vec![',', '\t', ';', '#', ' ']),
            first in 1usize..5,
        )| {
            let text: String = parts.concat();
            prop_assert_eq!(
                split_bytes(&text, sep as u8, first),
                split_chars(&text, sep, first),
                "{:?} on {:?}", text, sep
            );
        });
    }

    #[test]
    fn empty_fields_are_kept() {
        assert_eq!(fields("a,,\n", ','), [["a", "", ""]]);
    }
}
