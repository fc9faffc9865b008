//! Writing the sheet to a file: where it goes by default, the two formats, and errors a person can act
//! on (a missing folder is named as such, not as a failed temporary file).

use super::{Sheet, html, markdown};
use crate::storage;
use std::path::{Path, PathBuf};

/// The file formats the sheet is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// One self-contained page to open in a browser and print.
    Html,
    Markdown,
}

impl Format {
    pub fn extension(self) -> &'static str {
        match self {
            Format::Html => "html",
            Format::Markdown => "md",
        }
    }

    pub fn render(self, sheet: &Sheet) -> String {
        match self {
            Format::Html => html::render(sheet),
            Format::Markdown => markdown::render(sheet),
        }
    }
}

/// Where the sheet is written unless told otherwise: `sheet.html` (or `sheet.md`) in the data folder.
pub fn default_path(data_dir: &Path, format: Format) -> PathBuf {
    data_dir.join(format!("sheet.{}", format.extension()))
}

/// Why the sheet could not be written, in words for the user.
#[derive(Debug)]
pub enum WriteError {
    /// The folder to write into does not exist.
    NoFolder(PathBuf),
    /// Anything else: permissions, a full disk...
    Storage(storage::StorageError),
}

impl std::fmt::Display for WriteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            WriteError::NoFolder(dir) => write!(
                f,
                "the folder {} does not exist; create it first or choose another place",
                dir.display()
            ),
            WriteError::Storage(e) => write!(f, "{e}"),
        }
    }
}

/// Writes `text` to `path`, replacing any file there whole (never half-written). The folder must
/// already exist: the sheet never creates folders where the user did not ask for them.
pub fn write(path: &Path, text: &str) -> Result<(), WriteError> {
    let parent = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if !parent.is_dir() {
        return Err(WriteError::NoFolder(parent));
    }
    storage::write_atomic(path, text.as_bytes()).map_err(WriteError::Storage)
}

/// What happened when the sheet was to be opened in a browser. None of these is an error: without
/// a browser the user is told where the file is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Opened {
    /// The system was asked to open it with this program; a browser window should appear.
    Asked(String),
    /// No graphical desktop here (e.g. over SSH), so no browser to open.
    NoDesktop,
    /// No program to open files with was found.
    NoOpener,
    /// The program could not be started.
    Failed(String),
}

impl Opened {
    /// One sentence for the status line, with the path where the user has to open it themselves.
    pub fn message(&self, path: &Path) -> String {
        let path = path.display();
        match self {
            Opened::Asked(_) => {
                format!("Opening it in your browser; print it from there (Ctrl+P). File: {path}")
            }
            Opened::NoDesktop => {
                format!("No desktop here to open a browser; open the file on one: {path}")
            }
            Opened::NoOpener | Opened::Failed(_) => {
                format!("Open the file in your web browser to print it: {path}")
            }
        }
    }
}

/// How to open a file on this system.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Launcher {
    /// Run this program with the file's path as its last argument, after these arguments.
    Run(PathBuf, Vec<String>),
    NoDesktop,
    NoOpener,
}

/// Picks the launcher: `$BROWSER` if set (its first `:`-separated entry), else the system's opener
/// (`open` on macOS, `start` on Windows, `xdg-open` elsewhere), which needs a desktop (`DISPLAY` or
/// `WAYLAND_DISPLAY`) on Linux and the BSDs. `env` and `find` (a program's path, from `PATH`) are
/// passed in so the choice can be tested without touching this machine's settings.
pub fn launcher(
    os: &str,
    env: impl Fn(&str) -> Option<String>,
    find: impl Fn(&str) -> Option<PathBuf>,
) -> Launcher {
    let set = |k: &str| env(k).filter(|v| !v.trim().is_empty());
    if let Some(browser) = set("BROWSER")
        && let Some(first) = browser.split(':').map(str::trim).find(|s| !s.is_empty())
    {
        let mut words = first.split_whitespace();
        if let Some(program) = words.next() {
            let args = words.filter(|w| *w != "%s").map(str::to_string).collect();
            if let Some(p) = find(program) {
                return Launcher::Run(p, args);
            }
        }
    }
    match os {
        "macos" => find("open").map_or(Launcher::NoOpener, |p| Launcher::Run(p, vec![])),
        "windows" => find("cmd").map_or(Launcher::NoOpener, |p| {
            Launcher::Run(p, vec!["/C".into(), "start".into(), String::new()])
        }),
        _ => {
            if set("DISPLAY").is_none() && set("WAYLAND_DISPLAY").is_none() {
                return Launcher::NoDesktop;
            }
            find("xdg-open").map_or(Launcher::NoOpener, |p| Launcher::Run(p, vec![]))
        }
    }
}

/// The path of `program` if it is one, or else the first file of that name in `PATH`.
pub fn find_program(program: &str) -> Option<PathBuf> {
    let p = Path::new(program);
    if p.components().count() > 1 {
        return p.is_file().then(|| p.to_path_buf());
    }
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .flat_map(|d| {
            let plain = d.join(program);
            let exe = d.join(format!("{program}.exe"));
            [plain, exe]
        })
        .find(|c| c.is_file())
}

/// Asks the system to open `path` in the default browser, without waiting for it and without letting
/// the program write to the terminal (its output is discarded).
pub fn open_in_browser(path: &Path) -> Opened {
    let how = launcher(
        std::env::consts::OS,
        |k| std::env::var(k).ok(),
        find_program,
    );
    run_launcher(&how, path)
}

/// Starts `how` on `path`. The child is waited for on a thread of its own so it never lingers as a
/// zombie, and the caller never waits.
pub fn run_launcher(how: &Launcher, path: &Path) -> Opened {
    let (program, args) = match how {
        Launcher::Run(p, a) => (p, a),
        Launcher::NoDesktop => return Opened::NoDesktop,
        Launcher::NoOpener => return Opened::NoOpener,
    };
    let spawned = std::process::Command::new(program)
        .args(args)
        .arg(path)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn();
    match spawned {
        Ok(mut child) => {
            std::thread::spawn(move || child.wait());
            Opened::Asked(program.display().to_string())
        }
        Err(e) => Opened::Failed(e.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_and_replaces_whole_and_names_a_missing_folder() {
        let dir = tempfile::tempdir().unwrap();
        let path = default_path(dir.path(), Format::Html);
        assert!(path.ends_with("sheet.html"));
        write(&path, "first version, longer").unwrap();
        write(&path, "second").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "second");
        let missing = dir.path().join("no/such/folder/sheet.md");
        let e = write(&missing, "x").unwrap_err();
        assert!(matches!(e, WriteError::NoFolder(_)));
        assert!(e.to_string().contains("does not exist"), "{e}");
        assert!(!missing.exists());
    }

    #[test]
    fn the_launcher_follows_browser_then_the_system_opener() {
        let found = |p: &str| Some(PathBuf::from(format!("/usr/bin/{p}")));
        let none = |_: &str| None;
        let env = |vars: &'static [(&'static str, &'static str)]| {
            move |k: &str| {
                vars.iter()
                    .find(|(n, _)| *n == k)
                    .map(|(_, v)| v.to_string())
            }
        };
        assert_eq!(
            launcher("linux", env(&[("BROWSER", "firefox %s:lynx")]), found),
            Launcher::Run("/usr/bin/firefox".into(), vec![])
        );
        assert_eq!(
            launcher("linux", env(&[("DISPLAY", ":0")]), found),
            Launcher::Run("/usr/bin/xdg-open".into(), vec![])
        );
        assert_eq!(launcher("linux", env(&[]), found), Launcher::NoDesktop);
        assert_eq!(
            launcher("linux", env(&[("WAYLAND_DISPLAY", "w")]), none),
            Launcher::NoOpener
        );
        assert_eq!(
            launcher("macos", env(&[]), found),
            Launcher::Run("/usr/bin/open".into(), vec![])
        );
        let Launcher::Run(_, args) = launcher("windows", env(&[]), found) else {
            panic!("cmd /C start");
        };
        assert_eq!(args, ["/C", "start", ""]);
    }

    // Starting a real program is tested in tests/sheet_cli.rs, in a process of its own: a child
    // started from here could briefly hold a copy of another test's locked file.
    #[test]
    fn no_browser_is_never_an_error_and_says_where_the_file_is() {
        let path = Path::new("/data/sheet.html");
        for o in [
            run_launcher(&Launcher::NoDesktop, path),
            run_launcher(&Launcher::NoOpener, path),
            run_launcher(&Launcher::Run("/no/such/program".into(), vec![]), path),
        ] {
            assert!(!matches!(o, Opened::Asked(_)), "{o:?}");
            assert!(o.message(path).contains("/data/sheet.html"), "{o:?}");
        }
    }
}
