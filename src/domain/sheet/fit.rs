//! Keeping the sheet to one page without a browser: an estimate of the printed height, and the order
//! in which parts are given up when it would not fit.
//!
//! The page is the smaller of the two papers in each direction: A4's width (it is narrower) and US
//! Letter's height (it is shorter), less the margins. Text is laid out as a browser would, a word at
//! a time into lines of the column's width, with the advance width of each character taken from the
//! wider of the two common Linux sans fonts, DejaVu Sans and Liberation Sans (metrically the same as
//! Arial); Helvetica and Segoe UI are narrower still. Every size, line height and gap here is the one
//! the stylesheet in [`super::html`] uses, in points, so the estimate and the print agree. Breaking
//! only at spaces (a browser may also break after a hyphen) and the wider font make the estimate err
//! long, never short; the print test (`tests/sheet_print.rs`) checks the worst case in real Chromium
//! with both fonts and both papers.

use super::{CORE_ASKS, CORE_STORIES, LeftOut, Sheet};
use unicode_width::UnicodeWidthChar;

pub const PT_PER_IN: f32 = 72.0;
/// Page margin on every side.
pub const MARGIN_PT: f32 = 0.4 * PT_PER_IN;
/// A4 is 210 mm wide.
pub const A4_WIDTH_PT: f32 = 595.28;
/// US Letter is 11 in tall.
pub const LETTER_HEIGHT_PT: f32 = 11.0 * PT_PER_IN;
/// The width text may use: A4's, less the margins.
pub const CONTENT_WIDTH_PT: f32 = A4_WIDTH_PT - 2.0 * MARGIN_PT;
/// The height the content may fill: Letter's, less the margins, less a little for rounding in the
/// browser's layout.
pub const CONTENT_HEIGHT_PT: f32 = LETTER_HEIGHT_PT - 2.0 * MARGIN_PT - 6.0;

// Checked when the program is built: the page is the smaller paper in each direction (A4 is
// narrower than Letter, Letter is shorter than A4), and no text is set below 10 pt.
const _: () = assert!(CONTENT_WIDTH_PT < 8.5 * PT_PER_IN - 2.0 * MARGIN_PT);
const _: () = assert!(CONTENT_HEIGHT_PT < 297.0 / 25.4 * PT_PER_IN - 2.0 * MARGIN_PT);
const _: () = assert!(BODY.size >= 10.0 && HEADING.size >= 10.0 && NAME.size >= 10.0);

/// A font size and the line height it is set in.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Type {
    pub size: f32,
    pub line: f32,
    pub bold: bool,
}

/// Body text: 10 pt, never smaller, anywhere on the sheet.
pub const BODY: Type = Type {
    size: 10.0,
    line: 12.5,
    bold: false,
};
pub const BODY_BOLD: Type = Type { bold: true, ..BODY };
/// The person's name at the top.
pub const NAME: Type = Type {
    size: 16.0,
    line: 19.0,
    bold: true,
};
/// Section headings.
pub const HEADING: Type = Type {
    size: 11.0,
    line: 13.5,
    bold: true,
};
/// Space above a heading, and under it (the rule's padding and width, then the gap).
pub const HEADING_ABOVE: f32 = 7.0;
pub const HEADING_PAD: f32 = 1.0;
pub const HEADING_RULE: f32 = 0.75;
pub const HEADING_BELOW: f32 = 2.0;
/// Space above each story after the first, and each list item after the first.
pub const STORY_GAP: f32 = 3.0;
pub const ITEM_GAP: f32 = 1.5;
/// Indent of list items (room for the bullet).
pub const LIST_INDENT: f32 = 12.0;
/// Gap between the two columns of questions | certifications and what to bring.
pub const COLUMN_GAP: f32 = 16.0;

/// Advance widths in thousandths of an em for ASCII 32–126: the wider of DejaVu Sans and Liberation
/// Sans for each character, read from the fonts' `hmtx` tables.
const REGULAR: [u16; 95] = [
    318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337, 636, 636, 636,
    636, 636, 636, 636, 636, 636, 636, 337, 337, 838, 838, 838, 556, 1015, 684, 686, 722, 770, 667,
    611, 778, 752, 295, 500, 667, 557, 863, 748, 787, 667, 787, 722, 667, 611, 732, 684, 989, 685,
    667, 685, 390, 337, 390, 838, 556, 500, 613, 635, 550, 635, 615, 352, 635, 634, 278, 278, 579,
    278, 974, 634, 612, 635, 635, 411, 521, 392, 634, 592, 818, 592, 592, 525, 636, 337, 636, 838,
];
const BOLD: [u16; 95] = [
    348, 456, 521, 838, 696, 1002, 872, 306, 457, 457, 523, 838, 380, 415, 380, 365, 696, 696, 696,
    696, 696, 696, 696, 696, 696, 696, 400, 400, 838, 838, 838, 611, 1000, 774, 762, 734, 830, 683,
    683, 821, 837, 372, 556, 775, 637, 995, 837, 850, 733, 850, 770, 720, 682, 812, 774, 1103, 771,
    724, 725, 457, 365, 457, 838, 556, 500, 675, 716, 593, 716, 678, 435, 716, 712, 343, 343, 665,
    343, 1042, 712, 687, 716, 716, 493, 595, 478, 712, 652, 924, 645, 652, 582, 712, 365, 712, 838,
];

/// The advance width of `c` in points.
fn advance(c: char, t: Type) -> f32 {
    let code = c as u32;
    let milli = if (32..127).contains(&code) {
        let i = (code - 32) as usize;
        if t.bold { BOLD[i] } else { REGULAR[i] }
    } else {
        match c {
            '—' => 1000,
            '–' | '‘' | '’' | '“' | '”' | '·' | '•' => 560,
            _ => match c.width() {
                Some(0) => 0,
                Some(2) => 1000,
                // Accented Latin letters and other scripts: as wide as the widest lowercase letters.
                _ => 720,
            },
        }
    };
    f32::from(milli) / 1000.0 * t.size
}

fn text_width(s: &str, t: Type) -> f32 {
    s.chars().map(|c| advance(c, t)).sum()
}

/// Lines that runs of text take when set one after another in one paragraph `width` points wide.
/// Lines break at spaces; a word wider than a line is broken where it overflows (the stylesheet
/// says `overflow-wrap: anywhere`). Empty text takes no line.
pub fn lines(runs: &[(&str, Type)], width: f32) -> usize {
    let width = width.max(1.0);
    // Each word's width and the width of the space before it. A run that does not start with a
    // space continues the previous run's last word.
    let mut words: Vec<(f32, f32)> = Vec::new();
    let mut glue = false;
    for &(text, t) in runs {
        let starts_with_space = text.starts_with(char::is_whitespace);
        for (i, word) in text.split_whitespace().enumerate() {
            let w = text_width(word, t);
            match words.last_mut() {
                Some(last) if i == 0 && glue && !starts_with_space => last.0 += w,
                _ => words.push((w, advance(' ', t))),
            }
        }
        glue = !words.is_empty() && !text.is_empty() && !text.ends_with(char::is_whitespace);
    }
    let mut lines = 0usize;
    let mut x = 0.0f32;
    for (w, space) in words {
        if lines > 0 && x + space + w <= width {
            x += space + w;
            continue;
        }
        lines += 1;
        if w > width {
            // Broken inside the word: whole lines of it, then the rest.
            let extra = (w / width).ceil() as usize - 1;
            lines += extra;
            x = w - extra as f32 * width;
        } else {
            x = w;
        }
    }
    lines
}

/// Height of a paragraph of one type.
fn para(text: &str, t: Type, width: f32) -> f32 {
    lines(&[(text, t)], width) as f32 * t.line
}

fn heading() -> f32 {
    HEADING_ABOVE + HEADING.line + HEADING_PAD + HEADING_RULE + HEADING_BELOW
}

/// A bulleted list: items with gaps between them.
fn list(items: &[String], width: f32) -> f32 {
    let inner = width - LIST_INDENT;
    let mut h = 0.0;
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            h += ITEM_GAP;
        }
        h += para(item, BODY, inner);
    }
    h
}

/// The text of a story's first line: bold title, then what it shows.
pub fn shows_text(shows: &[String]) -> String {
    if shows.is_empty() {
        String::new()
    } else {
        format!(" — shows {}", shows.join(", ").to_lowercase())
    }
}

/// A fact's line: the fact, then where it comes from.
pub fn source_text(source: &str) -> String {
    format!(" Source: {source}")
}

/// The estimated printed height of `sheet`, in points.
pub fn height(sheet: &Sheet) -> f32 {
    let w = CONTENT_WIDTH_PT;
    let mut h = 0.0;
    let hd = &sheet.header;
    if !hd.name.is_empty() {
        h += para(&hd.name, NAME, w);
    } else {
        h += para("My interview sheet", NAME, w);
    }
    for line in hd.job.iter().chain(hd.when.iter()) {
        h += para(line, BODY, w);
    }
    if !hd.clinic.is_empty() {
        h += para(&hd.clinic.join(" · "), BODY, w);
    }
    if let Some(intro) = &sheet.intro {
        h += heading() + para(intro, BODY, w);
    }
    if !sheet.stories.is_empty() {
        h += heading();
        for (i, s) in sheet.stories.iter().enumerate() {
            if i > 0 {
                h += STORY_GAP;
            }
            let shows = shows_text(&s.shows);
            h += lines(&[(&s.title, BODY_BOLD), (&shows, BODY)], w) as f32 * BODY.line;
            if !s.line.is_empty() {
                h += para(&s.line, BODY, w);
            }
        }
    }
    h += columns(sheet);
    if !sheet.facts.is_empty() {
        h += heading();
        for (i, f) in sheet.facts.iter().enumerate() {
            if i > 0 {
                h += ITEM_GAP;
            }
            let src = source_text(&f.source);
            let text = format!(" {}", f.text);
            let runs = [
                (f.question.as_str(), BODY_BOLD),
                (&text, BODY),
                (&src, BODY),
            ];
            h += lines(&runs, w - LIST_INDENT) as f32 * BODY.line;
        }
    }
    h
}

/// The two columns: questions to ask | certifications and what to bring. Either may be missing, and
/// then the other takes the whole width.
fn columns(sheet: &Sheet) -> f32 {
    let left = !sheet.asks.is_empty();
    let right = !sheet.certifications.is_empty() || sheet.bring.is_some();
    let width = if left && right {
        (CONTENT_WIDTH_PT - COLUMN_GAP) / 2.0
    } else {
        CONTENT_WIDTH_PT
    };
    let l = if left {
        heading() + list(&sheet.asks, width)
    } else {
        0.0
    };
    let mut r = 0.0;
    if !sheet.certifications.is_empty() {
        r += heading() + list(&sheet.certifications, width);
    }
    if let Some(b) = &sheet.bring {
        r += heading() + para(b, BODY, width);
    }
    l.max(r)
}

/// Gives up parts, least important first, until the estimate fits the page, recording each in
/// `left_out`, and sets `fill`. The order: facts (last first), the sixth and fifth story (an unpinned
/// one before a pinned one), questions to ask beyond three, what to bring, certifications beyond
/// three, stories beyond the first, the other questions, certifications, the introduction, the
/// clinic's details. Only a sheet of extraordinary text goes past the first two.
pub fn fit(sheet: &mut Sheet) {
    loop {
        let h = height(sheet);
        sheet.fill = h / CONTENT_HEIGHT_PT;
        if h <= CONTENT_HEIGHT_PT {
            return;
        }
        let Some(gone) = give_up_one(sheet) else {
            return;
        };
        sheet.left_out.push(gone);
    }
}

fn give_up_one(s: &mut Sheet) -> Option<LeftOut> {
    if let Some(f) = s.facts.pop() {
        return Some(LeftOut::Fact(f.text));
    }
    if s.stories.len() > CORE_STORIES {
        return drop_story(s);
    }
    if s.asks.len() > CORE_ASKS {
        return s.asks.pop().map(LeftOut::Ask);
    }
    if s.bring.take().is_some() {
        return Some(LeftOut::Bring);
    }
    if s.certifications.len() > 3 {
        return s.certifications.pop().map(LeftOut::Certification);
    }
    if s.stories.len() > 1 {
        return drop_story(s);
    }
    if let Some(a) = s.asks.pop() {
        return Some(LeftOut::Ask(a));
    }
    if let Some(c) = s.certifications.pop() {
        return Some(LeftOut::Certification(c));
    }
    if s.intro.take().is_some() {
        return Some(LeftOut::Intro);
    }
    if s.header.clinic.pop().is_some() {
        return Some(LeftOut::Clinic);
    }
    None
}

/// The last unpinned story, or the last story if every one is pinned.
fn drop_story(s: &mut Sheet) -> Option<LeftOut> {
    let i = s
        .stories
        .iter()
        .rposition(|st| !st.pinned)
        .or(s.stories.len().checked_sub(1))?;
    Some(LeftOut::Story(s.stories.remove(i).title))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_text_is_one_line_and_nothing_is_none() {
        assert_eq!(lines(&[("Hello there", BODY)], 300.0), 1);
        assert_eq!(lines(&[("", BODY)], 300.0), 0);
        assert_eq!(lines(&[("   ", BODY)], 300.0), 0);
    }

    #[test]
    fn lines_grow_with_text_and_shrink_with_width() {
        let text = "word ".repeat(200);
        let wide = lines(&[(&text, BODY)], CONTENT_WIDTH_PT);
        let narrow = lines(&[(&text, BODY)], CONTENT_WIDTH_PT / 2.0);
        // "word " is about 2.8 em, so about 17 fit a full line.
        assert!((10..=14).contains(&wide), "{wide}");
        assert!(narrow >= 2 * wide - 1, "{narrow} vs {wide}");
    }

    #[test]
    fn a_word_wider_than_the_line_takes_several_lines() {
        let long = "x".repeat(300);
        assert!(lines(&[(&long, BODY)], 100.0) >= 15);
    }

    #[test]
    fn bold_is_wider_and_runs_continue_on_one_line() {
        let t = "Patient care and teamwork on a busy Saturday";
        assert!(text_width(t, BODY_BOLD) > text_width(t, BODY));
        assert_eq!(
            lines(&[("Title", BODY_BOLD), (" — shows teamwork", BODY)], 400.0),
            1
        );
    }
}
