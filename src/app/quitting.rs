//! Leaving the app: by the user's quit, with a story that could not be saved, or by a signal.

use super::App;
use crate::screens::stories;

impl App {
    /// Saves whatever is pending and marks the app to close. Grades are already on disk; the
    /// schedule snapshot is refreshed when enough grades piled up past it (a failed snapshot loses
    /// nothing: the journal has every grade). If a story cannot be saved, asks first (autosave keeps
    /// retrying meanwhile); if another file cannot be saved, says so once and the next quit goes ahead.
    pub fn quit(&mut self) {
        if let Some(store) = self.data.reviews.as_mut() {
            let _ = store.maybe_snapshot();
        }
        if !self.stories.flush(self.now, &mut self.status) {
            let title = self
                .stories
                .unsaved()
                .map_or("your story", |s| stories::display_title(&s.title));
            self.confirm_quit = Some(format!(
                "“{title}” could not be saved (the reason is on screen). Quit anyway? A copy of the text \
                 is written to a temporary file, but the story itself stays unsaved."
            ));
            return;
        }
        if self.save_pending() || self.quit_anyway {
            self.should_quit = true;
        } else {
            self.quit_anyway = true;
        }
    }

    /// Closes the app for a signal (SIGTERM, SIGHUP…): saves what it can and never waits for an
    /// answer, since there may be no terminal left to ask on.
    pub fn shutdown(&mut self) {
        if let Some(store) = self.data.reviews.as_mut() {
            let _ = store.maybe_snapshot();
        }
        if !self.stories.flush(self.now, &mut self.status) {
            self.rescue();
        }
        self.save_pending();
        self.should_quit = true;
    }

    /// Quits although a story could not be saved, after the user said so.
    pub(super) fn quit_despite_unsaved_story(&mut self) {
        self.confirm_quit = None;
        if !self.stories.flush(self.now, &mut self.status) {
            self.rescue();
        }
        self.should_quit = true;
    }

    /// Writes unsaved text to a temporary file as a last resort, and notes where for the shell.
    fn rescue(&mut self) {
        self.exit_note = Some(match self.stories.rescue(self.now) {
            Ok(path) => format!(
                "Your unsaved story could not go to the stories folder; a copy is in {}",
                path.display()
            ),
            Err(e) => format!("Your unsaved story could not be saved anywhere: {e}"),
        });
    }
}
