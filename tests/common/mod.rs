//! The test facade: an App over a temporary data dir, driven by keys, paste and the clock as a user
//! and the event loop would, and read back as screen text and files.
#![allow(dead_code)]
#![allow(clippy::unwrap_used, clippy::expect_used)] // panicking is how a test fails

pub mod cli;
pub mod cut;
pub mod data;
pub mod files;
pub mod spelling;
pub mod states;

use chrono::{DateTime, TimeZone, Utc};
use clinicprep::app::{App, Theme};
use clinicprep::storage::paths::Paths;
use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use tempfile::TempDir;

/// A fixed "now" so screens and schedules are the same on every run.
pub fn fixed_now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0)
        .single()
        .expect("valid date")
}

pub struct Harness {
    pub app: App,
    pub dir: TempDir,
}

impl Harness {
    /// A fresh app over an empty temporary data dir.
    pub fn new() -> Harness {
        let dir = tempfile::tempdir().expect("temp dir");
        Harness::in_dir(dir)
    }

    /// An app over `dir`, which a test may have filled first.
    pub fn in_dir(dir: TempDir) -> Harness {
        let app = App::new(Paths::in_dir(dir.path()), fixed_now(), Theme::COLOR);
        Harness { app, dir }
    }

    /// An app over a data dir that holds one file, `name` with `text`, written before it starts.
    pub fn with_file(name: &str, text: &str) -> Harness {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(dir.path().join(name), text).expect("write the file");
        Harness::in_dir(dir)
    }

    /// A fresh app drawn in `theme`.
    pub fn themed(theme: Theme) -> Harness {
        let dir = tempfile::tempdir().expect("temp dir");
        let app = App::new(Paths::in_dir(dir.path()), fixed_now(), theme);
        Harness { app, dir }
    }

    /// Moves the app's clock forward by `secs` seconds and runs its clock work, as the event loop
    /// does between events. Returns whether the app asked for a redraw.
    pub fn advance(&mut self, secs: i64) -> bool {
        self.app
            .set_now(self.app.now() + chrono::Duration::seconds(secs));
        self.app.tick()
    }

    /// Quits and starts a new app over the same data dir, as a restart would.
    pub fn restart(self) -> Harness {
        self.restart_after(|_| {})
    }

    /// Quits, lets `between` change the data dir while no app runs (as other sessions or the user
    /// would), and starts a new app over it.
    pub fn restart_after(mut self, between: impl FnOnce(&std::path::Path)) -> Harness {
        self.app.quit();
        assert!(
            self.app.should_quit(),
            "quit was refused: {:?}",
            self.app.status()
        );
        let Harness { app, dir } = self;
        drop(app);
        between(dir.path());
        Harness::in_dir(dir)
    }

    /// A fresh app on the Practice screen with its set-up answering by typing.
    pub fn practice_by_typing() -> Harness {
        let mut h = Harness::new();
        h.app.update(clinicprep::app::Action::GoTo(
            clinicprep::app::Tab::Practice,
        ));
        h.press("<down><down><down><right><up><up><up>");
        assert!(h.screen(80, 24).contains("‹ Type (or paste) ›"));
        h
    }

    /// Sets the interview date on Home as a user does: `i`, clear the field, type the date, Enter.
    pub fn set_interview(&mut self, date: &str) -> &mut Self {
        self.press("i");
        for _ in 0..12 {
            self.press("<bs>");
        }
        self.type_text(date).press("<enter>");
        assert!(!self.app.typing(), "the date was taken: {}", self.status());
        self
    }

    /// Presses keys written as text: plain characters, or names in angle brackets such as `<tab>`,
    /// `<s-tab>`, `<esc>`, `<enter>`, `<up>`, `<down>`, `<left>`, `<right>`, `<pgup>`, `<pgdn>`,
    /// `<home>`, `<end>`, `<bs>`, `<space>`, `<lt>`, `<f1>`, `<c-left>`, `<c-right>` and `<c-x>` for Ctrl-x.
    pub fn press(&mut self, keys: &str) -> &mut Self {
        for ev in parse_keys(keys) {
            self.app.handle_event(Event::Key(ev));
        }
        self
    }

    /// Types text into whatever has focus, character by character.
    pub fn type_text(&mut self, text: &str) -> &mut Self {
        for c in text.chars() {
            let code = if c == '\n' {
                KeyCode::Enter
            } else {
                KeyCode::Char(c)
            };
            self.app
                .handle_event(Event::Key(KeyEvent::new(code, KeyModifiers::NONE)));
        }
        self
    }

    /// Pastes text as a terminal with bracketed paste would.
    pub fn paste(&mut self, text: &str) -> &mut Self {
        self.app.handle_event(Event::Paste(text.to_string()));
        self
    }

    /// Moves the app's clock forward by `ms` milliseconds and runs its clock-driven work (autosave),
    /// as the event loop does on every wake-up.
    pub fn advance_ms(&mut self, ms: i64) -> &mut Self {
        self.app
            .set_now(self.app.now() + chrono::TimeDelta::milliseconds(ms));
        self.app.tick();
        self
    }

    /// The status line's text, as the user reads it ("" when there is none).
    /// The folder the status line says a copy of unsaved changes went to ("… a copy is in DIR.").
    #[allow(dead_code)] // not every test binary quits with unsaved changes
    pub fn copy_folder(&self) -> std::path::PathBuf {
        let said = self.status();
        let dir = said
            .split("a copy is in ")
            .nth(1)
            .and_then(|rest| rest.strip_suffix('.'))
            .unwrap_or_else(|| panic!("no copy named: {said}"));
        std::path::PathBuf::from(dir)
    }

    pub fn status(&self) -> String {
        self.app.status().map_or(String::new(), |s| s.text.clone())
    }

    /// True while a text field takes the keys typed.
    pub fn typing(&self) -> bool {
        self.app.typing()
    }

    /// The file `rel` under the data dir as text, or `None` when there is no such file.
    pub fn file(&self, rel: &str) -> Option<String> {
        std::fs::read_to_string(self.dir.path().join(rel)).ok()
    }

    /// Renders at `w`×`h` (resizing the app first, as the terminal would) and returns the buffer.
    pub fn render(&mut self, w: u16, h: u16) -> Buffer {
        self.app.handle_event(Event::Resize(w, h));
        let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("test terminal");
        terminal
            .draw(|f| f.render_widget(&self.app, f.area()))
            .expect("draw");
        terminal.backend().buffer().clone()
    }

    /// The screen as text, one line per row, trailing spaces trimmed.
    pub fn screen(&mut self, w: u16, h: u16) -> String {
        buffer_text(&self.render(w, h))
    }
}

pub fn buffer_text(buf: &Buffer) -> String {
    let area = buf.area;
    let mut out = String::new();
    for y in 0..area.height {
        let mut line = String::new();
        let mut skip = 0;
        for x in 0..area.width {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let sym = buf[(x, y)].symbol();
            line.push_str(sym);
            skip = unicode_width::UnicodeWidthStr::width(sym).saturating_sub(1);
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// Finds the first cell where `text` starts on screen, as (x, y).
pub fn find(buf: &Buffer, text: &str) -> Option<(u16, u16)> {
    for y in 0..buf.area.height {
        let row: String = (0..buf.area.width)
            .map(|x| buf[(x, y)].symbol().to_string())
            .collect();
        if let Some(byte) = row.find(text) {
            let x = row[..byte].chars().count() as u16;
            return Some((x, y));
        }
    }
    None
}

pub fn parse_keys(keys: &str) -> Vec<KeyEvent> {
    let mut out = Vec::new();
    let mut chars = keys.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '<' {
            out.push(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
            continue;
        }
        let name: String = chars.by_ref().take_while(|c| *c != '>').collect();
        let (code, mods) = match name.as_str() {
            "tab" => (KeyCode::Tab, KeyModifiers::NONE),
            "s-tab" => (KeyCode::BackTab, KeyModifiers::SHIFT),
            "esc" => (KeyCode::Esc, KeyModifiers::NONE),
            "enter" => (KeyCode::Enter, KeyModifiers::NONE),
            "up" => (KeyCode::Up, KeyModifiers::NONE),
            "down" => (KeyCode::Down, KeyModifiers::NONE),
            "left" => (KeyCode::Left, KeyModifiers::NONE),
            "right" => (KeyCode::Right, KeyModifiers::NONE),
            "pgup" => (KeyCode::PageUp, KeyModifiers::NONE),
            "pgdn" => (KeyCode::PageDown, KeyModifiers::NONE),
            "home" => (KeyCode::Home, KeyModifiers::NONE),
            "end" => (KeyCode::End, KeyModifiers::NONE),
            "bs" => (KeyCode::Backspace, KeyModifiers::NONE),
            "space" => (KeyCode::Char(' '), KeyModifiers::NONE),
            "lt" => (KeyCode::Char('<'), KeyModifiers::NONE),
            "f1" => (KeyCode::F(1), KeyModifiers::NONE),
            "f2" => (KeyCode::F(2), KeyModifiers::NONE),
            "c-left" => (KeyCode::Left, KeyModifiers::CONTROL),
            "c-right" => (KeyCode::Right, KeyModifiers::CONTROL),
            other => match other.strip_prefix("c-").and_then(|s| s.chars().next()) {
                Some(ch) => (KeyCode::Char(ch), KeyModifiers::CONTROL),
                None => panic!("unknown key name <{other}>"),
            },
        };
        let mut ev = KeyEvent::new(code, mods);
        ev.kind = KeyEventKind::Press;
        out.push(ev);
    }
    out
}
