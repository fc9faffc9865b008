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

/// A message about the last key's work that the user's next step makes stale (an undo's note, the
/// starter put in, a definition opened from a search): kept so it can be taken back, and only
/// while it still shows, so anything said since stays.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Said(Option<Status>);

impl Said {
    /// Puts `status` on the status line, to be taken back by [`Said::take_back`].
    pub fn say(&mut self, cx: &mut super::Ctx, status: Status) {
        self.0 = Some(status.clone());
        cx.say(status);
    }

    /// Clears the status line if it still shows what [`Said::say`] put there.
    pub fn take_back(&mut self, cx: &mut super::Ctx) {
        if let Some(said) = self.0.take() {
            cx.take_back(&said);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kit::fixture::Fixture;

    #[test]
    fn a_said_message_is_taken_back_only_while_it_still_shows() {
        let mut f = Fixture::new(chrono::DateTime::from_timestamp(1_795_424_400, 0).unwrap());
        let mut said = Said::default();
        said.say(&mut f.cx(), Status::info("Undone."));
        said.take_back(&mut f.cx());
        assert_eq!(f.status, None);
        said.say(&mut f.cx(), Status::info("Undone."));
        f.cx().say(Status::info("Saved."));
        said.take_back(&mut f.cx());
        assert_eq!(f.status, Some(Status::info("Saved.")), "said since: stays");
    }
}
