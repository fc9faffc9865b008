//! Suspend and resume against the real binary on a pseudo-terminal of its own: SIGTSTP gives the
//! terminal back (line mode, main screen, mouse and paste reporting off) and stops the process;
//! SIGCONT takes it back and redraws; a raw line feed typed afterwards is a new line, never a
//! destructive edit; and the text typed is saved. No tmux needed.
#![allow(clippy::unwrap_used, clippy::expect_used)] // panicking is how a test fails
#![cfg(target_os = "linux")]

use clinicprep::domain::stories::{Order, Section, StoryStore};
use rustix::fs::{Mode, OFlags};
use rustix::pty::{OpenptFlags, grantpt, openpt, ptsname, unlockpt};
use rustix::termios::{LocalModes, Winsize, tcgetattr, tcsetwinsize};
use std::fs::File;
use std::io::{Read, Write};
use std::os::fd::{AsFd, OwnedFd};
use std::os::unix::process::CommandExt;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// The app on a pty: the master end to type into, and everything it wrote so far.
struct Pty {
    master: File,
    slave: OwnedFd,
    out: Arc<Mutex<Vec<u8>>>,
    child: Child,
}

impl Pty {
    fn start(data: &std::path::Path) -> Pty {
        // Past the first-start set-up, which these tests are not about.
        if !data.join("config.toml").exists() {
            std::fs::write(data.join("config.toml"), "[profile]\nset_up = true\n").unwrap();
        }
        let master =
            openpt(OpenptFlags::RDWR | OpenptFlags::NOCTTY | OpenptFlags::CLOEXEC).expect("openpt");
        grantpt(&master).unwrap();
        unlockpt(&master).unwrap();
        let name = ptsname(&master, Vec::new()).unwrap();
        let slave = rustix::fs::open(
            name.as_c_str(),
            OFlags::RDWR | OFlags::NOCTTY | OFlags::CLOEXEC,
            Mode::empty(),
        )
        .unwrap();
        let size = Winsize {
            ws_row: 30,
            ws_col: 100,
            ws_xpixel: 0,
            ws_ypixel: 0,
        };
        tcsetwinsize(&master, size).unwrap();
        let io = |fd: &OwnedFd| Stdio::from(fd.try_clone().unwrap());
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_clinicprep"));
        cmd.arg("--data-dir")
            .arg(data)
            .arg("--config")
            .arg(data.join("config.toml"))
            .env("TERM", "xterm-256color")
            .stdin(io(&slave))
            .stdout(io(&slave))
            .stderr(io(&slave));
        // SAFETY: setsid and the TIOCSCTTY ioctl are plain system calls, safe between fork and exec.
        unsafe {
            cmd.pre_exec(|| {
                rustix::process::setsid()?;
                rustix::process::ioctl_tiocsctty(std::io::stdin())?;
                Ok(())
            });
        }
        let child = cmd.spawn().expect("start clinicprep");
        let mut reader = File::from(master.try_clone().unwrap());
        let out = Arc::new(Mutex::new(Vec::new()));
        let sink = Arc::clone(&out);
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n @ 1..) = reader.read(&mut buf) {
                sink.lock().unwrap().extend_from_slice(&buf[..n]);
            }
        });
        Pty {
            master: File::from(master),
            slave,
            out,
            child,
        }
    }

    fn len(&self) -> usize {
        self.out.lock().unwrap().len()
    }

    /// Waits until the output after byte `from` contains every one of `texts`.
    fn wait_for(&self, from: usize, texts: &[&str]) {
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            let seen = String::from_utf8_lossy(&self.out.lock().unwrap()[from..]).into_owned();
            if texts.iter().all(|t| seen.contains(t)) {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "never saw {texts:?} after byte {from}; got {seen:?}"
            );
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    fn type_bytes(&mut self, bytes: &[u8]) {
        self.master.write_all(bytes).unwrap();
    }

    fn signal(&self, sig: &str) {
        let ok = Command::new("kill")
            .args([&format!("-{sig}"), &self.child.id().to_string()])
            .status()
            .unwrap()
            .success();
        assert!(ok, "kill -{sig}");
    }

    /// The process state letter from /proc: `T` when stopped.
    fn state(&self) -> char {
        let stat = std::fs::read_to_string(format!("/proc/{}/stat", self.child.id())).unwrap();
        stat.rsplit(')')
            .next()
            .and_then(|rest| rest.trim_start().chars().next())
            .unwrap_or('?')
    }

    fn wait_state(&self, want: impl Fn(char) -> bool, what: &str) {
        let deadline = Instant::now() + Duration::from_secs(20);
        while !want(self.state()) {
            assert!(Instant::now() < deadline, "never {what}: {}", self.state());
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    /// Whether the terminal is in line mode (canonical input with echo), as a shell expects it.
    fn line_mode(&self) -> bool {
        let t = tcgetattr(self.slave.as_fd()).unwrap();
        t.local_modes
            .contains(LocalModes::ICANON | LocalModes::ECHO)
    }
}

impl Drop for Pty {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
fn sigtstp_gives_the_terminal_back_and_sigcont_takes_it_again_without_losing_text() {
    let dir = tempfile::tempdir().unwrap();
    let mut pty = Pty::start(dir.path());
    pty.wait_for(0, &["Home"]);
    assert!(!pty.line_mode(), "the app runs in raw mode");
    // Home → Guides → Cards → Stories, a new story, its title, then the Situation.
    pty.type_bytes(b"\t\t\tn");
    pty.wait_for(0, &["Title"]);
    pty.type_bytes(b"Pty title\tThe belt was frayed");
    // Words are drawn with cursor moves between them, so single words are waited for.
    pty.wait_for(0, &["frayed"]);

    let before = pty.len();
    pty.signal("TSTP");
    pty.wait_state(|s| s == 'T', "stopped after SIGTSTP");
    assert!(pty.line_mode(), "the terminal was left in raw mode");
    pty.wait_for(
        before,
        &["\x1b[?1049l", "\x1b[?1000l", "\x1b[?2004l", "\x1b[?25h"],
    );
    let stopped_at = pty.len();

    pty.signal("CONT");
    pty.wait_state(|s| s != 'T', "running after SIGCONT");
    // Raw mode, the alternate screen, mouse and paste again, and the whole screen drawn anew.
    pty.wait_for(
        stopped_at,
        &[
            "\x1b[?1049h",
            "\x1b[?1000h",
            "\x1b[?2004h",
            "\x1b[2J",
            "frayed",
            "Situation",
        ],
    );
    assert!(!pty.line_mode(), "raw mode is back");

    // A raw line feed (Ctrl-J in raw mode) is a new line, not "delete to the start of the line".
    let at = pty.len();
    pty.type_bytes(b"\nso I tagged it");
    pty.wait_for(at, &["tagged"]);
    pty.signal("TERM");
    let deadline = Instant::now() + Duration::from_secs(15);
    while pty.child.try_wait().unwrap().is_none() {
        assert!(Instant::now() < deadline, "no exit after SIGTERM");
        std::thread::sleep(Duration::from_millis(10));
    }
    let (store, bad) = StoryStore::load(dir.path()).unwrap();
    assert!(bad.is_empty(), "{bad:?}");
    let stories = store.list(Order::Title);
    assert_eq!(stories.len(), 1);
    assert_eq!(stories[0].title, "Pty title");
    assert_eq!(
        stories[0].text(Section::Situation),
        "The belt was frayed\nso I tagged it"
    );
}

#[test]
fn the_suspend_key_stops_the_app_even_while_typing_and_fg_brings_it_back() {
    let dir = tempfile::tempdir().unwrap();
    let mut pty = Pty::start(dir.path());
    pty.wait_for(0, &["Home"]);
    pty.type_bytes(b"\t\t\tnKey title\tWords");
    pty.wait_for(0, &["Words"]);
    let before = pty.len();
    pty.type_bytes(b"\x14"); // Ctrl-T
    pty.wait_state(|s| s == 'T', "stopped by Ctrl-T");
    assert!(pty.line_mode());
    pty.wait_for(
        before,
        &["\x1b[?1049l", "To go back to it, type fg and press Enter."],
    );
    let at = pty.len();
    pty.signal("CONT");
    pty.wait_for(at, &["\x1b[?1049h", "Words"]);
    assert!(!pty.line_mode());
}
