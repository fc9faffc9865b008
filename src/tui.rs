//! The terminal: entering and always leaving full-screen mode, signals, and the event loop.

use crate::app::App;
use crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
    Event,
};
use crossterm::terminal::{self, EnterAlternateScreen, LeaveAlternateScreen};
use crossterm::{cursor, execute};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use std::io::{self, BufWriter, Stdout, Write};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, TryRecvError};
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
/// ([`crate::storage::crash::handle_panic`], which prints the panic message itself).
fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        restore();
        crate::storage::crash::handle_panic(info);
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

/// Reads terminal events on a thread of its own and hands them over a channel.
///
/// crossterm 0.29 never returns from `event::poll` or `event::read` once the terminal is gone (it
/// re-reads the dead tty forever: crossterm issue #793), so a loop that polls crossterm directly would
/// never see the SIGHUP flag, and never save. Reading on another thread keeps the main loop free to
/// notice signals and deadlines; the stuck thread ends with the process.
fn spawn_reader() -> io::Result<Receiver<io::Result<Event>>> {
    let (tx, rx) = mpsc::channel();
    std::thread::Builder::new()
        .name("terminal-input".into())
        .spawn(move || {
            loop {
                let ev = event::read();
                let failed = ev.is_err();
                if tx.send(ev).is_err() || failed {
                    break;
                }
            }
        })?;
    Ok(rx)
}

/// Runs until the user quits or a signal asks us to stop. Draws once at start and then only after
/// events (all queued events are handled before one draw) or when the app's clock-driven state changes.
pub fn run(app: &mut App, terminal: &mut Term, stop: &AtomicBool) -> io::Result<()> {
    let size = terminal.size()?;
    app.handle_event(Event::Resize(size.width, size.height));
    terminal.draw(|f| f.render_widget(&*app, f.area()))?;
    let events = spawn_reader()?;
    loop {
        let mut dirty = false;
        // Wake for the next deadline (an autosave) if it comes before the usual wake-up.
        let wait = app.next_deadline().map_or(WAKE, |at| {
            (at - chrono::Utc::now())
                .to_std()
                .unwrap_or(Duration::ZERO)
                .min(WAKE)
        });
        let mut next = events.recv_timeout(wait);
        loop {
            match next {
                Ok(ev) => {
                    app.set_now(chrono::Utc::now());
                    dirty |= app.handle_event(ev?);
                }
                Err(RecvTimeoutError::Timeout) => break,
                Err(RecvTimeoutError::Disconnected) => {
                    return Err(io::Error::other("the terminal input closed"));
                }
            }
            if app.should_quit() {
                break;
            }
            next = match events.try_recv() {
                Ok(ev) => Ok(ev),
                Err(TryRecvError::Empty) => Err(RecvTimeoutError::Timeout),
                Err(TryRecvError::Disconnected) => Err(RecvTimeoutError::Disconnected),
            };
        }
        app.set_now(chrono::Utc::now());
        dirty |= app.tick();
        if stop.load(Ordering::Relaxed) {
            app.shutdown();
        }
        if app.should_quit() {
            return Ok(());
        }
        if dirty {
            terminal.draw(|f| f.render_widget(&*app, f.area()))?;
        }
    }
}
