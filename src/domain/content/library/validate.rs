//! Checks a loaded library: ids valid and unique, references that resolve, no empty text.

use super::{Library, Source};
use crate::domain::content::model::Id;
use crate::domain::content::problem::Problem;
use crate::domain::content::{prep_model, repeats};
use std::collections::HashSet;

impl Library {
    /// Checks ids and references and drops duplicates. Text was sanitized as each file was added.
    pub(super) fn validate(&mut self, sources: &[Source]) {
        let mut problems = Vec::new();
        let locate = |id: &Id, msg: String| -> Problem {
            let needle = format!("\"{}\"", id.as_str());
            sources
                .iter()
                .find_map(|s| {
                    let text = s.text();
                    text.contains(&needle)
                        .then(|| Problem::near(&s.path, text, &needle, msg.clone()))
                })
                .unwrap_or_else(|| Problem::new("content", msg))
        };
        // Every kind of item with an id, listed once: the check and the removal below both walk
        // the kinds in this order, one verdict an item.
        macro_rules! each_kind {
            ($do:ident) => {
                $do!(roles, "role");
                $do!(competencies, "competency");
                $do!(questions, "question");
                $do!(facts, "fact");
                $do!(asks, "ask");
                $do!(steps, "step");
                $do!(terms, "term");
                $do!(cards, "card");
                $do!(personas, "persona");
                $do!(follow_ups, "follow-up");
                $do!(coaching, "coaching");
                $do!(fit, "fit question");
                $do!(phrasing, "phrasing rule");
            };
        }
        let mut total = 0;
        macro_rules! count {
            ($field:ident, $kind:expr) => {
                total += self.$field.len();
            };
        }
        each_kind!(count);
        // The ids are borrowed: cloning 100,000 of them (and freeing them) was a third of this
        // check at 100,000 cards. Repeats are found by `repeats::firsts` (why, there).
        let mut ids = Vec::with_capacity(total);
        macro_rules! list {
            ($field:ident, $kind:expr) => {
                ids.extend(self.$field.iter().map(|item| item.id.as_str()));
            };
        }
        each_kind!(list);
        let mut firsts = repeats::firsts(&ids).into_iter();
        drop(ids);
        let mut verdicts = Vec::with_capacity(total);
        macro_rules! check {
            ($field:ident, $kind:expr) => {
                for item in &self.$field {
                    let first = firsts.next().unwrap_or(true);
                    let valid = valid_id(item.id.as_str());
                    let keep = valid && first;
                    if !keep {
                        problems.push(locate(&item.id, refusal(&item.id, $kind, valid)));
                    }
                    verdicts.push(keep);
                }
            };
        }
        each_kind!(check);
        let mut verdicts = verdicts.into_iter();
        macro_rules! remove {
            ($field:ident, $kind:expr) => {
                self.$field.retain(|_| verdicts.next().unwrap_or(false));
            };
        }
        each_kind!(remove);

        let roles: HashSet<&Id> = self.roles.iter().map(|r| &r.id).collect();
        let comps: HashSet<&Id> = self.competencies.iter().map(|c| &c.id).collect();
        let asks: HashSet<&Id> = self.asks.iter().map(|a| &a.id).collect();
        let mut refer = |owner: &Id, target: &Id, kind: &str, ok: bool| {
            if !ok {
                problems.push(locate(
                    owner,
                    format!("{owner} refers to {kind} {target}, which does not exist"),
                ));
            }
        };
        for r in &self.roles {
            for a in &r.asks {
                refer(&r.id, a, "ask", asks.contains(a));
            }
        }
        for q in &self.questions {
            q.roles
                .iter()
                .for_each(|r| refer(&q.id, r, "role", roles.contains(r)));
            q.competencies
                .iter()
                .for_each(|c| refer(&q.id, c, "competency", comps.contains(c)));
        }
        for f in &self.facts {
            f.roles
                .iter()
                .for_each(|r| refer(&f.id, r, "role", roles.contains(r)));
        }
        for c in &self.cards {
            c.roles
                .iter()
                .for_each(|r| refer(&c.id, r, "role", roles.contains(r)));
        }
        // Whitespace only, found from the start alone: `trim` also reads each text's end, a second
        // cache miss for a long answer (at 100,000 cards this check is mostly those misses).
        let empty_field = |id: &Id, field: &str| locate(id, format!("{id}: `{field}` is empty"));
        let empty = |id: &Id, field: &str, text: &str| -> Option<Problem> {
            text.chars()
                .all(char::is_whitespace)
                .then(|| empty_field(id, field))
        };
        for r in &self.roles {
            for (field, text) in r.sections() {
                problems.extend(empty(&r.id, field, text));
            }
            for fig in &r.figure {
                problems.extend(empty(&r.id, "figure.source", &fig.source));
                problems.extend(empty(&r.id, "figure.as_of", &fig.as_of));
            }
            for (row, fact) in r.glance.rows() {
                if let Some(f) = fact {
                    let field = format!("glance.{}", row.to_lowercase());
                    problems.extend(empty(&r.id, &format!("{field}.text"), &f.text));
                    problems.extend(empty(&r.id, &format!("{field}.source"), &f.source));
                }
            }
        }
        for q in &self.questions {
            problems.extend(empty(&q.id, "text", &q.text));
            problems.extend(empty(&q.id, "looking_for", &q.looking_for));
            if q.outline.is_empty() || q.pitfalls.is_empty() {
                problems.push(locate(
                    &q.id,
                    format!(
                        "{}: `outline` and `pitfalls` need at least one line each",
                        q.id
                    ),
                ));
            }
            if q.pitfall_words.len() > q.pitfalls.len() {
                problems.push(locate(
                    &q.id,
                    format!(
                        "{}: `pitfall_words` has {} lists for {} pitfalls: one list a pitfall, in \
                         order",
                        q.id,
                        q.pitfall_words.len(),
                        q.pitfalls.len()
                    ),
                ));
            }
        }
        for f in &self.facts {
            problems.extend(empty(&f.id, "front", &f.front));
            problems.extend(empty(&f.id, "back", &f.back));
            if f.correct.is_some() && f.distractors.is_empty() {
                problems.push(locate(
                    &f.id,
                    format!("{}: a multiple-choice fact needs `distractors`", f.id),
                ));
            }
        }
        // A card's text of only whitespace was emptied as its file was cleaned (`clean`), so its
        // length alone tells: at 100,000 cards, reading each front and back here missed the cache
        // nearly every time (5.6 ms of a 12.8 ms check, 2026-12-06).
        for c in &self.cards {
            for (field, text) in [("front", &c.front), ("back", &c.back)] {
                if text.is_empty() {
                    problems.push(empty_field(&c.id, field));
                }
            }
        }
        for s in &self.synonyms {
            if s.words.iter().filter(|w| !w.trim().is_empty()).count() < 2 {
                problems.push(Problem::new(
                    "content",
                    format!("a synonym group needs at least two words: {:?}", s.words),
                ));
            }
        }
        self.check_script(&locate, &mut problems);
        let known = prep_model::Known {
            roles: &self.roles,
            questions: self.questions.iter().map(|q| &q.id).collect(),
            facts: self.facts.iter().map(|f| &f.id).collect(),
            asks: self.asks.iter().map(|a| &a.id).collect(),
        };
        problems.extend(prep_model::validate(
            &self.coaching,
            &self.fit,
            &self.fit_roles,
            &known,
            &locate,
        ));
        for r in &self.phrasing {
            for message in r.problems() {
                problems.push(locate(&r.id, message));
            }
        }
        self.problems.extend(problems);
    }
}

/// Why an item with `id` was left out: its id is not `valid`, or an earlier item has it.
fn refusal(id: &Id, kind: &str, valid: bool) -> String {
    if valid {
        format!("{kind} id {id} is used twice; ids must be unique, this one was skipped")
    } else {
        format!(
            "{kind} id {:?} must be lowercase letters, digits, '-', '_' or '.'",
            id.as_str()
        )
    }
}

/// Ids end up in the review journal and file names, so they are kept to a safe, plain alphabet.
pub fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 128
        && id.chars().all(|c| {
            c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '-' | '_' | '.' | ':')
        })
}
