//! Coverage: which competencies the stories show (a grid), and the gaps a new story could fill, one
//! of which can be chosen to start that story.

use super::super::{Stories, display_title};
use crate::domain::content::Id;
use crate::domain::prose::join_and;
use crate::domain::stories::{CompetencyRow, Coverage, Gap, Story, StoryId};
use crate::kit::{AppData, Theme, ViewCtx};
use crate::widgets::doc::{Doc, fit};
use crate::widgets::text::draw_lines;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Block, Scrollbar, ScrollbarOrientation, ScrollbarState, StatefulWidget, Widget,
};
use std::ops::Range;
use unicode_width::UnicodeWidthStr;

/// Columns one story takes in the grid.
const CELL: usize = 3;

/// The coverage view laid out for one width: the document, and where each gap is in it.
#[derive(Debug, Clone, Default)]
pub struct CoverageDoc {
    pub doc: Doc,
    /// Each gap with the document lines it takes, in order.
    pub gaps: Vec<(Gap, Range<usize>)>,
    /// Skills no story is tagged with that a story's words show, with the first such story (in
    /// list order): Enter on that gap opens the story to add the tag.
    pub heard_in: Vec<(Id, StoryId)>,
}

pub(super) fn render(st: &Stories, cx: &ViewCtx, area: Rect, buf: &mut Buffer) {
    let t = cx.theme;
    let block = Block::bordered()
        .title(" Coverage: the skills your stories show ")
        .border_style(t.focus_border);
    let inner = block.inner(area);
    block.render(area, buf);
    let view = st.coverage_doc(cx.data, t, usize::from(inner.width.saturating_sub(1)));
    let d = &view.doc;
    let h = usize::from(inner.height);
    let scroll = st.coverage_scroll.min(d.len().saturating_sub(h));
    let mut lines = d.window(scroll, h).to_vec();
    // The chosen gap is drawn selected.
    if let Some((_, range)) = st.coverage_pick.and_then(|i| view.gaps.get(i)) {
        for k in range.clone() {
            if let Some(line) = k.checked_sub(scroll).and_then(|i| lines.get_mut(i)) {
                *line = line.clone().patch_style(t.selected);
            }
        }
    }
    draw_lines(&lines, inner, buf);
    if d.len() > h {
        let mut state = ScrollbarState::new(d.len() - h).position(scroll);
        Scrollbar::new(ScrollbarOrientation::VerticalRight).render(area, buf, &mut state);
    }
}

/// The coverage view laid out `width` columns wide: advice, the grid, the stories, and the gaps.
/// The Stories screen keeps it between frames (`Stories::coverage_doc`).
pub fn coverage_doc(st: &Stories, data: &AppData, t: &Theme, width: usize) -> CoverageDoc {
    let lib = data.library();
    let stories = data.stories().map(|s| s.list(st.order)).unwrap_or_default();
    let mut cov = Coverage::from_library(lib, &stories);
    let focus = data.focus();
    let asked: std::collections::HashSet<&Id> = lib
        .questions
        .iter()
        .filter(|q| focus.holds_question(q))
        .map(|q| &q.id)
        .collect();
    cov.keep_questions(|id| asked.contains(id));
    let mut d = Doc::new(width);
    let (untagged, heard_in) = untagged(st, &cov, &stories);
    let shown: Vec<&Id> = heard_in.iter().map(|(id, _)| *id).collect();
    let advice = cov.advice_leaving_out(&shown);
    if advice.is_empty() && untagged.is_empty() {
        d.text(
            "✓ Your stories cover the core skills and every behavioral question. Well done.",
            t.good,
        );
    }
    // The quickest gains first: a story that already shows a skill only needs its tag.
    for line in &untagged {
        d.prefixed("› ", "  ", line, t.accent);
    }
    for a in &advice {
        d.prefixed("› ", "  ", a, t.base);
    }
    let gaps = cov.gaps();
    if !gaps.is_empty() {
        d.line(Line::from(vec![
            Span::styled("  Press ", t.muted),
            Span::styled("↓", t.key),
            Span::styled(" to choose a gap below, then ", t.muted),
            Span::styled("Enter", t.key),
            Span::styled(" to write a story for it.", t.muted),
        ]));
    }
    d.blank();
    grid(&mut d, &cov, &stories, t, width);

    d.blank();
    let mut ranges = Vec::new();
    if gaps.is_empty() {
        d.text(
            "✓ Every core skill and behavioral question has a story.",
            t.good,
        );
    } else {
        d.text(
            &format!("Gaps a new story could fill ({}):", gaps.len()),
            t.heading,
        );
        for gap in gaps {
            let text = match &gap {
                Gap::Competency(id) => {
                    let name = lib.competency(id).map_or(id.as_str(), |c| c.name.as_str());
                    match heard_in.iter().find(|(h, _)| *h == id) {
                        Some((_, story)) => format!(
                            "{name} (core skill): “{}” shows it; Enter opens it to add the tag",
                            display_title(&story.title)
                        ),
                        None => format!("{name} (core skill): no story shows it yet"),
                    }
                }
                Gap::Question(id) => lib
                    .question(id)
                    .map_or_else(|| id.to_string(), |q| q.text.clone()),
            };
            let first = d.len();
            d.prefixed("• ", "  ", &text, t.base);
            ranges.push((gap, first..d.len()));
        }
    }
    let other = cov.unanswered.len() - cov.unanswered_behavioural().count();
    if other > 0 {
        d.text(
            &format!(
                "{other} other questions have no story linked; they are usually answered without one."
            ),
            t.muted,
        );
    }
    d.text(
        "Link a question to a story in the editor's Questions field.",
        t.muted,
    );
    CoverageDoc {
        doc: d,
        gaps: ranges,
        heard_in: heard_in
            .iter()
            .map(|(id, story)| ((*id).clone(), story.id.clone()))
            .collect(),
    }
}

/// How many of the stories (in list order) are heard for skills they show untagged: enough for a
/// person's stories, and a bound on the work at thousands.
const HEARD_STORIES: usize = 200;

/// One line for each story (at most three) whose words suggest skills no story is tagged with
/// yet: those gaps are filled already, and only need the tags. With each skill the lines name and
/// the first story that shows it.
fn untagged<'c, 's>(
    st: &Stories,
    cov: &'c Coverage,
    stories: &[&'s Story],
) -> (Vec<String>, Vec<(&'c Id, &'s Story)>) {
    let open: Vec<&CompetencyRow> = cov.uncovered().collect();
    let mut out = Vec::new();
    let mut named: Vec<(&Id, &Story)> = Vec::new();
    if open.is_empty() {
        return (out, named);
    }
    for story in stories.iter().take(HEARD_STORIES) {
        let shown: Vec<&CompetencyRow> = st
            .coach
            .skills
            .heard(story)
            .iter()
            .filter_map(|h| open.iter().find(|r| r.id == h.id).copied())
            .collect();
        for r in &shown {
            if !named.iter().any(|(id, _)| *id == &r.id) {
                named.push((&r.id, story));
            }
        }
        let names: Vec<&str> = shown.iter().map(|r| r.name.as_str()).collect();
        let tags: Vec<String> = shown.iter().map(|r| format!("“{}”", r.id)).collect();
        let (them, tag) = match shown.len() {
            0 => continue,
            1 => ("it", "the tag"),
            _ => ("them", "the tags"),
        };
        out.push(format!(
            "“{}” sounds like {}: add {tag} {} to count {them}.",
            display_title(&story.title),
            join_and(&names),
            join_and(&tags),
        ));
        if out.len() == 3 {
            break;
        }
    }
    (out, named)
}

/// The competencies × stories grid, and the stories' numbers.
fn grid(
    d: &mut Doc,
    cov: &Coverage,
    stories: &[&crate::domain::stories::Story],
    t: &Theme,
    width: usize,
) {
    let name_w = cov
        .rows
        .iter()
        .map(|r| r.name.width() + 2)
        .max()
        .unwrap_or(10)
        .clamp(10, 30);
    let count_w = 11;
    let fits = width.saturating_sub(name_w + count_w) / CELL;
    let shown = stories.len().min(fits);
    let mut head = vec![Span::styled(fit("Skill", name_w), t.heading)];
    for i in 0..shown {
        head.push(Span::styled(format!("{:>w$}", i + 1, w = CELL), t.heading));
    }
    head.push(Span::styled("  stories", t.heading));
    d.line(Line::from(head));
    for r in &cov.rows {
        let name = if r.core {
            format!("{} *", r.name)
        } else {
            r.name.clone()
        };
        let mut spans = vec![Span::styled(
            fit(&name, name_w),
            if r.core { t.title } else { t.base },
        )];
        for &c in r.covered_by.iter().take(shown) {
            spans.push(if c {
                Span::styled("  ●", t.good)
            } else {
                Span::styled("  ·", t.muted)
            });
        }
        let n = r.count();
        spans.push(if n == 0 {
            Span::styled("  none yet", if r.core { t.warn } else { t.muted })
        } else {
            Span::styled(format!("  {n}"), t.base)
        });
        d.line(Line::from(spans));
    }
    d.text(
        "* core: most interviews ask about these. A story shows a skill when it has the skill as a \
         tag, or answers a question about it.",
        t.muted,
    );
    if shown < stories.len() {
        d.text(
            &format!(
                "{} more stories do not fit: widen the window to see them.",
                stories.len() - shown
            ),
            t.muted,
        );
    }
    if !stories.is_empty() {
        d.blank();
        for (i, s) in stories.iter().enumerate() {
            let n = format!("{:>2}  ", i + 1);
            d.prefixed(&n, "    ", display_title(&s.title), t.base);
        }
    }
}
