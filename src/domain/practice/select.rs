//! Choosing a practice round's questions: spread across categories, favouring weak and story-less ones.

use crate::domain::content::{Category, Id, Question};
use std::collections::{BTreeMap, HashSet};

/// Default number of questions in a round: an opener, three questions and the close.
pub const DEFAULT_LENGTH: usize = 5;

/// Below this predicted recall a question counts as weak, for the "why this question" note.
pub const WEAK_RECALL: f64 = 0.7;

/// With no interview ahead, weakness is judged this far out.
pub const WEAK_HORIZON: chrono::TimeDelta = chrono::TimeDelta::days(7);

/// When a question's recall is judged for choosing a round: the interview, while it is ahead (see
/// `plan::judged_at`), else a week from `now`. Never `now` itself: right after any grade a card
/// is recalled for certain, so judged now a question rated Again in the last round weighed no more
/// than one rated Good, and the weak ones did not come back.
pub fn recall_judged_at(
    interview: chrono::DateTime<chrono::Utc>,
    now: chrono::DateTime<chrono::Utc>,
) -> chrono::DateTime<chrono::Utc> {
    if interview > now {
        interview
    } else {
        now + WEAK_HORIZON
    }
}

/// One chosen question, with why it was favoured, so the screen can say so.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pick {
    pub id: Id,
    /// The review schedule predicts the user would likely not recall a good answer.
    pub weak: bool,
    /// A behavioural question that none of the user's stories is linked to.
    pub no_story: bool,
    /// Coaching lists it for the user's background or setting (a home health job, a working
    /// assistant): asked of people like them in particular.
    pub meant: bool,
}

/// How much more a question meant for the user's background or setting weighs: enough that a
/// round of five nearly always holds one, not so much that the rest of the role is crowded out.
pub const MEANT_FACTOR: f64 = 3.0;

/// How strongly a question is favoured. Documented rule:
/// - rated questions weigh `1 + 4 × (1 − recall)`: 1 when sure to be recalled, 5 when sure not to be;
/// - never-studied questions weigh 3, the same as a coin-flip recall;
/// - a behavioural question that no story answers weighs twice as much, because rehearsing it is how
///   the user finds out which story to write next.
pub fn weight(q: &Question, recall: Option<f64>, linked: &HashSet<Id>) -> f64 {
    let base = match recall {
        Some(r) if r.is_finite() => 1.0 + 4.0 * (1.0 - r.clamp(0.0, 1.0)),
        _ => 3.0,
    };
    if q.behavioural && !linked.contains(&q.id) {
        base * 2.0
    } else {
        base
    }
}

/// True when the question suits `role`: it lists the role, or lists none (asked for every role).
pub fn suits(q: &Question, role: Option<&Id>) -> bool {
    match role {
        None => true,
        Some(r) => q.roles.is_empty() || q.roles.contains(r),
    }
}

/// Picks up to `length` distinct questions for `role` (None: any role).
///
/// Categories take turns so a round never dwells on one topic: each turn draws a category not yet used
/// in the current pass, with chance proportional to its strongest remaining question's weight, then
/// draws a question from it by weight (see [`weight`]). `recall` maps question ids to the predicted
/// recall (0–1) from the review schedule; `linked` holds question ids some story answers; those
/// coaching means for the user's background or setting (`meant`) weigh [`MEANT_FACTOR`] times
/// more. The same inputs and `seed` always give the same round.
pub fn select_round<'q>(
    questions: impl IntoIterator<Item = &'q Question>,
    role: Option<&Id>,
    length: usize,
    recall: &BTreeMap<Id, f64>,
    linked: &HashSet<Id>,
    meant: &HashSet<Id>,
    seed: u64,
) -> Vec<Pick> {
    let mut rng = SplitMix(seed);
    let mut pools: BTreeMap<Category, Vec<(&Question, f64)>> = BTreeMap::new();
    for q in questions.into_iter().filter(|q| suits(q, role)) {
        let favour = if meant.contains(&q.id) {
            MEANT_FACTOR
        } else {
            1.0
        };
        let w = weight(q, recall.get(&q.id).copied(), linked) * favour;
        pools.entry(q.category).or_default().push((q, w));
    }
    let mut picks = Vec::new();
    let mut used_this_pass: HashSet<Category> = HashSet::new();
    while picks.len() < length {
        let open: Vec<(Category, f64)> = pools
            .iter()
            .filter(|(_, pool)| !pool.is_empty())
            .map(|(c, pool)| (*c, pool.iter().map(|(_, w)| *w).fold(0.0, f64::max)))
            .collect();
        if open.is_empty() {
            break;
        }
        let mut fresh: Vec<(Category, f64)> = open
            .iter()
            .copied()
            .filter(|(c, _)| !used_this_pass.contains(c))
            .collect();
        if fresh.is_empty() {
            used_this_pass.clear();
            fresh = open;
        }
        let Some(ci) = draw(&mut rng, fresh.iter().map(|(_, w)| *w)) else {
            break;
        };
        let cat = fresh[ci].0;
        used_this_pass.insert(cat);
        let Some(pool) = pools.get_mut(&cat) else {
            break;
        };
        let Some(qi) = draw(&mut rng, pool.iter().map(|(_, w)| *w)) else {
            break;
        };
        let (q, _) = pool.remove(qi);
        picks.push(Pick {
            id: q.id.clone(),
            weak: recall.get(&q.id).is_some_and(|r| *r < WEAK_RECALL),
            no_story: q.behavioural && !linked.contains(&q.id),
            meant: meant.contains(&q.id),
        });
    }
    picks
}

/// Index drawn with chance proportional to its weight; None for no items. Non-positive weights
/// count as a tiny positive weight so every item stays possible.
fn draw(rng: &mut SplitMix, weights: impl Iterator<Item = f64> + Clone) -> Option<usize> {
    let fix = |w: f64| if w.is_finite() && w > 0.0 { w } else { 1e-6 };
    let total: f64 = weights.clone().map(fix).sum();
    let n = weights.clone().count();
    if n == 0 {
        return None;
    }
    let mut x = rng.next_f64() * total;
    for (i, w) in weights.map(fix).enumerate() {
        if x < w {
            return Some(i);
        }
        x -= w;
    }
    Some(n - 1)
}

/// SplitMix64: a tiny, well-mixed generator. Rounds only need to be varied and reproducible, not
/// secure, so this saves a dependency.
struct SplitMix(u64);

impl SplitMix {
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    fn next_f64(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
}

#[cfg(test)]
#[path = "select_tests.rs"]
mod tests;
