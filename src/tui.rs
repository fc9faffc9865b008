//! The terminal: entering and always leaving full-screen mode, signals, and the event loop.

use crate::app::App;
use crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use crossterm::terminal::{self, EnterAlternateScreen, LeaveAlternateScreen};
use crossterm::{cursor, execute};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use std::io::{self, BufWriter, Stdout, Write};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

/// Frames are written through a 64 KiB buffer so each frame reaches the terminal in one write.
pub type Term = Terminal<CrosstermBackend<BufWriter<Stdout>>>;

/// How often the loop wakes with nothing to do, to notice signals and deadlines. Nothing is drawn on
/// these wake-ups unless the app says something changed.
const WAKE: Duration = Duration::from_millis(200);

/// Restores the terminal when dropped, so every exit path (return, error, unwinding panic) leaves the
/// user's shell usable.
pub struct Session {
    pub terminal: Term,
}

impl Session {
    /// Enters raw mode and the alternate screen, with mouse capture and bracketed paste, and installs a
    /// panic hook that restores the terminal, then writes a crash report and says where it is.
    pub fn start() -> io::Result<Session> {
        install_panic_hook();
        terminal::enable_raw_mode()?;
        let mut out = io::stdout();
        if let Err(e) = execute!(
            out,
            EnterAlternateScreen,
            EnableMouseCapture,
            EnableBracketedPaste
        ) {
            restore();
            return Err(e);
        }
        let backend = CrosstermBackend::new(BufWriter::with_capacity(64 * 1024, io::stdout()));
        match Terminal::new(backend) {
            Ok(terminal) => Ok(Session { terminal }),
            Err(e) => {
                restore();
                Err(e)
            }
        }
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        restore();
    }
}

/// Undoes everything `start` did. Safe to call more than once and when the terminal is gone (SIGHUP):
/// errors are ignored because there is nowhere left to report them.
pub fn restore() {
    let mut out = io::stdout();
    let _ = execute!(
        out,
        DisableBracketedPaste,
        DisableMouseCapture,
        LeaveAlternateScreen,
        cursor::Show
    );
    let _ = terminal::disable_raw_mode();
    let _ = out.flush();
}

/// On a panic: restore the terminal first (so the message is readable and the shell usable), then
/// write the crash report, keep unsaved editor text and tell the person where both are
/// ([`crate::crash::handle_panic`], which prints the panic message itself).
fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        restore();
        crate::crash::handle_panic(info);
    }));
}

/// Set when SIGTERM, SIGHUP, SIGINT or SIGQUIT arrives; the loop then saves and exits cleanly.
pub fn register_signals() -> io::Result<Arc<AtomicBool>> {
    let flag = Arc::new(AtomicBool::new(false));
    for sig in [
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGHUP,
        signal_hook::consts::SIGINT,
        signal_hook::consts::SIGQUIT,
    ] {
        signal_hook::flag::register(sig, Arc::clone(&flag))?;
    }
    Ok(flag)
}

/// Runs until the user quits or a signal asks us to stop. Draws once at start and then only after
/// events (all queued events are handled before one draw) or when the app's clock-driven state changes.
pub fn run(app: &mut App, terminal: &mut Term, stop: &AtomicBool) -> io::Result<()> {
    let size = terminal.size()?;
    app.size = (size.width, size.height);
    terminal.draw(|f| f.render_widget(&*app, f.area()))?;
    loop {
        let mut dirty = false;
        if event::poll(WAKE)? {
            loop {
                app.now = chrono::Utc::now();
                dirty |= app.handle_event(event::read()?);
                if app.should_quit || !event::poll(Duration::ZERO)? {
                    break;
                }
            }
        }
        app.now = chrono::Utc::now();
        dirty |= app.tick();
        if stop.load(Ordering::Relaxed) {
            app.quit();
        }
        if app.should_quit {
            return Ok(());
        }
        if dirty {
            terminal.draw(|f| f.render_widget(&*app, f.area()))?;
        }
    }
}
