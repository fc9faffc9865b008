//! The editor's form: how many rows each field gets, and a part of the story drawn wrapped, with its
//! marked phrases, in the rows it got.

use crate::widgets::wrap::wrap;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use std::ops::Range;
use unicode_width::UnicodeWidthStr;

/// What one field of the form asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ask {
    /// Rows it cannot do with less than (while there is room at all).
    pub min: u16,
    /// Rows it would use to show everything.
    pub need: u16,
    /// Whether it shares the height with the others (the story's parts and a focused pick list), or
    /// takes exactly `min` rows (a one-line field).
    pub flexible: bool,
    pub focused: bool,
}

/// Rows a focused box keeps however small the form: its borders and one line of text.
const FOCUS_FLOOR: u16 = 3;

/// The rows each field gets out of `avail`. One-line fields get their row first. The flexible fields
/// share the rest: when everything fits, each gets what it needs and the focused one the spare rows;
/// when not, the focused one gets half the room (or what it needs, if less) and the others share the
/// remainder evenly, a field that needs less giving its share to the rest.
pub fn allocate(asks: &[Ask], avail: u16) -> Vec<u16> {
    let mut out = vec![0u16; asks.len()];
    let mut rest = avail;
    for (i, a) in asks.iter().enumerate().filter(|(_, a)| !a.flexible) {
        out[i] = a.min.min(rest);
        rest -= out[i];
    }
    let flex: Vec<usize> = (0..asks.len()).filter(|&i| asks[i].flexible).collect();
    let focus = flex.iter().copied().find(|&i| asks[i].focused);
    let others: Vec<usize> = flex.iter().copied().filter(|&i| Some(i) != focus).collect();
    let need: u32 = flex
        .iter()
        .map(|&i| u32::from(asks[i].need.max(asks[i].min)))
        .sum();
    if need <= u32::from(rest) {
        for &i in &flex {
            out[i] = asks[i].need.max(asks[i].min);
        }
        if let Some(f) = focus {
            out[f] += rest - need as u16;
        }
        return out;
    }
    let others_min: u16 = others.iter().map(|&i| asks[i].min).sum();
    let f_rows = focus.map_or(0, |f| {
        let a = asks[f];
        let half = (rest / 2).max(a.min);
        let share = half
            .min(a.need.max(a.min))
            .min(rest.saturating_sub(others_min));
        // Never a box with no room for a line of text: the others give way first.
        share.max(FOCUS_FLOOR.min(rest))
    });
    let given = fill(
        &others.iter().map(|&i| asks[i].need).collect::<Vec<_>>(),
        rest - f_rows,
    );
    for (k, &i) in others.iter().enumerate() {
        out[i] = given[k];
    }
    if let Some(f) = focus {
        out[f] = rest - given.iter().sum::<u16>();
    }
    out
}

/// Shares `budget` rows among fields needing `needs`: each gets its need or an even share, whichever
/// is less, and what a small field leaves goes to the bigger ones.
fn fill(needs: &[u16], mut budget: u16) -> Vec<u16> {
    let mut out = vec![0u16; needs.len()];
    let mut order: Vec<usize> = (0..needs.len()).collect();
    order.sort_by_key(|&i| needs[i]);
    let mut left = needs.len() as u16;
    for (k, &i) in order.iter().enumerate() {
        let share = budget / left.max(1);
        let extra = u16::from((budget % left.max(1)) > (order.len() - 1 - k) as u16);
        out[i] = needs[i].min(share + extra);
        budget -= out[i];
        left -= 1;
    }
    out
}

/// `text` wrapped to `width` as lines of styled spans, at most `rows` of them, with `marks` (byte
/// ranges of the text) drawn in `mark`. When the text needs more rows, the last one shown ends with
/// "…". Returns the lines and whether all the text fits.
pub fn wrapped(
    text: &str,
    width: usize,
    rows: usize,
    marks: &[Range<usize>],
    base: Style,
    mark: Style,
) -> (Vec<Line<'static>>, bool) {
    let ranges = rows_of(text, width, rows + 1);
    let fits = ranges.len() <= rows;
    let mut lines: Vec<Line<'static>> = ranges
        .iter()
        .take(rows)
        .map(|r| Line::from(spans(text, r.clone(), marks, base, mark)))
        .collect();
    if !fits && let Some(last) = lines.last_mut() {
        let plain: String = last.spans.iter().map(|s| s.content.as_ref()).collect();
        let keep = plain.width().min(width.saturating_sub(2));
        let chars = fitting_chars(&plain, keep);
        last.spans = clip_spans(std::mem::take(&mut last.spans), chars);
        last.spans.push(Span::styled(" …", base));
    }
    (lines, fits)
}

/// How many characters of `plain` fit in `cols` columns, backing off to the last space when that
/// would cut a word.
fn fitting_chars(plain: &str, cols: usize) -> usize {
    let mut w = 0;
    let mut n = 0;
    for c in plain.chars() {
        let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if w + cw > cols {
            break;
        }
        w += cw;
        n += 1;
    }
    let mid_word = plain.chars().nth(n).is_some_and(|c| c != ' ');
    if mid_word
        && let Some(space) = plain
            .chars()
            .take(n)
            .collect::<Vec<_>>()
            .iter()
            .rposition(|&c| c == ' ')
    {
        return space;
    }
    n
}

/// The first `chars` characters of `spans`, styles kept.
fn clip_spans(spans: Vec<Span<'static>>, mut chars: usize) -> Vec<Span<'static>> {
    let mut out = Vec::new();
    for s in spans {
        if chars == 0 {
            break;
        }
        let n = s.content.chars().count();
        if n <= chars {
            chars -= n;
            out.push(s);
        } else {
            let cut: String = s.content.chars().take(chars).collect();
            out.push(Span::styled(cut, s.style));
            chars = 0;
        }
    }
    out
}

/// How many rows `text` takes at `width`, counting no further than `limit`.
pub fn rows_needed(text: &str, width: usize, limit: usize) -> usize {
    // A row holds at most `width` characters and the space dropped at its break: a text this long
    // needs every row there is, without wrapping it (a 2,000-word Action on every key).
    if text.len() > (width + 1) * limit && text.chars().count() >= (width + 1) * limit {
        return limit.max(1);
    }
    rows_of(text, width, limit).len().max(1)
}

/// The byte ranges of the first `limit` rows of `text` wrapped to `width`, paragraph by paragraph.
/// A paragraph is wrapped only as far as the rows can reach, so a long Action costs little.
fn rows_of(text: &str, width: usize, limit: usize) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for para in text.split('\n') {
        if out.len() >= limit {
            break;
        }
        // No row holds more than `width` columns of at least one byte each, plus the spaces at
        // its break: this much of the paragraph decides its first rows.
        let reach = (limit - out.len() + 1).saturating_mul(width.max(1) * 2 + 8);
        let mut cut = para.len().min(reach);
        while !para.is_char_boundary(cut) {
            cut -= 1;
        }
        for r in wrap(&para[..cut], width) {
            out.push(start + r.start..start + r.end);
        }
        start += para.len() + 1;
    }
    out.truncate(limit);
    out
}

/// The spans of the bytes `row` of `text`, split where marks begin and end.
fn spans(
    text: &str,
    row: Range<usize>,
    marks: &[Range<usize>],
    base: Style,
    mark: Style,
) -> Vec<Span<'static>> {
    let mut out = Vec::new();
    let mut at = row.start;
    for m in marks {
        let (s, e) = (m.start.max(at), m.end.min(row.end));
        if s >= e || !text.is_char_boundary(s) || !text.is_char_boundary(e) {
            continue;
        }
        if s > at {
            out.push(Span::styled(text[at..s].to_string(), base));
        }
        out.push(Span::styled(text[s..e].to_string(), mark));
        at = e;
    }
    if at < row.end {
        out.push(Span::styled(text[at..row.end].to_string(), base));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(a: u16, f: bool) -> Ask {
        Ask {
            min: if f { 5 } else { 1 },
            need: a,
            flexible: true,
            focused: f,
        }
    }

    fn line() -> Ask {
        Ask {
            min: 1,
            need: 1,
            flexible: false,
            focused: false,
        }
    }

    #[test]
    fn when_everything_fits_each_gets_its_need_and_the_focused_the_rest() {
        let asks = [
            line(),
            text(2, false),
            text(1, false),
            text(6, true),
            text(1, false),
            line(),
        ];
        assert_eq!(allocate(&asks, 30), [1, 2, 1, 24, 1, 1]);
    }

    #[test]
    fn when_it_does_not_the_focused_gets_half_and_the_others_share() {
        let asks = [
            line(),
            text(20, false),
            text(2, false),
            text(40, true),
            text(20, false),
            line(),
        ];
        let got = allocate(&asks, 32);
        assert_eq!(got, [1, 6, 2, 15, 7, 1]);
        assert_eq!(got.iter().sum::<u16>(), 32);
        // A focused field needing little gives the room to the others.
        let asks = [text(20, false), text(6, true), text(20, false)];
        assert_eq!(allocate(&asks, 20), [7, 6, 7]);
    }

    #[test]
    fn a_tiny_area_gives_the_one_line_fields_first_and_never_more_than_there_is() {
        let asks = [line(), text(9, false), text(9, true), line()];
        for avail in 0..30 {
            let got = allocate(&asks, avail);
            assert_eq!(got.iter().sum::<u16>(), avail, "{avail}: {got:?}");
        }
        assert_eq!(allocate(&asks, 2), [1, 0, 0, 1]);
        assert_eq!(
            allocate(&asks, 5),
            [1, 0, 3, 1],
            "the focused box keeps a line of text"
        );
    }

    #[test]
    fn wrapped_text_shows_what_fits_and_marks_a_cut_with_an_ellipsis() {
        let t = "one two three four five six";
        let marks = [4..7, 30..30];
        let (lines, fits) = wrapped(t, 10, 2, &marks, Style::new(), Style::new().bold());
        assert!(!fits);
        let rows: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
        assert_eq!(rows, ["one two", "three …"]);
        assert_eq!(lines[0].spans[1].content, "two");
        let (lines, fits) = wrapped("a\nb", 10, 5, &[], Style::new(), Style::new());
        assert!(fits);
        assert_eq!(lines.len(), 2);
        assert_eq!(rows_needed(&"word ".repeat(10_000), 20, 30), 30);
    }
}
