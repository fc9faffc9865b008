//! Shortening text to a width without cutting a word in half: the cut falls between words and ends
//! in " …", so the reader sees that something is left out rather than a broken word.

use ratatui::text::{Line, Span};
use std::borrow::Cow;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// The mark that ends a shortened text.
pub const MORE: &str = "…";

/// The byte length of the longest prefix of `text` at most `width` columns wide.
fn prefix_len(text: &str, width: usize) -> usize {
    let mut col = 0;
    for (i, c) in text.char_indices() {
        let w = c.width().unwrap_or(0);
        if col + w > width {
            return i;
        }
        col += w;
    }
    text.len()
}

/// Where to cut `text` so that what is kept, plus the mark, fits in `width` columns: after the last
/// whole word that fits (`between_words`), or inside the first word when even that one does not fit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cut {
    /// Bytes of the text kept.
    pub end: usize,
    /// True when the cut falls between words, so the mark goes after a space.
    pub between_words: bool,
}

impl Cut {
    /// What goes after the kept text: " …" between words, "…" inside one.
    pub fn mark(self) -> &'static str {
        if self.between_words { " …" } else { MORE }
    }
}

/// Where to cut `text` to fit `width` columns, or `None` when the whole text fits.
pub fn cut_point(text: &str, width: usize) -> Option<Cut> {
    if text.width() <= width {
        return None;
    }
    let room = prefix_len(text, width.saturating_sub(MORE.width() + 1));
    let end = if text[room..].starts_with(' ') {
        room
    } else {
        text[..room].rfind(' ').unwrap_or(0)
    };
    let end = text[..end].trim_end().len();
    if end == 0 {
        // One word wider than the room: cut it, with the mark right after (nothing better exists).
        return Some(Cut {
            end: prefix_len(text, width.saturating_sub(MORE.width())),
            between_words: false,
        });
    }
    Some(Cut {
        end,
        between_words: true,
    })
}

/// `text` cut to fit `width` columns between words, ending in " …" when anything was left out.
pub fn clip_words(text: &str, width: usize) -> Cow<'_, str> {
    match cut_point(text, width) {
        None => Cow::Borrowed(text),
        Some(cut) => Cow::Owned(format!("{}{}", &text[..cut.end], cut.mark())),
    }
}

/// `line` cut to fit `width` columns between words, its spans' styles kept, ending in " …" (in the
/// style of the span that was cut) when anything was left out.
pub fn clip_line(line: &Line<'_>, width: usize) -> Line<'static> {
    let whole: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
    let Some(cut) = cut_point(&whole, width) else {
        return owned(line);
    };
    let end = cut.end;
    let mut spans = Vec::new();
    let mut pos = 0;
    let mut last_style = line.style;
    for s in &line.spans {
        let len = s.content.len();
        if pos >= end {
            break;
        }
        let take = (end - pos).min(len);
        spans.push(Span::styled(s.content[..take].to_string(), s.style));
        last_style = s.style;
        pos += len;
    }
    spans.push(Span::styled(cut.mark(), last_style));
    Line::from(spans).style(line.style)
}

/// A copy of `line` that owns its text.
fn owned(line: &Line<'_>) -> Line<'static> {
    Line::from(
        line.spans
            .iter()
            .map(|s| Span::styled(s.content.to_string(), s.style))
            .collect::<Vec<_>>(),
    )
    .style(line.style)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use ratatui::style::{Style, Stylize};

    #[test]
    fn text_that_fits_is_left_alone() {
        assert_eq!(clip_words("press u to undo", 15), "press u to undo");
    }

    #[test]
    fn the_cut_falls_between_words() {
        assert_eq!(clip_words("press u to undo the delete", 15), "press u to …");
        assert_eq!(
            clip_words("press u to undo the delete", 17),
            "press u to undo …"
        );
    }

    #[test]
    fn a_single_word_too_wide_is_cut_with_the_mark_at_once() {
        assert_eq!(clip_words("extraordinarily", 6), "extra…");
    }

    #[test]
    fn styles_survive_and_the_mark_takes_the_cut_span_style() {
        let line = Line::from(vec!["Enter ".bold(), "study the deck now".into()]);
        let cut = clip_line(&line, 16);
        assert_eq!(cut.to_string(), "Enter study …");
        assert_eq!(cut.spans[0].style, Style::new().bold());
        assert_eq!(cut.spans.last().unwrap().style, Style::new());
    }

    proptest! {
        #[test]
        fn clipped_text_fits_and_never_ends_inside_a_word_that_had_room(
            text in "[a-z日]{1,6}( [a-z日]{1,6}){0,8}",
            width in 4usize..40,
        ) {
            let out = clip_words(&text, width);
            prop_assert!(out.width() <= width, "{out:?} wider than {width}");
            if out != text {
                prop_assert!(out.ends_with(MORE));
                let kept = out.trim_end_matches(MORE).trim_end();
                let first_word_fits = text.split(' ').next().unwrap().width() + 2 <= width;
                if first_word_fits {
                    // What is kept is whole words of the text, in order.
                    prop_assert!(text.starts_with(kept));
                    prop_assert!(text[kept.len()..].starts_with(' '), "{kept:?} cut a word of {text:?}");
                }
            }
        }
    }
}
