//! The two pick lists of the editor: competency suggestions for tags, and questions to link.

use crate::domain::content::{Id, Library};
use crate::domain::plan::Focus;
use crate::domain::stories::{Heard, Story, answers};

/// Competencies offered while typing a tag: those matching the tag being typed and not yet used.
#[derive(Debug, Default)]
pub struct TagSuggestions {
    /// Indices into the library's competencies.
    pub items: Vec<usize>,
    /// The highlighted suggestion. Set as soon as something is typed, so Enter completes it; with an
    /// empty tag nothing is highlighted until ↓ is pressed, so Enter moves on instead.
    pub chosen: Option<usize>,
    /// The items are near spellings of a tag that matches no skill ("communicaton"): offered as
    /// "did you mean", since a typo'd tag would count for nothing in Coverage.
    pub near: bool,
    /// The items match the last word of a tag typed with spaces between skills ("teamwork
    /// adaptability"): tags are separated by commas, and Enter splits it so each counts.
    pub spaced: bool,
    /// The text ends with a whole skill and no comma yet ("patient-care"): the list offers the
    /// next tag, as after ", ", so the skills the coaching heard show at once.
    pub after_whole: bool,
}

impl TagSuggestions {
    /// Recomputes the list for the tags field's text and the tags already in the story; the skills
    /// the story's words suggest (`heard`) come first.
    pub fn refresh(&mut self, text: &str, tags: &[String], lib: &Library, heard: &[Heard]) {
        let partial = text.rsplit(',').next().unwrap_or("").trim().to_lowercase();
        self.after_whole = !partial.is_empty()
            && lib
                .competencies
                .iter()
                .any(|c| c.id.as_str() == partial || c.name.to_lowercase() == partial);
        let partial = if self.after_whole {
            String::new()
        } else {
            partial
        };
        let used = |id: &str, name: &str| {
            tags.iter().any(|t| {
                let t = t.to_lowercase();
                t == id.to_lowercase() || t == name.to_lowercase()
            })
        };
        // The competencies whose id and (lowercase) name `keep` takes, in library order.
        let pick = |keep: &dyn Fn(&str, &str) -> bool| -> Vec<usize> {
            lib.competencies
                .iter()
                .enumerate()
                .filter(|(_, c)| keep(c.id.as_str(), &c.name.to_lowercase()))
                .map(|(i, _)| i)
                .collect()
        };
        self.items = pick(&|id, name| {
            let typed_whole = partial == id || partial == name;
            (!used(id, name) || typed_whole)
                && (partial.is_empty() || id.contains(&partial) || name.contains(&partial))
        });
        // Skills typed with spaces between them: the last word may be a skill of its own. Only
        // when every word before it is a whole skill: "refused care" is a tag of the user's own,
        // and Enter once turned it into "refused, patient-care".
        self.spaced = false;
        let skill = |w: &str| {
            lib.competencies
                .iter()
                .any(|c| c.id.as_str() == w || c.name.to_lowercase() == w)
        };
        if self.items.is_empty()
            && let Some((before, last)) = partial.rsplit_once(char::is_whitespace)
            && last.chars().count() >= 3
            && before.split_whitespace().all(skill)
        {
            self.items =
                pick(&|id, name| !used(id, name) && (id.contains(last) || name.contains(last)));
            self.spaced = !self.items.is_empty();
        }
        // Nothing holds what was typed: a slip of a letter or two from a skill's id or name.
        self.near = false;
        if self.items.is_empty() && partial.chars().count() >= 5 {
            let slip = |word: &str| strsim::osa_distance(&partial, word) <= 2;
            self.items = pick(&|id, name| !used(id, name) && (slip(id) || slip(name)));
            self.near = !self.items.is_empty();
        }
        let rank = |i: &usize| {
            lib.competencies
                .get(*i)
                .and_then(|c| heard.iter().position(|h| h.id == c.id))
                .unwrap_or(usize::MAX)
        };
        self.items.sort_by_key(rank);
        // A tag typed out in full needs no completion.
        let complete = self.items.len() == 1
            && lib
                .competencies
                .get(self.items[0])
                .is_some_and(|c| c.id.as_str() == partial || c.name.to_lowercase() == partial);
        self.chosen = (!partial.is_empty() && !self.items.is_empty() && !complete).then_some(0);
    }

    /// The id of the highlighted competency.
    pub fn chosen<'a>(&self, lib: &'a Library) -> Option<&'a str> {
        let i = *self.items.get(self.chosen?)?;
        lib.competencies.get(i).map(|c| c.id.as_str())
    }

    /// Highlights competency `id`, if it is offered.
    pub fn choose(&mut self, id: &Id, lib: &Library) {
        if let Some(k) = self
            .items
            .iter()
            .position(|&i| lib.competencies.get(i).is_some_and(|c| c.id == *id))
        {
            self.chosen = Some(k);
        }
    }

    pub fn down(&mut self) {
        if self.items.is_empty() {
            return;
        }
        self.chosen = Some(match self.chosen {
            None => 0,
            Some(i) => (i + 1).min(self.items.len() - 1),
        });
    }

    pub fn up(&mut self) {
        self.chosen = match self.chosen {
            None | Some(0) => None,
            Some(i) => Some(i - 1),
        };
    }
}

/// The question bank filtered by the search box, with the story's linked questions first and then
/// those the story most likely answers.
#[derive(Debug, Default)]
pub struct Links {
    /// Indices into the library's questions.
    pub items: Vec<usize>,
    pub pick: usize,
    /// True when the unlinked questions are in the order of how well they fit the story, not the
    /// bank's: something in the story (a tag, a skill heard, a word) pointed at some of them.
    pub ranked: bool,
    /// Per library question: may this user be asked it (their roles, or every role while `m`
    /// shows all)? Empty offers every question. A question already linked shows either way.
    pub asked: Vec<bool>,
}

/// Each word of `query`, lowercase, with the other words of its synonym groups, as the guides'
/// search finds them. A walk typed "difficult" for the question that says "challenging" and was
/// told no question has it.
fn with_synonyms(query: &str, lib: &Library) -> Vec<Vec<String>> {
    query
        .split_whitespace()
        .map(str::to_lowercase)
        .map(|w| {
            let mut alts = crate::domain::content::search::synonyms(lib, &w);
            alts.insert(0, w);
            alts
        })
        .collect()
}

impl Links {
    /// Recomputes the list for `query` (every word must appear). Linked questions come first, in the
    /// order they were linked (so a question moves as it is linked: `Editor::toggle_link` keeps
    /// the highlight on it).
    /// The others follow best fit first ([`answers::fits`]), with the skills `heard` in the story.
    pub fn refresh(&mut self, query: &str, story: &Story, lib: &Library, heard: &[Heard]) {
        let words = with_synonyms(query, lib);
        let matches = |i: usize| {
            lib.questions.get(i).is_some_and(|q| {
                let text = q.text.to_lowercase();
                words
                    .iter()
                    .all(|alts| alts.iter().any(|w| text.contains(w.as_str())))
            })
        };
        let linked: Vec<usize> = story
            .questions
            .iter()
            .filter_map(|id| lib.questions.iter().position(|q| q.id == *id))
            .filter(|&i| matches(i))
            .collect();
        let heard: Vec<&Id> = heard.iter().map(|h| &h.id).collect();
        let fit = answers::fits(story, &heard, lib);
        let asked = |i: usize| self.asked.get(i).copied().unwrap_or(true);
        let mut rest: Vec<usize> = (0..lib.questions.len())
            .filter(|i| !linked.contains(i) && asked(*i) && matches(*i))
            .collect();
        rest.sort_by_key(|&i| std::cmp::Reverse(fit.get(i).copied().unwrap_or(0)));
        self.ranked = rest.iter().any(|&i| fit.get(i).is_some_and(|f| *f > 0));
        self.items = linked.iter().copied().chain(rest).collect();
        self.pick = self.pick.min(self.items.len().saturating_sub(1));
    }

    /// Offers only the questions `focus` holds (see [`Links::asked`]); call [`Links::refresh`] after.
    pub fn set_focus(&mut self, focus: &Focus, lib: &Library) {
        self.asked = lib
            .questions
            .iter()
            .map(|q| focus.holds_question(q))
            .collect();
    }

    /// True when some questions are left out for not being the user's roles'.
    pub fn narrowed(&self) -> bool {
        self.asked.contains(&false)
    }

    /// The highlighted question's index in the library.
    pub fn current(&self) -> Option<usize> {
        self.items.get(self.pick).copied()
    }

    pub fn step(&mut self, by: isize) {
        let max = self.items.len().saturating_sub(1) as isize;
        self.pick = (self.pick as isize + by).clamp(0, max) as usize;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::stories::StoryId;
    use chrono::Utc;

    fn lib() -> Library {
        Library::builtin()
    }

    #[test]
    fn a_question_is_found_by_a_synonym_of_its_words() {
        let lib = lib();
        let story = Story::new(
            StoryId::generate("A hard day", Utc::now()),
            "A hard day",
            Utc::now(),
        );
        let mut l = Links::default();
        let texts = |l: &Links| -> Vec<String> {
            l.items
                .iter()
                .map(|&i| lib.questions[i].text.clone())
                .collect()
        };
        l.refresh("difficult patient", &story, &lib, &[]);
        let found = texts(&l);
        assert!(
            found.iter().any(|t| t.contains("challenging patient")),
            "{found:?}"
        );
        l.refresh("diffic", &story, &lib, &[]);
        assert!(
            texts(&l).iter().any(|t| t.contains("challenging")),
            "a start of the word"
        );
        l.refresh("dif", &story, &lib, &[]);
        assert!(
            !texts(&l).iter().any(|t| t.contains("challenging")),
            "three letters are too few to stand for a group"
        );
        // A walk typed "coworker" and "conflict" for the question that says "disagreed with a
        // co-worker".
        for word in ["coworker", "conflict"] {
            l.refresh(word, &story, &lib, &[]);
            assert!(
                texts(&l).iter().any(|t| t.contains("co-worker")),
                "{word}: {:?}",
                texts(&l)
            );
        }
        l.refresh("zebra", &story, &lib, &[]);
        assert!(l.items.is_empty());
    }

    #[test]
    fn typing_part_of_a_competency_suggests_it_and_hides_used_ones() {
        let lib = lib();
        let mut s = TagSuggestions::default();
        s.refresh("", &[], &lib, &[]);
        assert_eq!(s.items.len(), lib.competencies.len());
        assert_eq!(s.chosen, None, "nothing is highlighted before typing");
        s.refresh("team", &[], &lib, &[]);
        assert_eq!(s.chosen(&lib), Some("teamwork"));
        s.refresh("teamwork, pat", &["teamwork".into()], &lib, &[]);
        assert_eq!(s.chosen(&lib), Some("patient-care"));
        s.refresh("teamwork, ", &["teamwork".into()], &lib, &[]);
        assert!(
            s.items
                .iter()
                .all(|&i| lib.competencies[i].id.as_str() != "teamwork")
        );
    }

    #[test]
    fn a_tag_a_letter_or_two_off_a_skill_offers_it() {
        let lib = lib();
        let mut s = TagSuggestions::default();
        s.refresh("communicaton", &[], &lib, &[]);
        assert!(s.near);
        assert_eq!(s.chosen(&lib), Some("communication"));
        s.refresh("teamwork, saftey", &["teamwork".into()], &lib, &[]);
        assert_eq!(s.chosen(&lib), Some("safety"));
        s.refresh("my own words", &[], &lib, &[]);
        assert!(
            s.items.is_empty() && !s.near,
            "a tag of one's own stays one"
        );
        s.refresh("comm", &[], &lib, &[]);
        assert!(!s.near, "a start is a match, not a slip");
    }

    #[test]
    fn skills_typed_with_spaces_between_offer_the_last_one() {
        let lib = lib();
        let mut s = TagSuggestions::default();
        s.refresh("teamwork adaptab", &[], &lib, &[]);
        assert!(s.spaced);
        assert_eq!(s.chosen(&lib), Some("adaptability"));
        s.refresh("calm with families", &[], &lib, &[]);
        assert!(
            !s.spaced,
            "a tag of one's own words stays one: {:?}",
            s.items
        );
        // A user walk: "refused care" and Enter became "refused, patient-care".
        for own in ["refused care", "home care", "teamwork refused care"] {
            s.refresh(own, &[], &lib, &[]);
            assert!(!s.spaced, "{own}: {:?}", s.items);
            assert_eq!(s.chosen(&lib), None, "{own}: Enter keeps the tag as typed");
        }
    }

    #[test]
    fn a_fully_typed_tag_is_not_completed_again_and_the_next_ones_are_offered() {
        let lib = lib();
        let mut s = TagSuggestions::default();
        s.refresh("safety", &["safety".into()], &lib, &[]);
        assert_eq!(s.chosen, None);
        assert!(s.after_whole);
        assert_eq!(
            s.items.len(),
            lib.competencies.len() - 1,
            "every other skill"
        );
    }

    #[test]
    fn linked_questions_come_first_and_search_filters_by_every_word() {
        let lib = lib();
        let mut story = Story::new(StoryId::from_stem("x").unwrap(), "t", Utc::now());
        let last = lib.questions.last().unwrap().id.clone();
        story.questions.push(last.clone());
        let mut l = Links::default();
        l.refresh("", &story, &lib, &[]);
        assert_eq!(l.items.len(), lib.questions.len());
        assert_eq!(lib.questions[l.items[0]].id, last);
        l.refresh("zzzz-nothing", &story, &lib, &[]);
        assert!(l.items.is_empty());
        assert_eq!(l.current(), None);
        l.refresh("time team", &story, &lib, &[]);
        for &i in &l.items {
            let t = lib.questions[i].text.to_lowercase();
            assert!(t.contains("time") && t.contains("team"), "{t}");
        }
    }
}
