//! The status line's messages: one line above the footer, with how serious it is.

/// How serious a status-line message is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Info,
    Warning,
    Error,
}

/// A one-line message shown above the footer until the next one replaces it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub level: Level,
    pub text: String,
}

impl Status {
    /// A message at `level`. Text that came from files must be cleaned first (`storage::sanitize`).
    pub fn new(level: Level, text: impl Into<String>) -> Status {
        Status {
            level,
            text: text.into(),
        }
    }

    pub fn info(text: impl Into<String>) -> Status {
        Status::new(Level::Info, text)
    }

    pub fn warn(text: impl Into<String>) -> Status {
        Status::new(Level::Warning, text)
    }

    pub fn error(text: impl Into<String>) -> Status {
        Status::new(Level::Error, text)
    }
}
