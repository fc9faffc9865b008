//! Sanitizing a parsed content file: every text stripped of control characters before it is kept.

use super::model::{ContentFile, Id, current_competency};
use crate::storage::sanitize;

impl ContentFile {
    /// Removes control characters from every text as the file joins the library: content files are
    /// untrusted. Cheap on text that is already clean, which is nearly all of it.
    pub fn sanitize(&mut self) {
        let c = sanitize::clean_in_place;
        let l = sanitize::clean_line_in_place;
        for r in &mut self.role {
            l(&mut r.name);
            l(&mut r.short);
            r.also_called.iter_mut().for_each(l);
            r.search_as.iter_mut().for_each(l);
            for s in r.sections_mut() {
                c(s);
            }
            for f in &mut r.figure {
                [&mut f.label, &mut f.value, &mut f.as_of, &mut f.source]
                    .into_iter()
                    .for_each(l);
            }
            r.glance.texts_mut().for_each(l);
        }
        let renamed = |id: &mut Id| {
            let now = current_competency(id.as_str());
            if now != id.as_str() {
                *id = Id::new(now);
            }
        };
        for x in &mut self.competency {
            renamed(&mut x.id);
            l(&mut x.name);
            c(&mut x.description);
            x.signals.iter_mut().for_each(l);
        }
        for q in &mut self.question {
            q.competencies.iter_mut().for_each(renamed);
            c(&mut q.text);
            c(&mut q.looking_for);
            q.outline
                .iter_mut()
                .chain(q.pitfalls.iter_mut())
                .for_each(c);
        }
        for f in &mut self.fact {
            c(&mut f.front);
            c(&mut f.back);
            f.correct
                .iter_mut()
                .chain(f.distractors.iter_mut())
                .for_each(l);
            l(&mut f.source);
        }
        for a in &mut self.ask {
            c(&mut a.text);
            c(&mut a.why);
        }
        for s in &mut self.step {
            c(&mut s.text);
            c(&mut s.detail);
        }
        for t in &mut self.term {
            l(&mut t.term);
            t.aliases.iter_mut().for_each(l);
            c(&mut t.meaning);
        }
        for k in &mut self.card {
            sanitize::clean_line_in_place(&mut k.deck);
            // Only whitespace is no text: emptied here, while the text is in the processor's
            // cache, so the library's check reads a card's length, not its text.
            for text in [&mut k.front, &mut k.back] {
                c(text);
                if text.chars().all(char::is_whitespace) {
                    text.clear();
                }
            }
            k.tags.iter_mut().for_each(sanitize::clean_line_in_place);
        }
        for s in &mut self.synonym {
            s.words.iter_mut().for_each(l);
        }
        for p in &mut self.persona {
            [&mut p.name, &mut p.title, &mut p.setting]
                .into_iter()
                .for_each(l);
            c(&mut p.greeting);
            c(&mut p.goodbye);
            p.opener
                .iter_mut()
                .chain(&mut p.star)
                .chain(&mut p.direct)
                .chain(&mut p.knowledge)
                .chain(&mut p.closer)
                .for_each(c);
        }
        for f in &mut self.follow_up {
            c(&mut f.text);
        }
        super::prep_model::sanitize_coaching(&mut self.coaching);
        super::prep_model::sanitize_fit(&mut self.fit, &mut self.fit_role);
        self.phrasing.iter_mut().for_each(|r| r.sanitize());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_renamed_competency_id_reads_as_the_new_one_in_a_content_file() {
        // The built-in questions as a file written before the rename would have them.
        let old = include_str!("../../../content/questions/general.toml")
            .replace("admin-organization", "admin-organisation");
        let mut f: ContentFile = toml::from_str(&old).unwrap();
        f.sanitize();
        let ids: Vec<&str> = f
            .question
            .iter()
            .flat_map(|q| q.competencies.iter().map(Id::as_str))
            .collect();
        assert!(ids.contains(&"admin-organization"), "{ids:?}");
        assert!(!ids.contains(&"admin-organisation"), "{ids:?}");
        assert_eq!(current_competency("teamwork"), "teamwork");
    }
}
