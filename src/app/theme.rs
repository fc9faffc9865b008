//! Every style the app draws with, in one place; a plain variant honours NO_COLOR.

use ratatui::style::{Color, Modifier, Style};

/// The app's styles. Colours are the 16 ANSI ones with the terminal's own foreground and background, so
/// they read on light and dark themes alike; emphasis that matters also uses bold or reverse, so nothing
/// depends on colour alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub base: Style,
    pub tab: Style,
    pub tab_active: Style,
    pub title: Style,
    pub heading: Style,
    pub muted: Style,
    pub key: Style,
    pub selected: Style,
    pub focus_border: Style,
    pub border: Style,
    pub good: Style,
    pub warn: Style,
    pub bad: Style,
    pub accent: Style,
    pub matched: Style,
    /// The read-only banner: must stand out from everything else on screen.
    pub banner: Style,
}

impl Theme {
    /// Colours from the terminal's 16-colour palette.
    pub const COLOR: Theme = Theme {
        base: Style::new(),
        tab: Style::new(),
        tab_active: Style::new()
            .fg(Color::Cyan)
            .add_modifier(Modifier::BOLD)
            .add_modifier(Modifier::REVERSED),
        title: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
        heading: Style::new().fg(Color::Blue).add_modifier(Modifier::BOLD),
        muted: Style::new().add_modifier(Modifier::DIM),
        key: Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
        selected: Style::new().add_modifier(Modifier::REVERSED),
        focus_border: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
        border: Style::new().add_modifier(Modifier::DIM),
        good: Style::new().fg(Color::Green),
        warn: Style::new().fg(Color::Yellow),
        bad: Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
        accent: Style::new().fg(Color::Magenta),
        matched: Style::new().fg(Color::Black).bg(Color::Yellow),
        banner: Style::new()
            .fg(Color::Black)
            .bg(Color::Yellow)
            .add_modifier(Modifier::BOLD),
    };

    /// No colours at all (NO_COLOR): bold, dim, underline and reverse carry the emphasis.
    pub const PLAIN: Theme = Theme {
        base: Style::new(),
        tab: Style::new(),
        tab_active: Style::new()
            .add_modifier(Modifier::BOLD)
            .add_modifier(Modifier::REVERSED),
        title: Style::new().add_modifier(Modifier::BOLD),
        heading: Style::new()
            .add_modifier(Modifier::BOLD)
            .add_modifier(Modifier::UNDERLINED),
        muted: Style::new().add_modifier(Modifier::DIM),
        key: Style::new().add_modifier(Modifier::BOLD),
        selected: Style::new().add_modifier(Modifier::REVERSED),
        focus_border: Style::new().add_modifier(Modifier::BOLD),
        border: Style::new(),
        good: Style::new(),
        warn: Style::new().add_modifier(Modifier::BOLD),
        bad: Style::new().add_modifier(Modifier::BOLD),
        accent: Style::new().add_modifier(Modifier::ITALIC),
        matched: Style::new()
            .add_modifier(Modifier::REVERSED)
            .add_modifier(Modifier::UNDERLINED),
        banner: Style::new()
            .add_modifier(Modifier::REVERSED)
            .add_modifier(Modifier::BOLD),
    };

    /// The theme for this environment: plain when `NO_COLOR` is set to anything non-empty
    /// (see no-color.org).
    pub fn from_env() -> Theme {
        match std::env::var_os("NO_COLOR") {
            Some(v) if !v.is_empty() => Theme::PLAIN,
            _ => Theme::COLOR,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn has_colour(s: Style) -> bool {
        s.fg.is_some_and(|c| c != Color::Reset) || s.bg.is_some_and(|c| c != Color::Reset)
    }

    #[test]
    fn plain_theme_has_no_colours_but_keeps_emphasis() {
        let t = Theme::PLAIN;
        let all = [
            t.base,
            t.tab,
            t.tab_active,
            t.title,
            t.heading,
            t.muted,
            t.key,
            t.selected,
            t.focus_border,
            t.border,
            t.good,
            t.warn,
            t.bad,
            t.accent,
            t.matched,
            t.banner,
        ];
        assert!(all.iter().all(|s| !has_colour(*s)));
        assert!(t.selected.add_modifier.contains(Modifier::REVERSED));
        assert!(t.tab_active.add_modifier.contains(Modifier::BOLD));
    }

    #[test]
    fn colour_theme_never_sets_a_fixed_background_for_body_text() {
        assert_eq!(Theme::COLOR.base.bg, None);
        assert_eq!(Theme::COLOR.base.fg, None);
    }
}
