//! The answer timer as drawn: mm:ss against the target, a gauge, and words for the phase, all in the
//! phase's colour so the change is noticed without reading, and in words so it never relies on colour.

use crate::domain::practice::{TimerPhase, format_mmss};
use crate::kit::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

/// The timer at one moment.
#[derive(Debug, Clone, Copy)]
pub struct TimerView<'a> {
    pub elapsed: u32,
    pub target: u32,
    pub phase: TimerPhase,
    pub theme: &'a Theme,
}

/// The style of the time for a phase: calm, warning, then alarm.
pub fn phase_style(theme: &Theme, phase: TimerPhase) -> Style {
    match phase {
        TimerPhase::Early => theme.accent,
        TimerPhase::Under => theme.good,
        TimerPhase::Near => theme.warn,
        TimerPhase::Over => theme.bad,
    }
    .add_modifier(Modifier::BOLD)
}

/// Words for the phase, so the state is clear without colour.
pub fn phase_words(phase: TimerPhase) -> &'static str {
    match phase {
        TimerPhase::Early => "keep going",
        TimerPhase::Under => "on time",
        TimerPhase::Near => "time to give your result",
        TimerPhase::Over => "over your target: finish now",
    }
}

impl Widget for TimerView<'_> {
    /// Row 1: `⏱ 01:23 / 02:00  on time`; row 2 (if there is one): a gauge filling toward the target.
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.is_empty() {
            return;
        }
        let style = phase_style(self.theme, self.phase);
        Line::from(vec![
            Span::styled(format_mmss(self.elapsed), style),
            Span::styled(
                format!(" / {}  ", format_mmss(self.target)),
                self.theme.muted,
            ),
            Span::styled(phase_words(self.phase), style),
        ])
        .render(Rect { height: 1, ..area }, buf);
        if area.height >= 2 {
            // A bar filling toward the target, drawn directly so it starts flush with the time.
            let ratio = f64::from(self.elapsed) / f64::from(self.target.max(1));
            let filled = (f64::from(area.width) * ratio.clamp(0.0, 1.0)).round() as u16;
            for x in 0..area.width {
                let style = if x < filled { style } else { self.theme.muted };
                buf.set_string(area.x + x, area.y + 1, BAR, style);
            }
        }
    }
}

/// The gauge's cell: a thick line, the same filled or not; colour and dimness tell them apart, and
/// the time above says the same in numbers.
const BAR: &str = "━";

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::Color;

    fn draw(elapsed: u32, phase: TimerPhase) -> Buffer {
        let mut buf = Buffer::empty(Rect::new(0, 0, 40, 2));
        TimerView {
            elapsed,
            target: 120,
            phase,
            theme: &Theme::COLOR,
        }
        .render(buf.area, &mut buf);
        buf
    }

    #[test]
    fn the_time_changes_colour_as_it_passes_the_target() {
        let under = draw(30, TimerPhase::Under);
        let near = draw(110, TimerPhase::Near);
        let over = draw(130, TimerPhase::Over);
        assert_eq!(under[(0, 0)].symbol(), "0");
        assert_eq!(under[(0, 0)].fg, Color::Green);
        assert_eq!(near[(0, 0)].fg, Color::Yellow);
        assert_eq!(over[(0, 0)].fg, Color::Red);
        assert!(over[(0, 0)].modifier.contains(Modifier::BOLD));
        let row: String = (0..40).map(|x| over[(x, 0)].symbol().to_string()).collect();
        assert!(row.starts_with("02:10 / 02:00  over your target"), "{row}");
    }

    #[test]
    fn the_gauge_fills_in_the_phase_colour_and_stops_at_full() {
        let near = draw(60, TimerPhase::Under);
        assert_eq!(near[(0, 1)].fg, Color::Green, "filled part");
        assert_eq!(
            near[(39, 1)].fg,
            Color::Reset,
            "unfilled part is dim, not coloured"
        );
        let over = draw(500, TimerPhase::Over);
        assert!((0..40).all(|x| over[(x, 1)].fg == Color::Red));
    }

    #[test]
    fn plain_theme_still_says_the_phase_in_words() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 50, 1));
        TimerView {
            elapsed: 130,
            target: 120,
            phase: TimerPhase::Over,
            theme: &Theme::PLAIN,
        }
        .render(buf.area, &mut buf);
        let row: String = (0..50).map(|x| buf[(x, 0)].symbol().to_string()).collect();
        assert!(row.contains("finish now"), "{row}");
        assert_eq!(buf[(0, 0)].fg, Color::Reset);
    }

    #[test]
    fn tiny_areas_do_not_panic() {
        for (w, h) in [(0, 0), (1, 1), (3, 1), (5, 3)] {
            let mut buf = Buffer::empty(Rect::new(0, 0, w, h));
            TimerView {
                elapsed: 1,
                target: 120,
                phase: TimerPhase::Under,
                theme: &Theme::COLOR,
            }
            .render(buf.area, &mut buf);
        }
    }
}
