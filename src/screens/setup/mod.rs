//! The profile set-up: a few short steps (roles, interview date, setting, background, name,
//! employer, certifications), shown at first start and with p on Home. Every step is optional:
//! Enter goes on, Shift-Tab goes back, and Esc saves what was entered so far and closes, so it never
//! blocks the app. It is drawn over the screens by the app, which closes it when [`Setup::done`]
//! says so.

mod keys;
mod view;

use crate::domain::content::{Id, Library};
use crate::domain::prep::{When, date_examples, parse_interview};
use crate::domain::profile::{Background, Profile, Setting};
use crate::kit::keymap::{Group, Keymap};
use crate::kit::{Action, Ctx, Screen, Status, Typing, ViewCtx};
use crate::widgets::field::{Lines, TextField};
use chrono::NaiveDate;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

/// The steps, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Roles,
    Date,
    Setting,
    Background,
    Name,
    Employer,
    Certifications,
    Review,
}

impl Step {
    pub const ALL: [Step; 8] = [
        Step::Roles,
        Step::Date,
        Step::Setting,
        Step::Background,
        Step::Name,
        Step::Employer,
        Step::Certifications,
        Step::Review,
    ];

    fn index(self) -> usize {
        Step::ALL.iter().position(|s| *s == self).unwrap_or(0)
    }

    fn is_text(self) -> bool {
        matches!(
            self,
            Step::Date | Step::Name | Step::Employer | Step::Certifications
        )
    }
}

/// A short field's text as the profile keeps it: one clean line, trimmed, no longer than the
/// profile allows.
fn one_line(field: &TextField) -> String {
    crate::storage::sanitize::clean_line(field.text().trim())
        .chars()
        .take(crate::domain::profile::MAX_TEXT_CHARS)
        .collect()
}

/// How the set-up ended, for the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Done {
    /// Saved (or skipped); back to the screens.
    Closed,
    /// Saved with "not sure yet": open the role-fit guide next.
    OpenFit,
}

#[derive(Debug)]
pub struct Setup {
    pub step: Step,
    /// True at first start: the first step says how to skip.
    pub first_start: bool,
    /// Ticked roles, by index into the library's roles.
    pub roles: Vec<bool>,
    /// "Not sure yet": every role, and the role-fit guide after.
    pub not_sure: bool,
    /// The highlighted line of a list step.
    pub cursor: usize,
    pub date: TextField,
    pub setting: Option<Setting>,
    pub background: Option<Background>,
    /// Their name, for the top of the one-page sheet.
    pub name: TextField,
    pub employer: TextField,
    pub certifications: TextField,
    /// The profile as it was, for the fields the set-up does not ask about (the interview's time).
    base: Profile,
    /// What Enter on a date that does not read put on the status line, taken back once it reads.
    date_warning: Option<Status>,
    /// The date as the set-up opened on it, as text and as read: left as it is, it is kept even
    /// when past. A regression walk, back in the set-up after the interview, could not pass the
    /// date step ("is in the past") without typing a new date.
    date_opened: (String, Option<When>),
    /// The certifications as the set-up opened on them, to tell whether they were changed.
    certs_opened: String,
    pub done: Option<Done>,
}

/// A made-up employer of the kind `setting` names, for the employer step's example.
fn employer_example(setting: Option<Setting>) -> &'static str {
    match setting {
        Some(Setting::Hospital) => "Riverside General Hospital",
        Some(Setting::SkilledNursing) => "Sunrise Health and Rehab Center",
        Some(Setting::HomeHealth) => "Riverside Home Health",
        Some(Setting::School) => "Riverside School District",
        Some(Setting::Pediatrics) => "Riverside Pediatric Therapy",
        Some(Setting::Outpatient) | None => "Riverside Orthopedics",
    }
}

impl Setup {
    /// A set-up filled in from what is known: the profile, the date and the certifications.
    pub fn new(
        lib: &Library,
        profile: &Profile,
        date: Option<NaiveDate>,
        certifications: &[String],
        first_start: bool,
        today: NaiveDate,
    ) -> Setup {
        let roles = lib
            .roles
            .iter()
            .map(|r| profile.roles.contains(&r.id))
            .collect();
        let opened = date.map(|date| When {
            date,
            time: profile.interview_time,
        });
        let date_text = opened.map_or(String::new(), |w| w.typed());
        let date_hint = format!("e.g. {}", date_examples(today));
        let mut date = TextField::with_text(Lines::One, &date_hint, &date_text);
        // Coming back to change them, a date and an employer (the next interview's) are more often
        // typed anew than edited; a name or a list of certifications is edited.
        date.offer_for_replacing();
        let mut employer = TextField::with_text(
            Lines::One,
            "e.g. Riverside Orthopedics (optional)",
            &profile.employer,
        );
        employer.offer_for_replacing();
        Setup {
            step: Step::Roles,
            first_start,
            roles,
            not_sure: false,
            cursor: 0,
            date,
            setting: profile.setting,
            background: profile.background,
            name: TextField::with_text(Lines::One, "e.g. Maria Lopez (optional)", &profile.name),
            employer,
            certifications: TextField::with_text(
                Lines::One,
                "e.g. CNA, CPR/BLS (optional)",
                &certifications.join(", "),
            ),
            base: profile.clone(),
            date_warning: None,
            date_opened: (date_text, opened),
            certs_opened: certifications.join(", "),
            done: None,
        }
    }

    /// Lines in the list of the current step: roles plus "not sure yet", settings or backgrounds
    /// plus "skip".
    pub fn list_len(&self) -> usize {
        match self.step {
            Step::Roles => self.roles.len() + 1,
            Step::Setting => Setting::ALL.len() + 1,
            Step::Background => Background::ALL.len() + 1,
            _ => 0,
        }
    }

    /// Opens `step` with the highlight on the choice saved so far (the "(•)" row, which is the
    /// last, "skip", row when there is none), so Enter alone keeps what is marked.
    fn go(&mut self, step: Step) {
        self.step = step;
        self.cursor = match step {
            Step::Setting => self
                .setting
                .and_then(|s| Setting::ALL.iter().position(|x| *x == s))
                .unwrap_or(Setting::ALL.len()),
            Step::Background => self
                .background
                .and_then(|b| Background::ALL.iter().position(|x| *x == b))
                .unwrap_or(Background::ALL.len()),
            _ => 0,
        };
        if step == Step::Employer {
            // The example looks like the employer of the setting chosen: a nursing home applicant
            // is not shown an orthopedic clinic.
            let example = employer_example(self.setting);
            self.employer
                .area_mut()
                .set_placeholder_text(format!("e.g. {example} (optional)"));
        }
    }

    fn next(&mut self) {
        if let Some(s) = Step::ALL.get(self.step.index() + 1) {
            self.go(*s);
        }
    }

    fn back(&mut self) {
        if let Some(i) = self.step.index().checked_sub(1) {
            self.go(Step::ALL[i]);
        }
    }

    /// The roles chosen, as ids; empty for "not sure yet" or none.
    pub fn chosen_roles(&self, lib: &Library) -> Vec<Id> {
        if self.not_sure {
            return Vec::new();
        }
        lib.roles
            .iter()
            .zip(&self.roles)
            .filter(|(_, on)| **on)
            .map(|(r, _)| r.id.clone())
            .collect()
    }

    /// True when something was chosen or typed that is not saved yet: quitting then saves it, as
    /// Esc does, and quitting an untouched first start leaves it to greet the next start.
    pub fn changed(&self, lib: &Library) -> bool {
        self.not_sure
            || self.chosen_roles(lib) != self.base.roles
            || self.setting != self.base.setting
            || self.background != self.base.background
            || one_line(&self.name) != self.base.name
            || one_line(&self.employer) != self.base.employer
            || self.date.text() != self.date_opened.0
            || self.certifications.text() != self.certs_opened
    }

    /// The certifications as typed, split at commas.
    pub fn certification_list(&self) -> Vec<String> {
        self.certifications
            .text()
            .split([',', ';'])
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .collect()
    }

    fn update_list(&mut self, action: Action, cx: &mut Ctx) {
        let len = self.list_len();
        // On a one-choice step the mark follows the highlight, so what shows marked is what Enter
        // or Esc saves: a persona walk saw "(•) Not sure, or skip" while Enter took the
        // highlighted "Outpatient clinic".
        let moves = matches!(
            action,
            Action::Up
                | Action::ScrollUp
                | Action::Down
                | Action::ScrollDown
                | Action::Top
                | Action::Bottom
        );
        self.apply_list(action, len, cx);
        if moves {
            match self.step {
                Step::Setting => self.setting = Setting::ALL.get(self.cursor).copied(),
                Step::Background => self.background = Background::ALL.get(self.cursor).copied(),
                _ => {}
            }
        }
    }

    fn apply_list(&mut self, action: Action, len: usize, cx: &mut Ctx) {
        match action {
            Action::Up | Action::ScrollUp => self.cursor = self.cursor.saturating_sub(1),
            Action::Down | Action::ScrollDown => {
                self.cursor = (self.cursor + 1).min(len.saturating_sub(1))
            }
            Action::Top => self.cursor = 0,
            Action::Bottom => self.cursor = len.saturating_sub(1),
            Action::Toggle => match self.step {
                Step::Roles => self.tick_role(),
                Step::Setting => self.setting = Setting::ALL.get(self.cursor).copied(),
                Step::Background => self.background = Background::ALL.get(self.cursor).copied(),
                _ => cx.ignore(action),
            },
            Action::Select => {
                match self.step {
                    Step::Roles if !self.not_sure && !self.roles.contains(&true) => {
                        self.tick_role();
                        // Said, not done silently: a walk pressed Enter with nothing ticked and
                        // was preparing for the PT aide's job without knowing why.
                        let picked = cx
                            .data
                            .library()
                            .roles
                            .get(self.cursor)
                            .map(|r| r.short.clone());
                        if let Some(short) = picked {
                            cx.say(Status::info(format!(
                                "{short} picked: with nothing ticked, Enter takes the highlighted \
                                 job. Shift-Tab goes back to change it."
                            )));
                        }
                    }
                    Step::Setting => self.setting = Setting::ALL.get(self.cursor).copied(),
                    Step::Background => self.background = Background::ALL.get(self.cursor).copied(),
                    _ => {}
                }
                self.next();
            }
            Action::Left | Action::PrevStep => self.back(),
            Action::Right => self.next(),
            Action::Back => self.finish(cx),
            other => cx.ignore(other),
        }
    }

    /// Ticks or unticks the highlighted role; "not sure yet" clears the roles and the other way.
    fn tick_role(&mut self) {
        match self.roles.get_mut(self.cursor) {
            Some(on) => {
                *on = !*on;
                self.not_sure = false;
            }
            None => {
                self.not_sure = !self.not_sure;
                if self.not_sure {
                    self.roles.iter_mut().for_each(|r| *r = false);
                }
            }
        }
    }

    fn update_text(&mut self, action: Action, cx: &mut Ctx) {
        let field = match self.step {
            Step::Date => &mut self.date,
            Step::Name => &mut self.name,
            Step::Employer => &mut self.employer,
            _ => &mut self.certifications,
        };
        match action {
            Action::Edit(key) => {
                field.key(key);
            }
            Action::Paste(text) => {
                field.paste(&text);
            }
            Action::Select => {
                if self.step == Step::Date {
                    if let Err(msg) = self.parsed_date(cx.today) {
                        // The answer to "type the date again" replaces it: no erasing first.
                        self.date.offer_for_replacing();
                        let warning = Status::warn(msg);
                        self.date_warning = Some(warning.clone());
                        return cx.say(warning);
                    }
                    if let Some(warning) = self.date_warning.take() {
                        cx.take_back(&warning);
                    }
                }
                self.next();
            }
            Action::PrevStep => self.back(),
            Action::Back => self.finish(cx),
            other => cx.ignore(other),
        }
    }

    /// The date (and time) as typed: `Ok(None)` when empty.
    fn parsed_date(&self, today: NaiveDate) -> Result<Option<When>, String> {
        let text = self.date.text();
        if text.trim().is_empty() {
            return Ok(None);
        }
        if text == self.date_opened.0 {
            return Ok(self.date_opened.1);
        }
        parse_interview(&text, today).map(Some)
    }

    /// Saves what was entered and closes. A date that does not read keeps the one there was.
    fn finish(&mut self, cx: &mut Ctx) {
        let lib = cx.data.library();
        let mut profile = self.base.clone();
        profile.roles = self.chosen_roles(lib);
        profile.setting = self.setting;
        profile.background = self.background;
        profile.name = one_line(&self.name);
        profile.employer = one_line(&self.employer);
        profile.set_up = true;
        let (date, date_note) = match self.parsed_date(cx.today) {
            Ok(when) => {
                profile.interview_time = when.and_then(|w| w.time);
                (when.map(|w| w.date), None)
            }
            Err(msg) => (cx.data.interview(), Some(msg)),
        };
        let certs = self.certification_list();
        let label = crate::domain::plan::Focus::new(&profile, lib).label(lib);
        let not_sure = self.not_sure;
        let Some(mut w) = cx.writer() else {
            self.done = Some(Done::Closed);
            return;
        };
        let saved = w.save_profile(profile, date, certs);
        cx.say(match (saved, date_note) {
            (Err(text), _) => Status::error(text),
            (Ok(()), Some(msg)) => Status::warn(format!("Profile saved, but not the date: {msg}")),
            (Ok(()), None) if not_sure => Status::info(
                "Profile saved. Next, a few questions to find the job that fits you best.",
            ),
            (Ok(()), None) => Status::info(format!(
                "Profile saved: preparing for {label}. Press p on Home to change it."
            )),
        });
        self.done = Some(if not_sure {
            Done::OpenFit
        } else {
            Done::Closed
        });
    }
}

impl Screen for Setup {
    fn keys(&self) -> Keymap {
        let group = |title, bindings| vec![Group { title, bindings }];
        match self.step {
            s if s.is_text() => Keymap {
                groups: group("Your profile", keys::TEXT),
                typing: Some(Typing::Saved),
            },
            Step::Roles => Keymap::of(group("Your profile", keys::ROLES)),
            Step::Review => Keymap::of(group("Your profile", keys::REVIEW)),
            _ => Keymap::of(group("Your profile", keys::CHOOSE)),
        }
    }

    fn update(&mut self, action: Action, cx: &mut Ctx) {
        match self.step {
            s if s.is_text() => self.update_text(action, cx),
            Step::Review => match action {
                Action::Select | Action::Back => self.finish(cx),
                Action::PrevStep | Action::Left => self.back(),
                other => cx.ignore(other),
            },
            _ => self.update_list(action, cx),
        }
    }

    fn render(&self, cx: &ViewCtx, area: Rect, buf: &mut Buffer) {
        view::render(self, cx, area, buf);
    }
}

#[cfg(test)]
mod tests;
