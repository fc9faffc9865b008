//! Draws the Guides screen: role list and guide, search results, comparison, and a question's coaching.

use super::Guides;
use super::View;
use crate::domain::content::markup::{self, Block as MBlock};
use crate::domain::content::search::Target;
use crate::domain::content::{GuideSection, Library, Role, prep_model};
use crate::domain::plan::Focus;
use crate::domain::profile::{Background, Profile, Setting};
use crate::kit::{Theme, ViewCtx};
use crate::widgets::coaching::coaching;
use crate::widgets::doc::Doc;
use crate::widgets::text::draw_lines;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{
    Block, Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState, StatefulWidget, Widget,
};

/// Rows the app's chrome takes (tab bar, status line, footer) plus this screen's borders.
const CHROME: u16 = 5;

/// Lines a page of the guide holds at terminal height `h`.
pub fn page_height(h: u16) -> usize {
    usize::from(h.saturating_sub(CHROME)).max(1)
}

fn list_width(w: u16) -> u16 {
    if w < 90 { 14 } else { 24 }
}

/// Text width of the guide pane at terminal width `w` (inside borders, beside the scrollbar).
pub fn doc_width(w: u16) -> usize {
    usize::from(w.saturating_sub(list_width(w) + 3)).max(1)
}

/// Where a line of the guide starts: a section or one of its blocks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Anchor {
    Section(GuideSection),
    Block(GuideSection, usize),
    Figures,
}

/// The background and setting whose coaching notes top each guide.
pub type Coach = (Option<Background>, Option<Setting>);

/// Lays out a role's guide for `width`, recording where each section and block starts. Notes from
/// the coaching for `coach` come first, under "For you".
fn guide_doc(
    role: &Role,
    lib: &Library,
    coach: Coach,
    width: usize,
    t: &Theme,
) -> (Doc, Vec<(Anchor, usize)>) {
    let mut d = Doc::new(width);
    let mut anchors = Vec::new();
    d.text(&role.name, t.title);
    if !role.also_called.is_empty() {
        d.text(
            &format!("Also called: {}", role.also_called.join(", ")),
            t.muted,
        );
    }
    let profile = Profile {
        background: coach.0,
        setting: coach.1,
        ..Profile::default()
    };
    for note in Focus::new(&profile, lib).guide_notes(lib, &role.id) {
        d.blank();
        // Named for what the note is about: a school OTA read "For you (Working PTA or OTA)"
        // over the note for school jobs.
        let who = match (
            note.background.as_deref().and_then(Background::parse),
            note.setting.as_deref().and_then(Setting::parse),
        ) {
            (Some(b), _) => b.label().to_string(),
            (None, Some(s)) => format!("{} jobs", s.label()),
            (None, None) => "you".to_string(),
        };
        d.text(&format!("▍For you ({who})"), t.accent);
        d.text(note.note.trim(), t.base);
        if let Some(s) = note.section.as_deref().and_then(prep_model::section) {
            d.text(
                &format!("From the \"{}\" section below.", s.title()),
                t.muted,
            );
        }
    }
    for section in GuideSection::ALL {
        d.blank();
        anchors.push((Anchor::Section(section), d.len()));
        d.text(&format!("▍{}", section.title()), t.heading);
        for (i, block) in markup::blocks(role.section(section)).iter().enumerate() {
            anchors.push((Anchor::Block(section, i), d.len()));
            match block {
                MBlock::Heading(h) => {
                    d.blank();
                    d.text(h, t.title);
                }
                MBlock::Paragraph(p) => {
                    d.blank();
                    d.text(p, t.base);
                }
                MBlock::Bullet(b) => d.prefixed("• ", "  ", b, t.base),
            }
        }
        if section == GuideSection::Pay && !role.figure.is_empty() {
            d.blank();
            anchors.push((Anchor::Figures, d.len()));
            d.text("Figures", t.title);
            for f in &role.figure {
                d.prefixed(
                    "• ",
                    "  ",
                    &format!("{}: {} (as of {})", f.label, f.value, f.as_of),
                    t.base,
                );
                let caveat = if f.check {
                    " — weaker source, check before quoting"
                } else {
                    ""
                };
                d.prefixed(
                    "  ",
                    "  ",
                    &format!("Source: {}{caveat}", f.source),
                    if f.check { t.warn } else { t.muted },
                );
            }
        }
    }
    d.blank();
    d.text("▍Questions to ask the interviewer", t.heading);
    for a in role.asks.iter().filter_map(|id| lib.ask(id)) {
        d.prefixed("• ", "  ", &a.text, t.base);
        d.prefixed("  ", "  ", &format!("Why: {}", a.why), t.muted);
    }
    (d, anchors)
}

fn role_doc(
    lib: &Library,
    role: usize,
    coach: Coach,
    width: usize,
) -> Option<(Doc, Vec<(Anchor, usize)>)> {
    lib.roles
        .get(role)
        .map(|r| guide_doc(r, lib, coach, width, &Theme::PLAIN))
}

/// One scrolled document of the Guides screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Page {
    /// A role's guide, with the coaching notes for a background and setting.
    Guide(usize, Coach),
    /// Two roles side by side.
    Compare(usize, usize),
    /// A question's coaching notes.
    Question(usize),
}

/// A page laid out for one terminal width: its lines and, for a guide, where each section starts.
#[derive(Debug, Clone, Default)]
pub struct Laid {
    pub doc: Doc,
    pub sections: Vec<usize>,
    /// Where each section and block of a guide starts, in order.
    anchors: Vec<(Anchor, usize)>,
}

impl Laid {
    /// The lines a guide block takes: from its start to the next section, block or figures.
    fn block_lines(&self, section: GuideSection, block: usize) -> Option<std::ops::Range<usize>> {
        let at = self
            .anchors
            .iter()
            .position(|(k, _)| *k == Anchor::Block(section, block))?;
        let start = self.anchors[at].1;
        let end = self.anchors.get(at + 1).map_or(self.doc.len(), |(_, l)| *l);
        Some(start..end)
    }
}

/// Lays out `page` for terminal width `w` in theme `t`. The Guides screen keeps the result between
/// frames (`Guides::laid_out`), since wrapping a whole guide costs more than drawing it.
pub fn lay_out(lib: &Library, page: Page, w: u16, t: &Theme) -> Laid {
    match page {
        Page::Guide(role, coach) => lib.roles.get(role).map_or_else(Laid::default, |r| {
            let (doc, anchors) = guide_doc(r, lib, coach, doc_width(w), t);
            let sections = anchors
                .iter()
                .filter(|(k, _)| matches!(k, Anchor::Section(_)))
                .map(|(_, l)| *l)
                .collect();
            Laid {
                doc,
                sections,
                anchors,
            }
        }),
        Page::Compare(a, b) => Laid {
            doc: super::compare::compare_doc(lib, (a, b), w, t),
            sections: Vec::new(),
            anchors: Vec::new(),
        },
        Page::Question(q) => Laid {
            doc: question_doc(lib, q, w, t),
            sections: Vec::new(),
            anchors: Vec::new(),
        },
    }
}

/// The guide line a search target points at.
pub fn anchor_line(lib: &Library, target: Target, coach: Coach, width: usize) -> usize {
    let (role, want) = match target {
        Target::Section {
            role,
            section,
            block,
        } => (
            role,
            // A section's first block opens under the section's own heading, which names it.
            match block {
                0 => Anchor::Section(section),
                _ => Anchor::Block(section, block),
            },
        ),
        Target::Figure { role, .. } => (role, Anchor::Figures),
        _ => return 0,
    };
    role_doc(lib, role, coach, width)
        .and_then(|(_, a)| a.into_iter().find(|(k, _)| *k == want).map(|(_, l)| l))
        .unwrap_or(0)
}

/// A question's coaching notes.
fn question_doc(lib: &Library, q: usize, w: u16, t: &Theme) -> Doc {
    let mut d = Doc::new(usize::from(w.saturating_sub(4)).max(1));
    let Some(q) = lib.questions.get(q) else {
        return d;
    };
    d.text(&q.text, t.title);
    let roles: Vec<&str> = q
        .roles
        .iter()
        .filter_map(|r| lib.role(r))
        .map(|r| r.short.as_str())
        .collect();
    let roles = if roles.is_empty() {
        "every role".to_string()
    } else {
        roles.join(", ")
    };
    d.text(
        &format!("{} · asked for {roles}", q.category.label()),
        t.muted,
    );
    let comps: Vec<&str> = q
        .competencies
        .iter()
        .filter_map(|c| lib.competency(c))
        .map(|c| c.name.as_str())
        .collect();
    d.text(&format!("Probes: {}", comps.join(", ")), t.muted);
    coaching(&mut d, q, t);
    d
}

/// Draws the Guides screen in `area`.
pub(super) fn render(g: &Guides, cx: &ViewCtx, area: Rect, buf: &mut Buffer) {
    let lib = cx.data.library();
    let t = cx.theme;
    if lib.roles.is_empty() {
        Paragraph::new("No role guides are loaded. Run `clinicprep check` to see why.")
            .render(area, buf);
        return;
    }
    match g.view {
        View::Guide => {
            let [list, body] = Layout::horizontal([
                Constraint::Length(list_width(cx.size.0)),
                Constraint::Fill(1),
            ])
            .areas(area);
            let items: Vec<Line> = lib
                .roles
                .iter()
                .enumerate()
                .map(|(i, r)| {
                    // "›" shows the cursor without colour too, as in the set-up.
                    let (pointer, style) = if i == g.role {
                        ("› ", t.selected)
                    } else {
                        ("  ", t.base)
                    };
                    Line::styled(format!("{pointer}{}", r.short), style)
                })
                .collect();
            Paragraph::new(items)
                .block(Block::bordered().title(" Roles ").border_style(t.border))
                .render(list, buf);
            if let Some(laid) = g.laid_out(lib, cx.size.0, t) {
                scrolled(&laid.doc, g.scroll, " Guide ", t, body, buf);
                if let Some(f) = g.found.as_ref().filter(|f| f.role == g.role)
                    && let Some(lines) = laid.block_lines(f.section, f.block)
                {
                    let inner = Block::bordered().inner(body);
                    crate::widgets::mark::mark(
                        &laid.doc, g.scroll, lines, &f.words, inner, t.matched, buf,
                    );
                }
            }
        }
        View::Compare => {
            if let Some(laid) = g.laid_out(lib, cx.size.0, t) {
                scrolled(&laid.doc, g.compare_scroll, " Compare ", t, area, buf);
            }
        }
        View::Question(_) => {
            if let Some(laid) = g.laid_out(lib, cx.size.0, t) {
                scrolled(
                    &laid.doc,
                    g.question_scroll,
                    " Question coaching ",
                    t,
                    area,
                    buf,
                );
            }
        }
        View::Search => super::search_view::render(g, cx, area, buf),
    }
}

/// A bordered, scrolled document with a scrollbar.
fn scrolled(doc: &Doc, scroll: usize, title: &str, t: &Theme, area: Rect, buf: &mut Buffer) {
    let block = Block::bordered()
        .title(title.to_string())
        .border_style(t.focus_border);
    let inner = block.inner(area);
    block.render(area, buf);
    let h = usize::from(inner.height);
    draw_lines(doc.window(scroll, h), inner, buf);
    if doc.len() > h {
        let mut state = ScrollbarState::new(doc.len().saturating_sub(h))
            .position(scroll.min(doc.len().saturating_sub(h)));
        Scrollbar::new(ScrollbarOrientation::VerticalRight).render(area, buf, &mut state);
    }
}
