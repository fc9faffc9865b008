//! Everything the user can ask for, as named actions that one `update` carries out.

use crate::domain::schedule::Grade;
use crossterm::event::KeyEvent;

/// One screen of the app, in tab order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tab {
    Home,
    Guides,
    Cards,
    Stories,
    Practice,
    /// The one-page sheet's preview, opened from Home; not in the tab bar, where Home stays lit.
    Sheet,
}

impl Tab {
    pub const ALL: [Tab; 5] = [
        Tab::Home,
        Tab::Guides,
        Tab::Cards,
        Tab::Stories,
        Tab::Practice,
    ];

    /// Every screen, the ones outside the tab bar too, for clock work that runs on all of them.
    pub const SCREENS: [Tab; 6] = [
        Tab::Home,
        Tab::Guides,
        Tab::Cards,
        Tab::Stories,
        Tab::Practice,
        Tab::Sheet,
    ];

    /// The tab shown as current in the tab bar: the screen itself, or the one it was opened from.
    pub fn in_bar(self) -> Tab {
        match self {
            Tab::Sheet => Tab::Home,
            t => t,
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            Tab::Home => "Home",
            Tab::Guides => "Guides",
            Tab::Cards => "Cards",
            Tab::Stories => "Stories",
            Tab::Practice => "Practice",
            Tab::Sheet => "Sheet",
        }
    }

    fn index(self) -> usize {
        Tab::ALL.iter().position(|t| *t == self).unwrap_or(0)
    }

    pub fn next(self) -> Tab {
        Tab::ALL[(self.index() + 1) % Tab::ALL.len()]
    }

    pub fn prev(self) -> Tab {
        Tab::ALL[(self.index() + Tab::ALL.len() - 1) % Tab::ALL.len()]
    }
}

/// A request from the user, already decoded from the key, mouse or paste that made it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Leave the app, saving anything pending first.
    Quit,
    /// Hand the terminal back to the shell for a while (`fg` brings the app back). The event loop in
    /// `tui.rs` acts on the key itself, in every screen and field, so the app never sees this.
    Suspend,
    /// Show or hide the list of keys for this screen.
    ToggleHelp,
    /// Go to the next screen (Tab), wrapping around.
    NextTab,
    /// Go to the previous screen (Shift-Tab), wrapping around.
    PrevTab,
    /// Go straight to a screen (a click on its tab).
    GoTo(Tab),
    /// Back out of a sub-view, search or overlay (Esc).
    Back,
    /// Move the selection or scroll one step up.
    Up,
    /// Move the selection or scroll one step down.
    Down,
    /// Move or scroll a page up.
    PageUp,
    /// Move or scroll a page down.
    PageDown,
    /// Jump to the first item or the top of the text.
    Top,
    /// Jump to the last item or the end of the text.
    Bottom,
    /// Move focus or choice left (e.g. between panes).
    Left,
    /// Move focus or choice right.
    Right,
    /// Open or confirm the selected item (Enter).
    Select,
    /// Start typing a search (/).
    Search,
    /// Jump to the previous section of a document.
    PrevSection,
    /// Jump to the next section of a document.
    NextSection,
    /// Open the side-by-side comparison of two roles.
    Compare,
    /// A key typed into the focused text field; the field decides what it means.
    Edit(KeyEvent),
    /// Text pasted into the terminal (bracketed paste), for the focused text field.
    Paste(String),
    /// Scroll the area under the mouse up (wheel).
    ScrollUp,
    /// Scroll the area under the mouse down (wheel).
    ScrollDown,
    // Practice and Home
    /// Tick or untick the selected item: a checklist step, a starred question to ask, a rubric box.
    Toggle,
    /// Tick or untick rubric box N (1–4) directly.
    ToggleNth(u8),
    /// End the answer being timed and go on to rate it.
    EndAnswer,
    /// Show or hide the linked story's outline and the coaching notes while answering.
    ToggleHint,
    /// Answer the same practice question again, with the timer from zero.
    Retry,
    /// Leave the practice question without a grade and go on to the next one.
    SkipQuestion,
    /// End the mock interview now; answers so far are kept.
    EndRound,
    /// Open the list of past practice rounds.
    PastRounds,
    /// Open the field for the interview date.
    SetInterviewDate,
    /// Open the notes on how the interview went (Home, once its day has passed).
    NoteInterview,
    // Cards
    /// Show the answer side of the card (Space or Enter on the front).
    Reveal,
    /// Grade the card showing: Again, Hard, Good or Easy (keys 1–4).
    Grade(Grade),
    /// Pick option `n` (0 is a) of a multiple-choice card; reveals the answer and proposes a grade.
    Pick(u8),
    /// Undo the session's last grade, its schedule change included (Cards).
    UndoGrade,
    /// Study every selected card, weakest first as predicted for the interview date.
    Cram,
    /// Cycle the deck list's role filter: all roles, each role, all again.
    FilterRole,
    /// Cycle the category filter.
    FilterCategory,
    /// Cycle the tag filter.
    FilterTag,
    /// Remove every filter.
    ClearFilters,
    // Stories
    /// Start something new (a story).
    New,
    /// Delete the selected item (to the trash, so it can be undone).
    Delete,
    /// Bring back the story deleted last, from the trash.
    UndoDelete,
    /// Undo typing in the focused text field.
    UndoTyping,
    /// Redo what UndoTyping undid, in the focused text field.
    RedoTyping,
    /// Switch the list between its sort orders.
    Sort,
    /// Open the coverage view (competencies × stories).
    Coverage,
    /// Show the story coach's advice whole, over the form, to scroll (F2 in the story editor):
    /// at 80×24 the panel beside the text holds only part of it.
    AllCoaching,
    /// Move to the next field of a form (Tab while editing).
    NextField,
    /// Move to the previous field of a form (Shift-Tab while editing).
    PrevField,
    /// Save now rather than waiting for autosave (Ctrl-S).
    Save,
    // Preparing for one interview
    /// Open the profile set-up: roles, date, setting, background, employer, certifications (p on Home).
    EditProfile,
    /// Open the role-fit guide: "is this the right job for me?".
    OpenFit,
    /// Switch between the profile's roles and every role, for this session (m).
    ToggleAllRoles,
    /// Start the next step of today's plan: cards, a story or a practice round (s on Home).
    StartNext,
    /// Go back one step in a form (Shift-Tab in the set-up and the role-fit questions).
    PrevStep,
    /// Take the role the role-fit guide recommends as the one to prepare for.
    AcceptRole,
    /// Start the role-fit questions again from the first.
    Restart,
    // The one-page sheet
    /// Pin the selected story to the sheet, or unpin it.
    PinToSheet,
    /// Leave the selected story off the sheet, or let it back.
    DropFromSheet,
    /// Open the 30-second introduction to write or edit it.
    EditIntro,
    /// Write the sheet as HTML to print (`sheet.html` in the data folder).
    WriteSheet,
    /// Write the sheet as Markdown (`sheet.md` in the data folder).
    WriteSheetMarkdown,
    /// Write the sheet as HTML and open it in the default browser.
    OpenSheet,
    // Phrasing coach (story editor, typed answers)
    /// Move to the next phrase the coach marked.
    NextFlag,
    /// Move to the previous phrase the coach marked.
    PrevFlag,
    /// Accept the rewrite offered for the marked phrase at the cursor.
    AcceptRewrite,
    /// Offer the next rewrite for the marked phrase at the cursor.
    OtherRewrite,
}
