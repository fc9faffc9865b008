//! The story coach's advice shown whole over the form (F2): scrolling it, and back to the story.

use super::Editor;
use crate::kit::{Action, Ctx};

/// Lines a page of the whole coaching scrolls: a small window's worth.
const PAGE: usize = 10;
/// The furthest it scrolls: past any story's coaching at a narrow width (the view holds the top
/// to the last page), and near enough that Up answers at once after many Downs.
const MAX: usize = 40;

/// Handles `action` while the coaching is shown whole: it scrolls, F2 or Esc goes back, typing
/// waits. Returns false when the form is showing, for the editor to handle the key.
pub(super) fn whole_takes(ed: &mut Editor, action: &Action, cx: &mut Ctx) -> bool {
    let Some(scroll) = ed.coaching else {
        return false;
    };
    ed.coaching = match action {
        Action::Up => Some(scroll.saturating_sub(1)),
        Action::Down => Some((scroll + 1).min(MAX)),
        Action::PageUp => Some(scroll.saturating_sub(PAGE)),
        Action::PageDown => Some((scroll + PAGE).min(MAX)),
        Action::Back => None,
        other => {
            cx.ignore(other.clone());
            Some(scroll)
        }
    };
    true
}
