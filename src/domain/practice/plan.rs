//! The shape of a mock interview: an opener first, then story, direct and knowledge questions for the
//! role in focus, taking turns, and the close ("What questions do you have for us?") last.

use super::fit::lead_in_fits;
use super::select::{Pick, WEAK_RECALL, select_round, suits};
use crate::domain::content::{Id, Persona, Question, QuestionKind};
use std::collections::{BTreeMap, HashSet};

/// Shortest interview offered: an opener, one question and the close.
pub const MIN_LENGTH: usize = 3;
/// Longest interview offered by count.
pub const MAX_LENGTH: usize = 10;
/// A "full" interview: two openers, nine questions and the close. With follow-ups and rating it
/// takes about 20 to 30 minutes.
pub const FULL_LENGTH: usize = 12;

/// The middle of an interview takes turns in this order; a kind with no questions left drops out.
const TURNS: [QuestionKind; 3] = [
    QuestionKind::Star,
    QuestionKind::Direct,
    QuestionKind::Knowledge,
];

/// The questions of one mock interview, in the order they are asked, `length` of them or fewer if
/// the role has too few. Only questions that suit `role` (it lists the role, or lists none) are
/// ever chosen. Within each kind, questions are drawn as [`select_round`] draws them: spread
/// over categories, favouring weak ones, story questions no story answers and those coaching means
/// for the user's background or setting (`meant`), one of which every round holds. "Tell me about
/// yourself" opens every round until the user rates it well (see [`lead_with_introduction`]). The
/// same inputs and `seed` give the same interview.
pub fn plan_interview(
    questions: &[Question],
    role: Option<&Id>,
    length: usize,
    recall: &BTreeMap<Id, f64>,
    linked: &HashSet<Id>,
    meant: &HashSet<Id>,
    seed: u64,
) -> Vec<Pick> {
    let of_kind = |k: QuestionKind| {
        questions
            .iter()
            .filter(move |q| q.kind() == k && suits(q, role))
    };
    let draw = |k: QuestionKind, n: usize, salt: u64| {
        select_round(
            of_kind(k),
            role,
            n,
            recall,
            linked,
            meant,
            seed.wrapping_add(salt),
        )
    };
    let has_close = of_kind(QuestionKind::Closer).next().is_some();
    let openers = if length >= FULL_LENGTH { 2 } else { 1 };
    let mut open = draw(QuestionKind::Opener, openers.min(length), 1);
    // Two openers go in content order, which puts "Tell me about yourself" before "Why us?".
    let position = |p: &Pick| questions.iter().position(|q| q.id == p.id);
    open.sort_by_key(position);
    let close = if has_close && length > open.len() {
        draw(QuestionKind::Closer, 1, 2)
    } else {
        Vec::new()
    };
    let middle = length.saturating_sub(open.len() + close.len());
    // Draw every kind's whole pool in its own order, then take turns until the middle is full.
    let mut pools: Vec<std::vec::IntoIter<Pick>> = TURNS
        .iter()
        .zip(3u64..)
        .map(|(k, salt)| draw(*k, middle, salt).into_iter())
        .collect();
    let mut mid = Vec::with_capacity(middle);
    while mid.len() < middle {
        let before = mid.len();
        for pool in &mut pools {
            if mid.len() < middle
                && let Some(p) = pool.next()
            {
                mid.push(p);
            }
        }
        if mid.len() == before {
            break;
        }
    }
    ensure_meant(&mut mid, questions, role, (meant, recall, linked), seed);
    lead_with_introduction(&mut open, &mid, questions, role, (meant, recall));
    open.extend(mid);
    open.extend(close);
    open
}

/// Puts one question meant for the user's situation into the middle of a round that drew none,
/// in place of the last question of its kind (or the last question): the few a coach would be
/// sure to ask such a person must not wait for luck among a hundred. Only those not yet rated
/// well are put in: a user walk was asked the one meant for new graduates in every round, though
/// it was rated Good in the first.
fn ensure_meant(
    mid: &mut [Pick],
    questions: &[Question],
    role: Option<&Id>,
    (meant, recall, linked): (&HashSet<Id>, &BTreeMap<Id, f64>, &HashSet<Id>),
    seed: u64,
) {
    if mid.is_empty() || mid.iter().any(|p| p.meant) {
        return;
    }
    let candidates: Vec<&Question> = questions
        .iter()
        .filter(|q| meant.contains(&q.id) && TURNS.contains(&q.kind()) && suits(q, role))
        .filter(|q| recall.get(&q.id).is_none_or(|r| *r < WEAK_RECALL))
        .collect();
    if candidates.is_empty() {
        return;
    }
    let pick = &candidates[(seed % candidates.len() as u64) as usize];
    let kind_of = |p: &Pick| questions.iter().find(|q| q.id == p.id).map(Question::kind);
    let at = mid
        .iter()
        .rposition(|p| kind_of(p) == Some(pick.kind()))
        .unwrap_or(mid.len() - 1);
    mid[at] = Pick {
        id: pick.id.clone(),
        weak: recall.get(&pick.id).is_some_and(|r| *r < WEAK_RECALL),
        no_story: pick.behavioural && !linked.contains(&pick.id),
        meant: true,
    };
}

/// Puts the role's first opener in content order ("Tell me about yourself", asked first in nearly
/// every interview) at the head of the round in place of a drawn one, while the user has not rated
/// it well (no recall yet, or below [`WEAK_RECALL`]): it is the question applicants fear most and
/// the one certain to come. Also when the middle already asks why (a "why" question coaching means
/// for the user, such as "Why leave nursing for therapy?"), so a short round does not ask why twice.
fn lead_with_introduction(
    open: &mut Vec<Pick>,
    mid: &[Pick],
    questions: &[Question],
    role: Option<&Id>,
    (meant, recall): (&HashSet<Id>, &BTreeMap<Id, f64>),
) {
    let Some(lead) = questions
        .iter()
        .find(|q| q.kind() == QuestionKind::Opener && suits(q, role))
    else {
        return;
    };
    if open.is_empty() || open.iter().any(|p| p.id == lead.id) {
        return;
    }
    let category_of = |p: &Pick| questions.iter().find(|q| q.id == p.id).map(|q| q.category);
    let asks_why = mid
        .iter()
        .any(|p| p.meant && category_of(p) == Some(lead.category));
    let recall_of = recall.get(&lead.id).copied();
    let unsure = recall_of.is_none_or(|r| r < WEAK_RECALL);
    if !(unsure || asks_why && open.len() == 1) {
        return;
    }
    // With two openers, the drawn one that comes later in content order gives way.
    open.pop();
    open.insert(
        0,
        Pick {
            id: lead.id.clone(),
            weak: recall_of.is_some_and(|r| r < WEAK_RECALL),
            no_story: false,
            meant: meant.contains(&lead.id),
        },
    );
}

/// The interviewers who hire for `role`, in content order.
pub fn personas_for<'a>(personas: &'a [Persona], role: Option<&Id>) -> Vec<&'a Persona> {
    personas.iter().filter(|p| p.suits(role)).collect()
}

/// What `persona` says before `q`, question `index` of the interview: among their lines for its
/// kind, only those that fit it ([`lead_in_fits`]: no "tell me about yourself" before "Why our
/// clinic?", no "how you work on a busy unit" before "Why are you leaving?"). The first question
/// gets the first fitting line, the one written to open with; later ones a fitting line varied by
/// `seed`, so two interviews do not sound the same. Empty when none fits: better no lead-in than
/// one about something else.
pub fn lead_in<'p>(persona: &'p Persona, q: &Question, index: usize, seed: u64) -> &'p str {
    let lines: Vec<&str> = persona
        .lead_ins(q.kind())
        .iter()
        .map(String::as_str)
        .filter(|l| lead_in_fits(l, q, index))
        .collect();
    if index == 0 {
        return lines.first().copied().unwrap_or("");
    }
    let n = lines.len() as u64;
    if n == 0 {
        return "";
    }
    let i = (seed % n + index as u64) % n;
    lines
        .get(usize::try_from(i).unwrap_or(0))
        .copied()
        .unwrap_or("")
}

#[cfg(test)]
#[path = "plan_tests.rs"]
mod tests;
