//! Every style the app draws with, in one place; a plain variant honours NO_COLOR.

use crate::domain::config::ThemeName;
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

    /// Like [`Theme::COLOR`] with accents dark enough to read on a white or pale background: no yellow
    /// or cyan text, which wash out there.
    pub const LIGHT: Theme = Theme {
        base: Style::new(),
        tab: Style::new(),
        tab_active: Style::new()
            .fg(Color::Blue)
            .add_modifier(Modifier::BOLD)
            .add_modifier(Modifier::REVERSED),
        title: Style::new().fg(Color::Blue).add_modifier(Modifier::BOLD),
        heading: Style::new().fg(Color::Magenta).add_modifier(Modifier::BOLD),
        muted: Style::new().add_modifier(Modifier::DIM),
        key: Style::new().fg(Color::Blue).add_modifier(Modifier::BOLD),
        selected: Style::new().add_modifier(Modifier::REVERSED),
        focus_border: Style::new().fg(Color::Blue).add_modifier(Modifier::BOLD),
        border: Style::new().add_modifier(Modifier::DIM),
        good: Style::new().fg(Color::Green).add_modifier(Modifier::BOLD),
        warn: Style::new().fg(Color::Magenta).add_modifier(Modifier::BOLD),
        bad: Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
        accent: Style::new().fg(Color::Magenta),
        matched: Style::new().fg(Color::Black).bg(Color::Yellow),
        banner: Style::new()
            .fg(Color::White)
            .bg(Color::Red)
            .add_modifier(Modifier::BOLD),
    };

    /// White on black, whatever the terminal's own colours, with bright bold accents and nothing
    /// dimmed: for low vision or glare. The frame is painted with `base`, so its background holds.
    pub const HIGH_CONTRAST: Theme = Theme {
        base: Style::new().fg(Color::White).bg(Color::Black),
        tab: Style::new().fg(Color::White).bg(Color::Black),
        tab_active: Style::new()
            .fg(Color::Black)
            .bg(Color::LightYellow)
            .add_modifier(Modifier::BOLD),
        title: Style::new()
            .fg(Color::LightCyan)
            .add_modifier(Modifier::BOLD),
        heading: Style::new()
            .fg(Color::White)
            .add_modifier(Modifier::BOLD)
            .add_modifier(Modifier::UNDERLINED),
        muted: Style::new().fg(Color::White),
        key: Style::new()
            .fg(Color::LightYellow)
            .add_modifier(Modifier::BOLD),
        selected: Style::new()
            .fg(Color::Black)
            .bg(Color::White)
            .add_modifier(Modifier::BOLD),
        focus_border: Style::new()
            .fg(Color::LightYellow)
            .add_modifier(Modifier::BOLD),
        border: Style::new().fg(Color::White),
        good: Style::new()
            .fg(Color::LightGreen)
            .add_modifier(Modifier::BOLD),
        warn: Style::new()
            .fg(Color::LightYellow)
            .add_modifier(Modifier::BOLD),
        bad: Style::new()
            .fg(Color::LightRed)
            .add_modifier(Modifier::BOLD)
            .add_modifier(Modifier::UNDERLINED),
        accent: Style::new()
            .fg(Color::LightMagenta)
            .add_modifier(Modifier::BOLD),
        matched: Style::new()
            .fg(Color::Black)
            .bg(Color::LightYellow)
            .add_modifier(Modifier::BOLD),
        banner: Style::new()
            .fg(Color::Black)
            .bg(Color::LightRed)
            .add_modifier(Modifier::BOLD),
    };

    /// The theme for this environment: plain when `NO_COLOR` is set to anything non-empty
    /// (see no-color.org).
    pub fn from_env() -> Theme {
        Theme::choose(ThemeName::Dark, no_color())
    }

    /// The theme named in the config file, unless `NO_COLOR` asks for none.
    pub fn from_env_and(name: ThemeName) -> Theme {
        Theme::choose(name, no_color())
    }

    /// The theme for a configured name; `no_color` wins over every name.
    pub fn choose(name: ThemeName, no_color: bool) -> Theme {
        match (no_color, name) {
            (true, _) => Theme::PLAIN,
            (false, ThemeName::Dark) => Theme::COLOR,
            (false, ThemeName::Light) => Theme::LIGHT,
            (false, ThemeName::HighContrast) => Theme::HIGH_CONTRAST,
        }
    }
}

/// True when `NO_COLOR` is set to anything non-empty.
fn no_color() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn has_colour(s: Style) -> bool {
        s.fg.is_some_and(|c| c != Color::Reset) || s.bg.is_some_and(|c| c != Color::Reset)
    }

    fn all(t: Theme) -> [Style; 16] {
        [
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
        ]
    }

    #[test]
    fn plain_theme_has_no_colours_but_keeps_emphasis() {
        let t = Theme::PLAIN;
        assert!(all(t).iter().all(|s| !has_colour(*s)));
        assert!(t.selected.add_modifier.contains(Modifier::REVERSED));
        assert!(t.tab_active.add_modifier.contains(Modifier::BOLD));
    }

    #[test]
    fn colour_theme_never_sets_a_fixed_background_for_body_text() {
        assert_eq!(Theme::COLOR.base.bg, None);
        assert_eq!(Theme::COLOR.base.fg, None);
    }

    #[test]
    fn no_color_wins_over_every_configured_theme() {
        for name in ThemeName::ALL {
            assert_eq!(Theme::choose(name, true), Theme::PLAIN);
        }
        assert_eq!(Theme::choose(ThemeName::Dark, false), Theme::COLOR);
        assert_eq!(Theme::choose(ThemeName::Light, false), Theme::LIGHT);
        assert_eq!(
            Theme::choose(ThemeName::HighContrast, false),
            Theme::HIGH_CONTRAST
        );
    }

    #[test]
    fn light_theme_avoids_yellow_and_cyan_text() {
        let washed = [
            Color::Yellow,
            Color::Cyan,
            Color::LightYellow,
            Color::LightCyan,
        ];
        for s in all(Theme::LIGHT) {
            if s.bg.is_none() {
                assert!(!s.fg.is_some_and(|c| washed.contains(&c)), "{s:?}");
            }
        }
    }

    #[test]
    fn high_contrast_never_dims_and_sets_its_own_background() {
        let t = Theme::HIGH_CONTRAST;
        assert!(
            all(t)
                .iter()
                .all(|s| !s.add_modifier.contains(Modifier::DIM))
        );
        assert_eq!(t.base.bg, Some(Color::Black));
        assert_eq!(t.base.fg, Some(Color::White));
        // Text on the black base is never dark.
        let dark = [
            Color::Black,
            Color::Blue,
            Color::DarkGray,
            Color::Red,
            Color::Magenta,
        ];
        for s in all(t) {
            if s.bg.is_none() {
                assert!(!s.fg.is_some_and(|c| dark.contains(&c)), "{s:?}");
            }
        }
    }
}
