//! SIGTERM and SIGHUP right after typing: the real binary runs in a tmux pane (a real terminal), a
//! story is typed, the signal arrives before the autosave delay is up, and the text must be on disk.
//!
//! Skipped, with a message on stderr, when tmux is not installed.
#![allow(clippy::unwrap_used, clippy::expect_used)] // panicking is how a test fails
#![cfg(target_os = "linux")]

use clinicprep::domain::stories::{Section, StoryStore};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

/// A tmux server of our own (its own socket), killed when the test ends however it ends.
struct Tmux {
    socket: String,
}

impl Tmux {
    fn start(name: &str, cmd: &str) -> Option<Tmux> {
        let socket = format!("clinicprep-test-{}-{name}", std::process::id());
        let ok = Command::new("tmux")
            .args(["-L", &socket, "-f", "/dev/null", "new-session", "-d"])
            .args(["-x", "100", "-y", "30", cmd])
            .status()
            .ok()?
            .success();
        ok.then_some(Tmux { socket })
    }

    fn run(&self, args: &[&str]) -> String {
        let out = Command::new("tmux")
            .args(["-L", &self.socket])
            .args(args)
            .output()
            .expect("run tmux");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "0"];
        args.extend_from_slice(keys);
        self.run(&args);
    }

    fn screen(&self) -> String {
        self.run(&["capture-pane", "-p", "-t", "0"])
    }

    /// Waits until the pane shows `text`, so we know the app has read the keys before us.
    fn wait_for(&self, text: &str) {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let screen = self.screen();
            if screen.contains(text) {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "the pane never showed {text:?}:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    fn pane_pid(&self) -> u32 {
        let pid = self.run(&["display-message", "-p", "-t", "0", "#{pane_pid}"]);
        pid.trim().parse().expect("pane pid")
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .args(["-L", &self.socket, "kill-server"])
            .stderr(std::process::Stdio::null())
            .status();
    }
}

fn tmux_available() -> bool {
    Command::new("tmux")
        .arg("-V")
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false)
}

fn alive(pid: u32) -> bool {
    match std::fs::read_to_string(format!("/proc/{pid}/stat")) {
        // A zombie has exited; only the tmux server has not reaped it yet.
        Ok(stat) => !stat
            .rsplit(')')
            .next()
            .is_some_and(|rest| rest.trim_start().starts_with('Z')),
        Err(_) => false,
    }
}

fn story_files(dir: &Path) -> Vec<PathBuf> {
    match std::fs::read_dir(dir.join("stories")) {
        Ok(rd) => rd
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "toml"))
            .collect(),
        Err(_) => Vec::new(),
    }
}

/// Types a new story and sends `signal` at once; the story must be on disk after the app exits.
fn typed_text_survives(signal: &str) {
    if !tmux_available() {
        eprintln!("SKIPPED signals::{signal}: tmux is not installed");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    // Past the first-start set-up, which these tests are not about.
    std::fs::write(dir.path().join("config.toml"), "[profile]\nset_up = true\n").unwrap();
    let cmd = format!(
        "exec {} --data-dir {} --config {}",
        env!("CARGO_BIN_EXE_clinicprep"),
        dir.path().display(),
        dir.path().join("config.toml").display()
    );
    let tmux = Tmux::start(&signal.to_lowercase(), &cmd).expect("start tmux");
    let pid = tmux.pane_pid();
    tmux.wait_for("Home");
    // Home → Guides → Cards → Stories, then a new story.
    tmux.keys(&["Tab", "Tab", "Tab"]);
    tmux.wait_for("No stories yet");
    tmux.keys(&["n"]);
    let title = format!("Signal {signal} title");
    tmux.keys(&["-l", &title]);
    tmux.keys(&["Tab"]);
    let words = "The gait belt was frayed";
    tmux.keys(&["-l", words]);
    tmux.wait_for(words);
    // Leaving the title saved the story once; the situation must not be on disk yet.
    let saved_early = story_files(dir.path())
        .iter()
        .any(|p| std::fs::read_to_string(p).is_ok_and(|t| t.contains(words)));
    let sent = Command::new("kill")
        .args([&format!("-{signal}"), &pid.to_string()])
        .status()
        .unwrap();
    assert!(sent.success(), "kill -{signal} {pid}");
    let deadline = Instant::now() + Duration::from_secs(10);
    while alive(pid) {
        assert!(
            Instant::now() < deadline,
            "clinicprep did not exit within 10 s of SIG{signal}:\n{}",
            tmux.screen()
        );
        std::thread::sleep(Duration::from_millis(10));
    }
    if saved_early {
        eprintln!("note: autosave ran before SIG{signal} arrived; the signal path was not needed");
    }
    let (store, bad) = StoryStore::load(dir.path()).unwrap();
    assert!(bad.is_empty(), "{bad:?}");
    let stories: Vec<_> = store.list(clinicprep::domain::stories::Order::Title);
    assert_eq!(stories.len(), 1, "files: {:?}", story_files(dir.path()));
    assert_eq!(stories[0].title, title);
    assert_eq!(stories[0].text(Section::Situation), words);
}

#[test]
fn sigterm_right_after_typing_saves_the_story() {
    typed_text_survives("TERM");
}

#[test]
fn sighup_right_after_typing_saves_the_story() {
    typed_text_survives("HUP");
}
