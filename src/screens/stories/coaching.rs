//! The story coach's advice shown whole over the form (F2): scrolling it, and back to the story.

use super::Editor;
use super::view::whole_lines;
use crate::domain::stories::Coach;
use crate::kit::{Action, Ctx};

/// Lines a page of the whole coaching scrolls: a small window's worth.
const PAGE: usize = 10;

/// Handles `action` while the coaching is shown whole: it scrolls, F2 or Esc goes back, typing
/// waits. Returns false when the form is showing, for the editor to handle the key.
pub(super) fn whole_takes(ed: &mut Editor, coach: &Coach, action: &Action, cx: &mut Ctx) -> bool {
    let Some(scroll) = ed.coaching else {
        return false;
    };
    // Held to the last page as the window shows it, so Up answers at once however many Downs
    // came before (a regression walk needed 27). The box is the window less its borders and the
    // app's rows; its height is taken a row short (a long status line takes two), which can only
    // let it scroll a line further, never stop short of the end.
    let (w, h) = cx.size;
    let lines = whole_lines(ed, coach, cx.theme, usize::from(w.saturating_sub(2)).max(1));
    let max = lines.saturating_sub(usize::from(h.saturating_sub(6)).max(1));
    ed.coaching = match action {
        Action::Up => Some(scroll.min(max).saturating_sub(1)),
        Action::Down => Some((scroll + 1).min(max)),
        Action::PageUp => Some(scroll.min(max).saturating_sub(PAGE)),
        Action::PageDown => Some((scroll + PAGE).min(max)),
        Action::Back => None,
        other => {
            cx.ignore(other.clone());
            Some(scroll)
        }
    };
    true
}
