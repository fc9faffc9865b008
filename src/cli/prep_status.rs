//! What `clinicprep status` says about the interview being prepared for: the role, the date, what is
//! unseen and today's plan, computed as Home computes it, from a read-only load.

use crate::domain::config::Config;
use crate::domain::content::Library;
use crate::domain::plan::{self, DeckNumbers, Focus, Plan, Practice};
use crate::domain::practice::RoundLog;
use crate::domain::schedule::{DayZone, Ledger};
use crate::domain::stories::{Order, StoryStore};
use crate::storage::paths::Paths;
use chrono::{DateTime, Utc};
use serde_json::{Value, json};

/// The interview part of the status.
#[derive(Debug, Clone)]
pub struct PrepStatus {
    /// Role ids in focus; empty for every role.
    pub roles: Vec<String>,
    /// "PT aide", or "All roles".
    pub label: String,
    pub interview: Option<chrono::NaiveDate>,
    pub deck: DeckNumbers,
    pub plan: Plan,
}

/// Gathers the status from the files, reading and never writing. Stories or a practice log that
/// cannot be read leave their part of the plan out.
pub fn gather(
    paths: &Paths,
    lib: &Library,
    ledger: &Ledger,
    config: &Config,
    zone: DayZone,
    now: DateTime<Utc>,
) -> PrepStatus {
    let focus = Focus::new(&config.profile, lib);
    let today = zone.date_of(now);
    let ids = focus.library_ids(lib);
    let at = plan::judged_at(
        config.interview_date,
        config.profile.interview_time,
        zone,
        now,
    );
    let deck = plan::deck_numbers(&ids, ledger, &config.study_settings(), (today, now), at);
    let stories = StoryStore::load(&paths.data_dir)
        .ok()
        .map(|(store, _)| plan::story_inputs(lib, &store.list(Order::Title)));
    let rounds = RoundLog::load(&paths.data_dir)
        .map(|log| plan::round_counts(&log, zone, today))
        .unwrap_or((0, 0));
    let inputs = plan::inputs(&deck, ledger, config, stories.as_ref(), rounds, today);
    PrepStatus {
        roles: focus.roles().iter().map(|r| r.to_string()).collect(),
        label: focus.label(lib),
        interview: config.interview_date,
        deck,
        plan: plan::plan(&inputs),
    }
}

impl PrepStatus {
    /// The fields `status --json` adds: `role`, `interview_date`, `days_left`, `unseen`, `total`
    /// and `plan` (`cards`, `minutes`, `story`, `practice`).
    pub fn json(&self) -> Vec<(&'static str, Value)> {
        let role = match self.roles.as_slice() {
            [] => Value::Null,
            [one] => json!(one),
            many => json!(many),
        };
        vec![
            ("role", role),
            (
                "interview_date",
                self.interview
                    .map_or(Value::Null, |d| json!(d.format("%Y-%m-%d").to_string())),
            ),
            (
                "days_left",
                self.plan.days_left.map_or(Value::Null, |d| json!(d)),
            ),
            ("unseen", json!(self.deck.unseen)),
            ("total", json!(self.deck.total)),
            (
                "plan",
                json!({
                    "cards": self.plan.cards.count(),
                    "minutes": self.plan.cards.minutes,
                    "story": self.plan.story_text(),
                    "practice": self.plan.practice == Practice::Today,
                }),
            ),
        ]
    }

    /// The role and days left, for the end of the one-line status: "PT aide, 10 days left".
    /// `None` when neither a role nor a date is set, so the line reads as it always did.
    pub fn short(&self) -> Option<String> {
        let when = match self.plan.days_left {
            Some(0) => Some("interview today".to_string()),
            Some(1) => Some("1 day left".to_string()),
            Some(n) if n > 1 => Some(format!("{n} days left")),
            _ => None,
        };
        match (self.roles.is_empty(), when) {
            (true, None) => None,
            (true, Some(w)) => Some(w),
            (false, None) => Some(self.label.clone()),
            (false, Some(w)) => Some(format!("{}, {w}", self.label)),
        }
    }
}
