//! The terminal: entering and always leaving full-screen mode, signals and job control (suspend and
//! resume), and the event loop.

use crate::app::App;
use crate::kit::{Action, keymap};
use crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers,
};
use crossterm::terminal::{self, EnterAlternateScreen, LeaveAlternateScreen};
use crossterm::{cursor, execute};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use std::io::{self, BufWriter, Stdout, Write};
use std::mem::ManuallyDrop;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender, TryRecvError};
use std::time::Duration;

/// Frames are written through a 64 KiB buffer so each frame reaches the terminal in one write.
pub type Term = Terminal<CrosstermBackend<BufWriter<Stdout>>>;

/// How often the loop wakes with nothing to do, to notice signals and deadlines. Nothing is drawn on
/// these wake-ups unless the app says something changed.
const WAKE: Duration = Duration::from_millis(200);

/// Restores the terminal when dropped, so every exit path (return, error, unwinding panic) leaves the
/// user's shell usable.
pub struct Session {
    /// Never dropped: ratatui's `Terminal` shows the cursor when dropped and prints to stderr when
    /// it cannot, and printing to a terminal window that was closed panics. [`restore`] shows the
    /// cursor instead, ignoring what fails, and the process is about to end.
    pub terminal: ManuallyDrop<Term>,
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
            Ok(terminal) => Ok(Session {
                terminal: ManuallyDrop::new(terminal),
            }),
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

/// What wakes the event loop: a terminal event, or job control.
enum Wake {
    Input(io::Result<Event>),
    /// SIGTSTP (the shell's job control) or the suspend key: give the terminal back and stop.
    Suspend,
    /// SIGCONT: we were stopped and are running again; take the terminal back and redraw everything.
    Continue,
}

/// Reads terminal events on a thread of its own and hands them over a channel.
///
/// crossterm 0.29 never returns from `event::poll` or `event::read` once the terminal is gone (it
/// re-reads the dead tty forever: crossterm issue #793), so a loop that polls crossterm directly would
/// never see the SIGHUP flag, and never save. Reading on another thread keeps the main loop free to
/// notice signals and deadlines; the stuck thread ends with the process.
fn spawn_reader(tx: Sender<Wake>) -> io::Result<()> {
    std::thread::Builder::new()
        .name("terminal-input".into())
        .spawn(move || {
            loop {
                let ev = event::read();
                let failed = ev.is_err();
                if tx.send(Wake::Input(ev)).is_err() || failed {
                    break;
                }
            }
        })?;
    Ok(())
}

/// Turns SIGTSTP and SIGCONT into [`Wake`]s. Without a handler SIGTSTP would stop us with the
/// alternate screen, mouse reporting and raw mode still on, and after `fg` nothing would be redrawn.
#[cfg(unix)]
fn spawn_job_control(tx: Sender<Wake>) -> io::Result<signal_hook::iterator::Handle> {
    use signal_hook::consts::{SIGCONT, SIGTSTP};
    let mut signals = signal_hook::iterator::Signals::new([SIGTSTP, SIGCONT])?;
    let handle = signals.handle();
    std::thread::Builder::new()
        .name("job-control".into())
        .spawn(move || {
            for sig in signals.forever() {
                let wake = if sig == SIGTSTP {
                    Wake::Suspend
                } else {
                    Wake::Continue
                };
                if tx.send(wake).is_err() {
                    break;
                }
            }
        })?;
    Ok(handle)
}

/// The same event as the app should see it. In raw mode a line feed byte (a terminal without
/// bracketed paste pasting several lines, or a stray Ctrl-J) arrives as Ctrl-J, which the text editor
/// takes for "delete to the start of the line"; it is a new line, so it becomes Enter, and no screen
/// ever sees it as a destructive edit. Pasted text gets plain `\n` line ends.
pub fn normalize_event(ev: Event) -> Event {
    match ev {
        Event::Key(k)
            if k.code == KeyCode::Char('j')
                && k.modifiers.contains(KeyModifiers::CONTROL)
                && !k
                    .modifiers
                    .intersects(KeyModifiers::ALT | KeyModifiers::SHIFT) =>
        {
            Event::Key(KeyEvent {
                code: KeyCode::Enter,
                modifiers: KeyModifiers::NONE,
                ..k
            })
        }
        Event::Paste(text) if text.contains('\r') => {
            Event::Paste(text.replace("\r\n", "\n").replace('\r', "\n"))
        }
        ev => ev,
    }
}

/// True for the suspend key (see [`Action::Suspend`]). The loop acts on it itself, in every screen
/// and text field: it matches no editing key, and the app has nothing to do for it.
pub fn is_suspend_key(ev: &Event) -> bool {
    let Event::Key(k) = ev else {
        return false;
    };
    k.kind == KeyEventKind::Press
        && keymap::GLOBAL
            .iter()
            .filter(|b| b.action == Action::Suspend)
            .any(|b| b.keys.iter().any(|key| key.matches(k)))
}

/// Gives the terminal back to the shell (as [`restore`] does) and stops the process until `fg` or
/// SIGCONT, then takes the terminal back and redraws. SIGSTOP rather than SIGTSTP: it cannot be
/// caught or ignored, and it stops a process whose group has no shell waiting on it too.
fn suspend(app: &mut App, terminal: &mut Term) -> io::Result<()> {
    restore();
    // Left at a bare prompt, a walk could not tell the app was only paused, nor how to go back.
    let mut out = io::stdout();
    writeln!(
        out,
        "clinicprep is paused, with everything kept. To go back to it, type fg and press Enter."
    )?;
    out.flush()?;
    #[cfg(unix)]
    signal_hook::low_level::raise(signal_hook::consts::SIGSTOP)?;
    resume(app, terminal)
}

/// Re-enters raw mode, the alternate screen, mouse capture and bracketed paste, clears the screen and
/// redraws all of it at the terminal's current size. Safe to repeat (SIGCONT after our own stop).
fn resume(app: &mut App, terminal: &mut Term) -> io::Result<()> {
    terminal::enable_raw_mode()?;
    execute!(
        io::stdout(),
        EnterAlternateScreen,
        EnableMouseCapture,
        EnableBracketedPaste
    )?;
    // `Terminal::clear` would ask the terminal for the cursor position, whose answer the input thread
    // swallows; `resize` clears the whole screen and forgets what was drawn without asking.
    let size = terminal.size()?;
    terminal.resize(ratatui::layout::Rect::new(0, 0, size.width, size.height))?;
    app.handle_event(Event::Resize(size.width, size.height));
    terminal.draw(|f| f.render_widget(&*app, f.area()))?;
    Ok(())
}

/// How long quitting waits for an automatic backup that is still being made. Past it the backup is
/// stopped and removed whole, and the next start makes it again.
pub const BACKUP_WAIT: Duration = Duration::from_secs(10);

/// Before the terminal is given back: if a backup is still being made, says so on screen with the
/// bound, and waits for it up to [`BACKUP_WAIT`]; past that, stops it (it removes its half-made
/// folder) so that quitting never leaves a damaged or half-made backup behind.
pub fn finish_backups(terminal: &mut Term) {
    use crate::storage::backup;
    if !backup::in_progress() {
        return;
    }
    let text = format!(
        "Finishing the backup of your data before closing (at most {} seconds)…",
        BACKUP_WAIT.as_secs()
    );
    let _ = terminal.draw(|f| {
        let area = f.area();
        f.render_widget(ratatui::widgets::Clear, area);
        let line = ratatui::layout::Rect::new(0, area.height / 2, area.width, 1.min(area.height));
        f.render_widget(
            ratatui::widgets::Paragraph::new(text).alignment(ratatui::layout::Alignment::Center),
            line,
        );
    });
    if !backup::wait_idle(BACKUP_WAIT) {
        backup::cancel_running();
        let _ = backup::wait_idle(Duration::from_secs(5));
    }
}

/// Runs until the user quits or a signal asks us to stop. Draws once at start and then only after
/// events (all queued events are handled before one draw) or when the app's clock-driven state changes.
pub fn run(app: &mut App, terminal: &mut Term, stop: &AtomicBool) -> io::Result<()> {
    let size = terminal.size()?;
    app.handle_event(Event::Resize(size.width, size.height));
    terminal.draw(|f| f.render_widget(&*app, f.area()))?;
    let (tx, events) = mpsc::channel();
    #[cfg(unix)]
    let job_control = spawn_job_control(tx.clone())?;
    spawn_reader(tx)?;
    // The first frame is up; now what grows with the user's data (keys typed meanwhile wait).
    if app.finish_loading() {
        terminal.draw(|f| f.render_widget(&*app, f.area()))?;
    }
    let result = run_loop(app, terminal, stop, &events);
    #[cfg(unix)]
    job_control.close();
    result
}

fn run_loop(
    app: &mut App,
    terminal: &mut Term,
    stop: &AtomicBool,
    events: &Receiver<Wake>,
) -> io::Result<()> {
    loop {
        let mut dirty = false;
        // Wake for the next deadline (an autosave) if it comes before the usual wake-up.
        let wait = app.next_deadline().map_or(WAKE, |at| {
            (at - crate::storage::clock::now())
                .to_std()
                .unwrap_or(Duration::ZERO)
                .min(WAKE)
        });
        let mut next = events.recv_timeout(wait);
        loop {
            match next {
                Ok(Wake::Input(ev)) => {
                    let ev = normalize_event(ev?);
                    if is_suspend_key(&ev) {
                        suspend(app, terminal)?;
                    } else {
                        app.set_now(crate::storage::clock::now());
                        dirty |= app.handle_event(ev);
                    }
                }
                Ok(Wake::Suspend) => suspend(app, terminal)?,
                Ok(Wake::Continue) => resume(app, terminal)?,
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
        app.set_now(crate::storage::clock::now());
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

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode, modifiers: KeyModifiers) -> Event {
        Event::Key(KeyEvent::new(code, modifiers))
    }

    #[test]
    fn a_raw_line_feed_is_enter_and_pasted_line_ends_are_plain() {
        let lf = key(KeyCode::Char('j'), KeyModifiers::CONTROL);
        assert_eq!(normalize_event(lf), key(KeyCode::Enter, KeyModifiers::NONE));
        let alt = key(
            KeyCode::Char('j'),
            KeyModifiers::CONTROL | KeyModifiers::ALT,
        );
        assert_eq!(normalize_event(alt.clone()), alt);
        let j = key(KeyCode::Char('j'), KeyModifiers::NONE);
        assert_eq!(normalize_event(j.clone()), j);
        assert_eq!(
            normalize_event(Event::Paste("a\r\nb\rc\nd".into())),
            Event::Paste("a\nb\nc\nd".into())
        );
    }

    #[test]
    fn the_suspend_key_is_ctrl_t_and_not_the_editors_undo() {
        assert!(is_suspend_key(&key(
            KeyCode::Char('t'),
            KeyModifiers::CONTROL
        )));
        assert!(!is_suspend_key(&key(
            KeyCode::Char('z'),
            KeyModifiers::CONTROL
        )));
        assert!(!is_suspend_key(&key(
            KeyCode::Char('t'),
            KeyModifiers::NONE
        )));
    }
}
