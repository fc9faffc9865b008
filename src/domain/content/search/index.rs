//! The search index: every searchable text, its words and where each starts, and word-start lookup.

use super::{Entry, Index, Target};
use crate::domain::content::library::Library;
use crate::domain::content::markup;
use crate::domain::content::model::GuideSection;
use std::ops::Range;

/// Weights of the places a hit can be, for hits that match equally well: the Guides screen shows its
/// own guides first, then glossary terms, questions and questions to ask, then figures, then notes.
const W_SECTION: u32 = 3;
const W_TITLE: u32 = 2;
const W_FIGURE: u32 = 1;
const W_NOTES: u32 = 0;

impl Index {
    pub(super) fn build(lib: &Library) -> Index {
        let mut entries = Vec::new();
        let mut add = |target: Target, place: String, text: String, weight: u32| {
            let lower = text.to_lowercase();
            let lower = (lower.len() == text.len()).then_some(lower);
            entries.push(Entry {
                target,
                place,
                text,
                lower,
                weight,
            });
        };
        for (ri, role) in lib.roles.iter().enumerate() {
            // The names the job goes by ("COTA/L"), shown at the top of its guide, and names it is
            // searched by that are not its title, said as such.
            if !role.also_called.is_empty() || !role.search_as.is_empty() {
                let target = Target::Section {
                    role: ri,
                    section: GuideSection::Overview,
                    block: 0,
                };
                let mut text = role.name.clone();
                if !role.also_called.is_empty() {
                    text = format!("{text}. Also called: {}", role.also_called.join(", "));
                }
                if !role.search_as.is_empty() {
                    text = format!(
                        "{text}. Sometimes searched as: {} (not the job's title)",
                        role.search_as.join(", ")
                    );
                }
                add(target, format!("{} › Names", role.short), text, W_SECTION);
            }
            for section in GuideSection::ALL {
                let place = format!("{} › {}", role.short, section.title());
                for (bi, block) in markup::blocks(role.section(section)).iter().enumerate() {
                    let target = Target::Section {
                        role: ri,
                        section,
                        block: bi,
                    };
                    add(target, place.clone(), block.text().to_string(), W_SECTION);
                }
            }
            for (fi, f) in role.figure.iter().enumerate() {
                let text = format!("{}: {} ({}; {})", f.label, f.value, f.as_of, f.source);
                let target = Target::Figure {
                    role: ri,
                    figure: fi,
                };
                add(target, format!("{} › Figures", role.short), text, W_FIGURE);
            }
        }
        for (qi, q) in lib.questions.iter().enumerate() {
            let place = format!("Question · {}", q.category.label());
            add(Target::Question(qi), place, q.text.clone(), W_TITLE);
        }
        for (qi, q) in lib.questions.iter().enumerate() {
            let notes = format!("{} {}", q.looking_for, q.outline.join(" "));
            let place = format!("Coaching · {}", q.text);
            add(Target::Question(qi), place, notes, W_NOTES);
        }
        for (ai, a) in lib.asks.iter().enumerate() {
            add(
                Target::Ask(ai),
                "Question to ask".into(),
                a.text.clone(),
                W_TITLE,
            );
        }
        for (ti, t) in lib.terms.iter().enumerate() {
            let text = format!("{}: {}", t.term, t.meaning);
            // A name the term goes by that its own words never use ("Hoyer lift" for a mechanical
            // lift) finds it too, as "Hoyer lift: see Mechanical lift".
            let words: Vec<String> = text
                .split(|c: char| !c.is_alphanumeric())
                .map(str::to_lowercase)
                .collect();
            let new_name = |alias: &&String| {
                let first = alias
                    .split(|c: char| !c.is_alphanumeric())
                    .next()
                    .unwrap_or("");
                !first.is_empty() && !words.contains(&first.to_lowercase())
            };
            // The entry under its own name first: on a tie it is the one a search lists, so
            // "Medicaid" opens on "Medicaid: …", not "Medi-Cal: see Medicaid".
            add(
                Target::Term(ti),
                format!("Glossary · {}", t.term),
                text,
                W_TITLE,
            );
            for alias in t.aliases.iter().filter(new_name) {
                let see = format!("{alias}: see {}. {}", t.term, t.meaning);
                add(
                    Target::Term(ti),
                    format!("Glossary · {}", t.term),
                    see,
                    W_TITLE,
                );
            }
        }
        let groups: Vec<Vec<String>> = lib
            .synonyms
            .iter()
            .map(|g| {
                g.words
                    .iter()
                    .map(|w| w.trim().to_lowercase())
                    .filter(|w| !w.is_empty())
                    .collect()
            })
            .filter(|g: &Vec<String>| g.len() >= 2)
            .collect();
        let mut words: foldhash::HashMap<&str, Vec<(u32, u32)>> = foldhash::HashMap::default();
        for (ei, e) in entries.iter().enumerate() {
            let hay = e.hay();
            let mut start = None;
            for (i, c) in hay.char_indices().chain(std::iter::once((hay.len(), ' '))) {
                match (start, c.is_alphanumeric()) {
                    (None, true) => start = Some(i),
                    (Some(s), false) => {
                        let at = (ei as u32, s as u32);
                        words.entry(&hay[s..i]).or_default().push(at);
                        start = None;
                    }
                    _ => {}
                }
            }
        }
        for g in &groups {
            for w in g.iter().filter(|w| !w.contains(' ')) {
                words.entry(w.as_str()).or_default();
            }
        }
        let mut words: Vec<(&str, Vec<(u32, u32)>)> = words.into_iter().collect();
        words.sort_unstable_by(|a, b| a.0.cmp(b.0));
        let (vocab, postings): (Vec<String>, _) =
            words.into_iter().map(|(w, p)| (w.to_string(), p)).unzip();
        Index {
            entries,
            vocab,
            postings,
            groups,
        }
    }

    /// Every place `needle` starts a word: (entry, byte range in its text, whether it ends a word).
    pub(super) fn matches(&self, needle: &str, out: &mut Vec<(usize, Range<usize>, bool)>) {
        let lead: String = needle.chars().take_while(|c| c.is_alphanumeric()).collect();
        let ends =
            |hay: &str, end: usize| !hay[end..].chars().next().is_some_and(char::is_alphanumeric);
        if lead.is_empty() {
            // A needle that starts with punctuation: look in every text. No built-in group has one.
            for (ei, e) in self.entries.iter().enumerate() {
                let hay = e.hay();
                for (pos, _) in hay.match_indices(needle) {
                    if !hay[..pos]
                        .chars()
                        .next_back()
                        .is_some_and(char::is_alphanumeric)
                    {
                        let end = pos + needle.len();
                        out.push((ei, pos..end, ends(hay, end)));
                    }
                }
            }
            return;
        }
        let from = self.vocab.partition_point(|w| w.as_str() < lead.as_str());
        for wi in from..self.vocab.len() {
            if !self.vocab[wi].starts_with(lead.as_str()) {
                break;
            }
            for &(ei, off) in &self.postings[wi] {
                let (ei, off) = (ei as usize, off as usize);
                let hay = self.entries[ei].hay();
                if hay[off..].starts_with(needle) {
                    let end = off + needle.len();
                    out.push((ei, off..end, ends(hay, end)));
                }
            }
        }
    }
}
