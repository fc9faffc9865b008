//! Draws the Stories screen: the list, the editor with its coaching panel, and coverage.

mod coverage;
mod editor;
mod form;
mod insights;
mod list;
mod preview;

pub(super) use coverage::{CoverageDoc, coverage_doc};
pub(super) use insights::whole_lines;
pub(super) use preview::BESIDE as PREVIEW_BESIDE;

use super::{Stories, View};
use crate::domain::stories::Completeness;
use crate::kit::{Theme, ViewCtx};
use crate::widgets::doc::fit;
use chrono::{DateTime, Utc};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Span;

pub(super) fn render(st: &Stories, cx: &ViewCtx, area: Rect, buf: &mut Buffer) {
    match st.view {
        View::List => list::render(st, cx, area, buf),
        View::Edit => editor::render(st, cx, area, buf),
        View::Coverage => coverage::render(st, cx, area, buf),
    }
}

/// "S T · R": the letters of the written sections, a dot for each missing one, so it reads without
/// colour too.
pub fn meter(c: Completeness, t: &Theme) -> Vec<Span<'static>> {
    let mut spans = Vec::new();
    for (i, s) in crate::domain::stories::Section::ALL.into_iter().enumerate() {
        if i > 0 {
            spans.push(Span::raw(" "));
        }
        if c.has(s) {
            spans.push(Span::styled(s.letter().to_string(), t.good));
        } else {
            spans.push(Span::styled("·", t.muted));
        }
    }
    spans
}

/// Pads `s` to `width` columns, or cuts it with "…" so a reader knows there is more.
pub fn clip(s: &str, width: usize) -> String {
    // Between words where it can ("upset …"), so no word shows cut in half.
    fit(&crate::widgets::clip::clip_words(s, width), width)
}

/// When something last changed, as a person would say it: "just now", "5 min ago", "yesterday".
pub fn ago(then: Option<DateTime<Utc>>, now: DateTime<Utc>) -> String {
    let Some(then) = then else {
        return "unknown".into();
    };
    let secs = (now - then).num_seconds();
    match secs {
        ..60 => "just now".into(),
        60..3600 => format!("{} min ago", secs / 60),
        3600..86_400 => format!("{} h ago", secs / 3600),
        86_400..172_800 => "yesterday".into(),
        172_800..604_800 => format!("{} days ago", secs / 86_400),
        _ => then.format("%b %-d, %Y").to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn ago_reads_like_speech_and_falls_back_to_a_date() {
        let now = Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap();
        let before = |s: i64| Some(now - chrono::TimeDelta::seconds(s));
        assert_eq!(ago(before(5), now), "just now");
        assert_eq!(
            ago(before(-30), now),
            "just now",
            "a clock skew is not an error"
        );
        assert_eq!(ago(before(300), now), "5 min ago");
        assert_eq!(ago(before(7200), now), "2 h ago");
        assert_eq!(ago(before(90_000), now), "yesterday");
        assert_eq!(ago(before(3 * 86_400), now), "3 days ago");
        assert_eq!(ago(before(30 * 86_400), now), "Oct 24, 2026");
        assert_eq!(ago(None, now), "unknown");
    }

    #[test]
    fn clip_marks_a_cut_and_pads_what_fits() {
        assert_eq!(clip("abc", 5), "abc  ");
        assert_eq!(clip("abcdef", 4), "abc…");
        assert_eq!(clip("日本語です", 6), "日本… ");
        assert_eq!(clip("abc", 0), "");
        assert_eq!(clip("who was upset or angry", 20), "who was upset or …  ");
    }

    #[test]
    fn meter_shows_letters_for_written_sections_and_dots_for_missing_ones() {
        let text: String = meter(Completeness([true, false, true, true]), &Theme::PLAIN)
            .iter()
            .map(|s| s.content.to_string())
            .collect();
        assert_eq!(text, "S · A R");
    }
}
