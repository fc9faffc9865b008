//! A STAR story (Situation, Task, Action, Result), its file-name id, and which sections are written.

use crate::domain::content::Id;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::fmt;

/// Longest slug taken from a title, so file names stay readable in a file manager.
const SLUG_MAX: usize = 40;

/// A story's identity: the stem of its file name, e.g. `2026-11-23-upset-patient`.
///
/// The id is the file name rather than a field inside the file so that renaming a title never moves a
/// file, and a user who copies a file by hand gets a second story rather than two claiming one id.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct StoryId(String);

impl StoryId {
    /// Accepts a file stem as an id if it is a single, visible, path-safe file name component.
    ///
    /// Conflict copies (`<id>.conflict-<ms>`) are refused so they are never mistaken for stories.
    pub fn from_stem(stem: &str) -> Option<StoryId> {
        let bad_char = |c: char| matches!(c, '/' | '\\' | '\0' | ':') || c.is_control();
        let ok = !stem.is_empty()
            && stem.len() <= 200
            && !stem.starts_with('.')
            && !stem.contains(".conflict-")
            && !stem.chars().any(bad_char);
        ok.then(|| StoryId(stem.to_string()))
    }

    /// The id a new story would get: the creation date and a slug of the title, before de-duplication.
    pub(crate) fn generate(title: &str, now: DateTime<Utc>) -> StoryId {
        StoryId(format!("{}-{}", now.format("%Y-%m-%d"), slug(title)))
    }

    /// The same id with a numeric suffix, used to make a generated id unique in its folder.
    pub(crate) fn with_suffix(&self, n: u32) -> StoryId {
        StoryId(format!("{}-{n}", self.0))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for StoryId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A short, lowercase, ASCII, hyphen-separated slug of a title, e.g. "Upset patient!" → `upset-patient`.
///
/// Common accented Latin letters are folded to plain ones so French or Spanish titles keep their words;
/// anything else becomes a separator. A long title is cut after its last whole word that fits, so a
/// file name never ends in half a word; only a first word longer than the limit is cut. An empty result
/// becomes `story`.
pub fn slug(title: &str) -> String {
    let mut words: Vec<String> = vec![String::new()];
    for c in title.chars().flat_map(char::to_lowercase) {
        let mut buf = [0u8; 4];
        let folded: &str = if c.is_ascii_alphanumeric() {
            c.encode_utf8(&mut buf)
        } else {
            fold_accent(c)
        };
        match words.last_mut() {
            Some(w) if !folded.is_empty() => w.push_str(folded),
            Some(w) if !w.is_empty() => words.push(String::new()),
            _ => {}
        }
    }
    let mut out = String::new();
    for w in words.iter().filter(|w| !w.is_empty()) {
        if out.is_empty() {
            out = w.chars().take(SLUG_MAX).collect();
        } else if out.len() + 1 + w.len() <= SLUG_MAX {
            out.push('-');
            out.push_str(w);
        } else {
            break;
        }
    }
    if out.is_empty() {
        out.push_str("story");
    }
    out
}

/// Maps a lowercase accented Latin letter to plain ASCII letters, or "" for anything else (a separator).
fn fold_accent(c: char) -> &'static str {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'ç' | 'ć' | 'č' => "c",
        'ď' | 'đ' | 'ð' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => "e",
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' => "i",
        'ñ' | 'ń' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => "o",
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => "u",
        'ý' | 'ÿ' => "y",
        'ś' | 'š' => "s",
        'ź' | 'ż' | 'ž' => "z",
        'ł' => "l",
        'ř' => "r",
        'ť' => "t",
        'ß' => "ss",
        'æ' => "ae",
        'œ' => "oe",
        _ => "",
    }
}

/// Lowercase with common accents removed, so "Café" and "cafe" match in filters and tags.
pub(super) fn fold(s: &str) -> String {
    // Most text is ASCII, where this is plain lowercasing, done many bytes at a time.
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars().flat_map(char::to_lowercase) {
        match fold_accent(c) {
            "" => out.push(c),
            plain => out.push_str(plain),
        }
    }
    out
}

/// One of the four STAR sections.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Section {
    Situation,
    Task,
    Action,
    Result,
}

impl Section {
    pub const ALL: [Section; 4] = [
        Section::Situation,
        Section::Task,
        Section::Action,
        Section::Result,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Section::Situation => "Situation",
            Section::Task => "Task",
            Section::Action => "Action",
            Section::Result => "Result",
        }
    }

    /// The initial, for compact displays like "S T A R".
    pub fn letter(self) -> char {
        match self {
            Section::Situation => 'S',
            Section::Task => 'T',
            Section::Action => 'A',
            Section::Result => 'R',
        }
    }

    /// Position in [`Section::ALL`], for per-section arrays.
    pub fn index(self) -> usize {
        self as usize
    }
}

/// A story told in STAR form, with the tags and questions that say what it demonstrates.
/// Serializable for the parse cache only; story files are written by `stories::file`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Story {
    pub id: StoryId,
    pub title: String,
    /// One sentence in the user's own words to glance at before the interview, for the one-page
    /// sheet. Empty when not written (the file then has no `cue` key).
    pub cue: String,
    pub situation: String,
    pub task: String,
    pub action: String,
    pub result: String,
    /// Free-form tags; a tag equal to a competency id or name counts as covering it.
    pub tags: Vec<String>,
    /// Ids of the interview questions this story answers.
    pub questions: Vec<Id>,
    /// `None` when the file had no time and its modification time could not be read.
    pub created: Option<DateTime<Utc>>,
    pub updated: Option<DateTime<Utc>>,
}

impl Story {
    /// An empty story created now.
    pub fn new(id: StoryId, title: impl Into<String>, now: DateTime<Utc>) -> Story {
        Story {
            id,
            title: title.into(),
            cue: String::new(),
            situation: String::new(),
            task: String::new(),
            action: String::new(),
            result: String::new(),
            tags: Vec::new(),
            questions: Vec::new(),
            created: Some(now),
            updated: Some(now),
        }
    }

    pub fn text(&self, section: Section) -> &str {
        match section {
            Section::Situation => &self.situation,
            Section::Task => &self.task,
            Section::Action => &self.action,
            Section::Result => &self.result,
        }
    }

    pub fn text_mut(&mut self, section: Section) -> &mut String {
        match section {
            Section::Situation => &mut self.situation,
            Section::Task => &mut self.task,
            Section::Action => &mut self.action,
            Section::Result => &mut self.result,
        }
    }

    /// Which sections have any visible text.
    pub fn completeness(&self) -> Completeness {
        Completeness(Section::ALL.map(|s| !self.text(s).trim().is_empty()))
    }

    /// Strips terminal control characters and invisible formatting from every field, since story files
    /// can be edited by hand or copied from elsewhere and their text is drawn on the terminal.
    pub fn sanitized(mut self) -> Story {
        self.sanitize();
        self
    }

    /// [`Story::sanitized`] in place, allocating only for a field that changes: a story read back
    /// from the parse cache (a file like any other) is cleaned again, and almost never changes.
    pub fn sanitize(&mut self) {
        use crate::storage::sanitize::{clean_in_place, clean_line_in_place};
        clean_line_in_place(&mut self.title);
        clean_line_in_place(&mut self.cue);
        for s in Section::ALL {
            clean_in_place(self.text_mut(s));
        }
        // A tag or question id is one trimmed line; one left empty is dropped.
        fn line<S: std::ops::Deref<Target = str> + From<String>>(t: &mut S) -> bool {
            clean_line_in_place(t);
            if t.trim().len() != t.len() {
                *t = S::from(t.trim().to_string());
            }
            !t.is_empty()
        }
        self.tags.retain_mut(line);
        self.questions.retain_mut(|q| line(&mut q.0));
    }
}

/// Which of S, T, A and R are written, in [`Section::ALL`] order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Completeness(pub [bool; 4]);

impl Completeness {
    pub fn has(&self, section: Section) -> bool {
        self.0[section.index()]
    }

    pub fn is_complete(&self) -> bool {
        self.0.iter().all(|&b| b)
    }

    pub fn filled(&self) -> usize {
        self.0.iter().filter(|&&b| b).count()
    }

    pub fn missing(&self) -> Vec<Section> {
        Section::ALL.into_iter().filter(|&s| !self.has(s)).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 23, 9, 30, 0).unwrap()
    }

    #[test]
    fn generated_id_is_date_and_slug() {
        let id = StoryId::generate("An upset patient!", at());
        assert_eq!(id.as_str(), "2026-11-23-an-upset-patient");
    }

    #[test]
    fn slug_folds_accents_drops_other_scripts_and_caps_length() {
        assert_eq!(slug("Café crème — naïve Ærø"), "cafe-creme-naive-aero");
        assert_eq!(slug("日本語 🙂"), "story");
        assert_eq!(slug("  --  "), "story");
        assert_eq!(slug("Straße"), "strasse");
        let long = slug(&"word ".repeat(30));
        assert!(long.len() <= SLUG_MAX, "{long}");
        assert!(!long.ends_with('-'), "{long}");
        assert!(long.chars().all(|c| c.is_ascii_lowercase() || c == '-'));
    }

    #[test]
    fn a_long_title_is_cut_after_a_whole_word() {
        let title = "Helping a resident who refused therapy with a gait belt";
        let s = slug(title);
        assert_eq!(s, "helping-a-resident-who-refused-therapy");
        assert!(s.len() <= SLUG_MAX);
        assert_eq!(
            slug(&"x".repeat(60)).len(),
            SLUG_MAX,
            "one long word is cut"
        );
        assert_eq!(slug("Ærø—Straße 42"), "aero-strasse-42");
    }

    #[test]
    fn from_stem_refuses_paths_hidden_files_and_conflict_copies() {
        assert!(StoryId::from_stem("2026-11-23-fall").is_some());
        assert!(StoryId::from_stem("My story").is_some());
        for bad in ["", ".hidden", "a/b", "a\\b", "x.conflict-123", "a\nb"] {
            assert!(StoryId::from_stem(bad).is_none(), "{bad:?}");
        }
    }

    #[test]
    fn completeness_ignores_whitespace_only_sections() {
        let mut s = Story::new(StoryId("x".into()), "t", at());
        s.situation = "We were short-staffed.".into();
        s.action = "  \n ".into();
        let c = s.completeness();
        assert!(c.has(Section::Situation));
        assert!(!c.has(Section::Action));
        assert_eq!(c.filled(), 1);
        assert_eq!(
            c.missing(),
            vec![Section::Task, Section::Action, Section::Result]
        );
        assert!(!c.is_complete());
    }

    #[test]
    fn sanitized_removes_escapes_and_empty_tags_and_questions() {
        let mut s = Story::new(StoryId("x".into()), "Ti\u{1b}[2Jtle\nTwo", at());
        s.action = "I\u{202E} did\tit".into();
        s.tags = vec![" teamwork ".into(), "\u{7}".into()];
        // Question ids are held inline (short) or not (long): both are cleaned the same way.
        let long = format!("q-{}", "x".repeat(40));
        s.questions = vec![
            Id::new(" q-intro\u{1b}[1m "),
            Id::new("\t"),
            Id::new(format!("{long}\u{7}")),
            Id::new("q-ok"),
        ];
        let s = s.sanitized();
        let questions: Vec<&str> = s.questions.iter().map(Id::as_str).collect();
        assert_eq!(questions, ["q-intro[1m", long.as_str(), "q-ok"]);
        assert_eq!(s.title, "Ti[2Jtle Two");
        // The tab expands to the next 4-column stop.
        assert_eq!(s.action, "I did   it");
        assert_eq!(s.tags, vec!["teamwork".to_string()]);
    }
}
