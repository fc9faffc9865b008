//! Draws the shell: tab bar, read-only banner, the current screen, status line, footer and overlays.

use super::{App, MIN_HEIGHT, MIN_WIDTH, Overlay};
use crate::kit::Tab;
use crate::widgets::{text, wrap};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Widget, Wrap};
use unicode_width::UnicodeWidthStr;

const BRAND: &str = " clinicprep ";

/// True when the brand fits on the top row beside every tab at terminal width `width`; in a narrow
/// window the tabs, which the user needs, keep the room.
fn brand_fits(width: u16) -> bool {
    let tabs: usize = Tab::ALL.iter().map(|t| t.title().width() + 3).sum();
    BRAND.width() + 1 + tabs <= usize::from(width)
}

/// The columns each tab title occupies on the top row at terminal width `width`, for drawing and
/// for mouse clicks.
pub fn tab_ranges(width: u16) -> Vec<(Tab, std::ops::Range<u16>)> {
    let mut x = if brand_fits(width) {
        BRAND.width() as u16 + 1
    } else {
        0
    };
    Tab::ALL
        .iter()
        .map(|t| {
            let w = t.title().width() as u16 + 2;
            let r = x..x + w;
            x += w + 1;
            (*t, r)
        })
        .collect()
}

/// The tab under a click at (`col`, `row`), if any.
pub fn tab_at(width: u16, col: u16, row: u16) -> Option<Tab> {
    if row != 0 || width < MIN_WIDTH {
        return None;
    }
    tab_ranges(width)
        .into_iter()
        .find(|(_, r)| r.contains(&col))
        .map(|(t, _)| t)
}

impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        // Themes with their own background (high contrast) paint every cell first; patching the
        // default style changes nothing, so the other themes skip the pass over every cell.
        if self.theme.base != ratatui::style::Style::default() {
            buf.set_style(area, self.theme.base);
        }
        if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
            too_small(area, buf, self.typing());
            return;
        }
        let banner_lines = self.banner_lines(area.width);
        let status_lines = self.status_lines(area.width);
        let [tabs, banner, body, status, footer] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(banner_lines.len() as u16),
            Constraint::Fill(1),
            Constraint::Length(status_lines.len().max(1) as u16),
            Constraint::Length(1),
        ])
        .areas(area);
        self.render_tabs(tabs, buf);
        self.render_banner(&banner_lines, banner, buf);
        match &self.panel {
            Some(panel) => panel.screen().render(&self.view_ctx(), body, buf),
            None => self
                .screens
                .get(self.tab)
                .render(&self.view_ctx(), body, buf),
        }
        self.render_status(&status_lines, status, buf);
        self.render_footer(footer, buf);
        match &self.overlay {
            Some(Overlay::Help(scroll)) => self.render_help(*scroll, area, buf),
            Some(Overlay::ConfirmQuit(question)) => self.render_confirm(
                (" Not saved ", question),
                ("quit anyway", "stay and keep trying to save"),
                area,
                buf,
            ),
            Some(Overlay::LeaveRound) => {
                // An answer shorter than this is a key pressed too soon, and is not kept.
                let question = format!(
                    "Quit now? This interview's answers so far are kept, with the one you are \
                     giving if it has run {} seconds, and it shows in your past rounds.",
                    crate::domain::practice::MIN_ANSWER_SECS
                );
                self.render_confirm(
                    (" In the middle of the interview ", &question),
                    ("quit", "stay in the interview"),
                    area,
                    buf,
                );
            }
            None => {}
        }
    }
}

/// What a window too small to draw the screens shows instead; `typing` while a text field has
/// focus, where q is a letter and the words typed still go into the text.
fn too_small(area: Rect, buf: &mut Buffer, typing: bool) {
    let what = if typing {
        "make it bigger (what you type still goes into your text), or press Ctrl-C to quit."
    } else {
        "make it bigger, or press q to quit."
    };
    let text = format!(
        "Window too small ({}×{}). clinicprep needs {MIN_WIDTH}×{MIN_HEIGHT}: {what}",
        area.width, area.height
    );
    Paragraph::new(text)
        .wrap(Wrap { trim: true })
        .render(area, buf);
}

impl App {
    fn render_tabs(&self, area: Rect, buf: &mut Buffer) {
        let t = &self.theme;
        let mut spans = Vec::new();
        if brand_fits(area.width) {
            spans.extend([Span::styled(BRAND, t.title), Span::raw(" ")]);
        }
        for (tab, _) in tab_ranges(area.width) {
            let style = if tab == self.tab.in_bar() {
                t.tab_active
            } else {
                t.tab
            };
            spans.push(Span::styled(format!(" {} ", tab.title()), style));
            spans.push(Span::raw(" "));
        }
        let used: usize = spans.iter().map(|s| s.width()).sum();
        let label = self.role_label(usize::from(area.width).saturating_sub(used + 1));
        if !label.is_empty() {
            let pad = usize::from(area.width).saturating_sub(used + label.width() + 1);
            spans.push(Span::raw(" ".repeat(pad)));
            spans.push(Span::styled(label, t.accent));
        }
        text::draw_line(&Line::from(spans), area, buf);
    }

    /// Which role is in focus, and the key that switches, to fit in `room` columns: "PT aide · m all
    /// roles", shorter when it must be, nothing when even the role does not fit.
    fn role_label(&self, room: usize) -> String {
        let lib = self.data.library();
        let focus = self.data.focus();
        let role = focus.label(lib);
        let long = if self.data.showing_all_roles() {
            format!("{role} (m: mine)")
        } else if focus.is_every_role() {
            role.clone()
        } else {
            format!("{role} (m: all)")
        };
        [long, role]
            .into_iter()
            .find(|s| s.width() <= room)
            .unwrap_or_default()
    }

    /// The read-only banner's text wrapped to `width` (at most 3 lines), or nothing when we are the
    /// writer. It names the folder, which came from the command line: cleaned like any other text.
    fn banner_lines(&self, width: u16) -> Vec<String> {
        let Some(holder) = self.data.read_only() else {
            return Vec::new();
        };
        let text =
            crate::storage::sanitize::clean_line(&format!("READ-ONLY  {}", holder.message()));
        wrap::wrap(&text, usize::from(width.saturating_sub(2)))
            .into_iter()
            .take(3)
            .map(|r| text[r].to_string())
            .collect()
    }

    /// Full-width lines under the tabs while another instance is the writer.
    fn render_banner(&self, lines: &[String], area: Rect, buf: &mut Buffer) {
        buf.set_style(area, self.theme.banner);
        let lines: Vec<Line> = lines.iter().map(|l| Line::raw(format!(" {l}"))).collect();
        Paragraph::new(lines)
            .style(self.theme.banner)
            .render(area, buf);
    }

    /// Asks whether to quit although text could not be saved.
    /// A yes/no question over the screen: (title, question) and what y and n do.
    fn render_confirm(
        &self,
        (title, question): (&str, &str),
        (yes, no): (&str, &str),
        area: Rect,
        buf: &mut Buffer,
    ) {
        let t = &self.theme;
        let w = area.width.saturating_sub(8).min(64);
        let h = 9.min(area.height.saturating_sub(2));
        let popup = Rect {
            x: area.x + (area.width - w) / 2,
            y: area.y + (area.height - h) / 2,
            width: w,
            height: h,
        };
        Clear.render(popup, buf);
        Paragraph::new(vec![
            Line::styled(question.to_string(), t.base),
            Line::default(),
            Line::from(vec![
                Span::styled("y", t.key),
                Span::styled(format!(" {yes}   "), t.base),
                Span::styled("n", t.key),
                Span::styled(format!(" {no}"), t.base),
            ]),
        ])
        .wrap(Wrap { trim: true })
        .block(Block::bordered().title(title).border_style(t.bad))
        .render(popup, buf);
    }
}
