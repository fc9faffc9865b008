//! The panels drawn over the screens: the profile set-up and the role-fit guide. While one is open
//! it takes the keys; when it is done the app closes it, and the screens follow the new profile.

use super::App;
use crate::kit::{Action, Screen, Status, Tab};
use crate::screens::fit::Fit;
use crate::screens::setup::{Done, Setup};

/// A panel open over the screens.
#[derive(Debug)]
pub(super) enum Panel {
    Setup(Box<Setup>),
    Fit(Fit),
}

impl Panel {
    pub fn screen(&self) -> &dyn Screen {
        match self {
            Panel::Setup(s) => s.as_ref(),
            Panel::Fit(f) => f,
        }
    }

    fn screen_mut(&mut self) -> &mut dyn Screen {
        match self {
            Panel::Setup(s) => s.as_mut(),
            Panel::Fit(f) => f,
        }
    }
}

impl App {
    /// Offers the set-up at first start: when the profile was never set up and this window may
    /// write. A read-only window never offers it (it could not save), so it never blocks the app;
    /// nor does a config file that cannot be read at all: its profile is unknown, not missing, and
    /// the answers could not be saved into it, so asking would only look like a fresh start.
    pub fn offer_setup(&mut self) {
        if !self.data.profile().set_up && self.data.can_write() && self.data.config_known() {
            self.open_setup(true);
        }
    }

    /// True while the set-up or the role-fit guide is open.
    pub fn panel_open(&self) -> bool {
        self.panel.is_some()
    }

    pub(super) fn open_setup(&mut self, first_start: bool) {
        let d = &self.data;
        let setup = Setup::new(
            d.library(),
            d.profile(),
            d.interview(),
            d.certifications(),
            first_start,
            self.today(),
        );
        self.panel = Some(Panel::Setup(Box::new(setup)));
    }

    /// True while the profile's steps are open with answers not saved yet.
    pub(super) fn setup_changed(&self) -> bool {
        match &self.panel {
            Some(Panel::Setup(s)) => s.changed(self.data.library()),
            _ => false,
        }
    }

    pub(super) fn open_fit(&mut self) {
        let fit = Fit::new(self.data.library(), &self.data.fit().answers);
        self.panel = Some(Panel::Fit(fit));
    }

    /// Hands `action` to the open panel, then closes it if it is done. Returns false when no panel
    /// is open.
    pub(super) fn update_panel(&mut self, action: Action) -> bool {
        let Some(mut panel) = self.panel.take() else {
            return false;
        };
        {
            let mut cx = screen_ctx!(self);
            panel.screen_mut().update(action, &mut cx);
            if let Some(a) = cx.ignored.take() {
                self.ignored = Some(a);
            }
        }
        match &panel {
            Panel::Setup(s) => match s.done {
                Some(Done::Closed) => self.follow_profile(),
                Some(Done::OpenFit) => {
                    self.follow_profile();
                    self.open_fit();
                }
                None => self.panel = Some(panel),
            },
            Panel::Fit(f) if f.done => self.follow_profile(),
            Panel::Fit(_) => self.panel = Some(panel),
        }
        true
    }

    /// After the profile or the roles in focus changed: each screen goes back to what the profile
    /// says (Guides to the role, Cards to "My interview", Practice to the role), and the shared facts
    /// are worked out again.
    pub(super) fn follow_profile(&mut self) {
        self.screens.guides.follow(&self.data);
        self.screens.cards.follow(&self.data);
        self.screens.practice.follow(&self.data);
        self.screens.home.follow();
        self.refresh_facts();
        self.refresh_showing();
    }

    /// m: every role, or the profile's roles again, for this session.
    pub(super) fn toggle_all_roles(&mut self) {
        if !self.data.profile().has_focus() {
            self.status = Some(Status::info(
                "You are seeing every role. To focus on yours, press p on Home and pick a role.",
            ));
            return;
        }
        let all = self.data.toggle_all_roles();
        let lib = self.data.library();
        let mine = crate::domain::plan::Focus::new(self.data.profile(), lib).label(lib);
        self.follow_profile();
        self.status = Some(Status::info(if all {
            format!("Showing every role. Press m to go back to {mine}.")
        } else {
            format!("Back to {mine}. Press m to see every role.")
        }));
    }

    /// s on Home: the next step of today's plan.
    pub(super) fn start_next(&mut self) {
        use crate::domain::plan::Next;
        let next = self.facts.plan.as_ref().map(|p| p.next);
        match next {
            Some(Next::Cards) => {
                self.switch(Tab::Cards);
                use crate::screens::cards::View;
                // A session left open is resumed as it is.
                if self.screens.cards.view == View::Review {
                    return;
                }
                // From a finished session's summary, or a search, back to the decks first: Enter
                // there would only close it.
                for _ in 0..3 {
                    if self.screens.cards.view == View::Decks {
                        break;
                    }
                    self.with_screen(Tab::Cards, |screen, cx| screen.update(Action::Back, cx));
                }
                self.with_screen(Tab::Cards, |screen, cx| {
                    screen.update(Action::Top, cx);
                    screen.update(Action::Select, cx);
                });
            }
            Some(Next::Story) => {
                self.switch(Tab::Stories);
                let step = self.facts.plan.as_ref().and_then(|p| p.story.clone());
                match step {
                    Some(step) => self.with_screens(|s, cx| s.stories.start_step(&step, cx)),
                    None => {
                        self.with_screen(Tab::Stories, |screen, cx| screen.update(Action::New, cx))
                    }
                }
            }
            Some(Next::Practice) => self.switch(Tab::Practice),
            // The plan is done; the Next line may still name a checklist step or the notes.
            Some(Next::Rest) => self.with_screens(|s, cx| s.home.follow_next(cx)),
            None => {
                self.status = Some(Status::info(
                    "Today's plan needs your review history, which is not open in this window. \
                     Tab goes to Cards, Stories or Practice.",
                ));
            }
        }
    }
}
