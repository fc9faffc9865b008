//! `AppData`'s profile side: the interview date, roles and focus, study and practice settings.

use super::AppData;
use crate::domain::config::PracticePrefs;
use crate::domain::plan::{self, Focus};
use crate::domain::prep::When;
use crate::domain::profile::Profile;
use crate::domain::schedule::{DayZone, Settings};
use chrono::{DateTime, FixedOffset, NaiveDate, Utc};

impl AppData {
    pub fn interview(&self) -> Option<NaiveDate> {
        self.interview
    }

    /// The interview's day with the profile's time for it, as the date field shows them.
    pub fn interview_when(&self) -> Option<When> {
        let time = self.profile().interview_time;
        self.interview().map(|date| When { date, time })
    }

    /// True once the interview is over at `now` (see [`plan::interview_over`]); days are counted
    /// at `offset`.
    pub fn interview_over(&self, offset: FixedOffset, now: DateTime<Utc>) -> bool {
        let time = self.profile().interview_time;
        self.interview()
            .is_some_and(|d| plan::interview_over(d, time, DayZone::Fixed(offset), now))
    }

    /// Sets the interview date for this session without saving it (from the config file at start).
    pub fn use_interview_date(&mut self, date: Option<NaiveDate>) {
        self.interview = date;
    }

    /// Changes study settings (retention, maximum interval, daily new cards, the interview day that
    /// limits intervals) for future grades.
    pub fn set_study_settings(&mut self, settings: Settings) {
        self.study = settings;
        if let Some(store) = self.reviews.as_mut() {
            store.set_settings(settings);
        }
    }

    /// The study settings as the config file sets them (`daily_new_limit` unpaced).
    pub fn study_settings(&self) -> &Settings {
        &self.study
    }

    /// Sets today's number of new cards from the pace (see `plan::pace`); the setting itself is kept
    /// as the floor for tomorrow's.
    pub fn pace_new_cards(&mut self, per_day: u32) {
        if let Some(store) = self.reviews.as_mut()
            && store.settings().daily_new_limit != per_day
        {
            let mut s = *store.settings();
            s.daily_new_limit = per_day;
            store.set_settings(s);
        }
    }

    /// Takes the profile, certifications and practice settings from the config file at start,
    /// without saving them.
    pub fn use_profile(
        &mut self,
        profile: Profile,
        certifications: Vec<String>,
        practice: PracticePrefs,
    ) {
        self.profile = profile;
        self.certifications = certifications;
        self.practice = practice;
        self.refocus();
    }

    pub fn profile(&self) -> &Profile {
        &self.profile
    }

    pub fn certifications(&self) -> &[String] {
        &self.certifications
    }

    /// The practice settings last used.
    pub fn practice_prefs(&self) -> &PracticePrefs {
        &self.practice
    }

    /// What belongs to the user's interview now: their roles' material, or every role's while they
    /// chose to see all (see [`AppData::toggle_all_roles`]).
    pub fn focus(&self) -> &Focus {
        &self.focus
    }

    /// A count that moves whenever [`AppData::focus`] or the interview date changes.
    pub fn focus_version(&self) -> u64 {
        self.focus_version
    }

    /// True while every role is shown although the profile names some.
    pub fn showing_all_roles(&self) -> bool {
        self.all_roles && self.profile.has_focus()
    }

    /// Switches between the profile's roles and every role, for this session only: nothing is
    /// written, so it works in a read-only window too. Returns whether every role now shows.
    pub fn toggle_all_roles(&mut self) -> bool {
        self.all_roles = !self.all_roles && self.profile.has_focus();
        self.refocus();
        self.all_roles
    }

    pub(super) fn refocus(&mut self) {
        self.focus = if self.all_roles {
            Focus::new(
                &Profile {
                    roles: Vec::new(),
                    ..self.profile.clone()
                },
                &self.library,
            )
        } else {
            Focus::new(&self.profile, &self.library)
        };
        self.focus_version += 1;
    }

    /// The study settings with the interview day set to `date`.
    pub(super) fn set_interview_in_store(&mut self, date: Option<NaiveDate>) {
        self.study.interview = date;
        // The plan and the pace depend on the date as much as on the focus.
        self.focus_version += 1;
        if let Some(store) = self.reviews.as_mut() {
            let mut s = *store.settings();
            s.interview = date;
            store.set_settings(s);
        }
    }
}
