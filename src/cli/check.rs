//! `clinicprep check`: content, story, config, data (the sheet's too) and review files, each problem with its file and line.

use super::load_story_counts;
use crate::domain::config::Config;
use crate::domain::content::plain::plain;
use crate::domain::content::{Library, Problem};
use crate::domain::schedule::{self, DayZone};
use crate::domain::study::Catalogue;
use crate::storage::paths::Paths;
use crate::storage::sanitize;
use serde_json::json;
use std::io::Write;

/// Checks content files and the review history; exits 1 when anything needs the user's attention.
/// Reviews of cards that are no longer in the content (orphans) are listed but are not a failure:
/// their history is kept, and restoring the card restores its schedule.
pub fn check_cmd(paths: &Paths, json: bool, out: &mut impl Write) -> std::io::Result<u8> {
    let lib = Library::load_cached(&paths.user_content_dir(), &paths.data_dir);
    let (stories, story_problems, _) = load_story_counts(paths);
    let (_, mut config_problems) = Config::load(&paths.config_file);
    // The data folder itself: others able to change it, links and pipes where our files go, and the
    // checklist, favourites and practice log (which `UserData` reads as the app does).
    if let Some(w) = crate::storage::safe::folder_warning(&paths.data_dir) {
        config_problems.push(Problem::new(paths.data_dir.display().to_string(), w));
    }
    for (path, why) in crate::storage::safe::unsafe_entries(&paths.data_dir) {
        config_problems.push(Problem::new(path.display().to_string(), why.to_string()));
    }
    {
        use crate::domain::prep::{MarkKind, MarkSet};
        let dir = &paths.data_dir;
        let errors = [
            MarkSet::load(dir, MarkKind::Checklist).err(),
            MarkSet::load(dir, MarkKind::Favourites).err(),
            crate::domain::practice::RoundLog::load(dir).err(),
            // The one-page sheet's introduction, pins and drops.
            crate::domain::sheet::SheetChoices::load(dir).err(),
            // Notes on how each interview went.
            crate::domain::prep::Debriefs::load(dir).err(),
            // The role-fit guide's answers: the app said it was damaged while check said ok.
            crate::domain::fit::answers::SavedFit::load(dir).err(),
        ];
        config_problems.extend(errors.into_iter().flatten().map(|e| e.problem()));
    }
    let config_found = paths.config_file.is_file();
    // Parser wording from any file (stories, config) in plain words, as content's already is.
    let problems: Vec<Problem> = lib
        .problems
        .iter()
        .chain(&story_problems)
        .chain(&config_problems)
        .map(|p| Problem {
            message: plain(&p.message),
            ..p.clone()
        })
        .collect();
    let (history, mut review_problems) = match schedule::peek(&paths.data_dir, DayZone::Local) {
        Ok((ledger, notices)) => (
            Some(ledger),
            notices
                .iter()
                .map(|n| format!("{n} {}", n.advice()))
                .collect::<Vec<_>>(),
        ),
        Err(e) => (None, vec![format!("could not read: {e}. {}", e.advice())]),
    };
    // Opening reads the journal only past the snapshot; check reads every record.
    match schedule::verify_journal(&paths.data_dir) {
        Ok(notices) => {
            for n in notices {
                let line = format!("{n} {}", n.advice());
                if !review_problems.contains(&line) {
                    review_problems.push(line);
                }
            }
        }
        Err(e) => review_problems.push(format!("could not read: {e}. {}", e.advice())),
    }
    review_problems.dedup();
    review_problems
        .iter_mut()
        .for_each(|p| p.insert_str(0, "review history: "));
    let known = Catalogue::from_library(&lib).ids();
    let orphans: Vec<String> = history
        .as_ref()
        .map(|l| l.orphans(&known).iter().map(|id| id.to_string()).collect())
        .unwrap_or_default();
    let reviewed_cards = history.as_ref().map_or(0, |l| l.cards().len());
    let ok = problems.is_empty() && review_problems.is_empty();
    if json {
        let v = json!({
            "ok": ok,
            "content": {
                "roles": lib.roles.len(),
                "questions": lib.questions.len(),
                "facts": lib.facts.len(),
                "asks": lib.asks.len(),
                "checklist": lib.steps.len(),
                "cards": lib.questions.len() + lib.facts.len() + lib.cards.len(),
            },
            "stories": stories,
            "config": { "path": paths.config_file.display().to_string(), "found": config_found },
            "problems": problems,
            "reviews": {
                "cards": reviewed_cards,
                "orphans": orphans,
                "problems": review_problems,
            },
        });
        writeln!(out, "{v}")?;
    } else {
        writeln!(
            out,
            "content: {} roles, {} questions, {} facts, {} questions to ask, {} checklist steps, {} user cards",
            lib.roles.len(),
            lib.questions.len(),
            lib.facts.len(),
            lib.asks.len(),
            lib.steps.len(),
            lib.cards.len()
        )?;
        writeln!(out, "stories: {stories} readable")?;
        writeln!(
            out,
            "config: {}{}",
            sanitize::clean_line(&paths.config_file.display().to_string()),
            if config_found {
                ""
            } else {
                " (not there; defaults in use)"
            }
        )?;
        // Paths and messages quote file names and contents: untrusted, so cleaned like everything else.
        for p in &problems {
            writeln!(out, "problem: {}", sanitize::clean_line(&p.to_string()))?;
        }
        writeln!(out, "reviews: {reviewed_cards} cards have review history")?;
        for p in &review_problems {
            writeln!(out, "problem: {}", sanitize::clean_line(p))?;
        }
        if !orphans.is_empty() {
            writeln!(
                out,
                "note: {} card(s) have reviews but are no longer in your content; their history is kept \
                 and comes back if the card does: {}",
                orphans.len(),
                orphans.join(", ")
            )?;
        }
        writeln!(out, "{}", if ok { "ok" } else { "problems found" })?;
    }
    Ok(if ok { 0 } else { 1 })
}
