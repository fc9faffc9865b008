//! One mock interview under way: its questions, the answer being given, and the round as it is saved.

use crate::domain::content::{FollowUp, Id, Library, Persona, Question, Trigger};
use crate::domain::practice::typed::TypedAnalysis;
use crate::domain::practice::{AnswerMode, AnswerTimer, Pick, RoundRecord, Rubric};
use crate::kit::Theme;
use crate::widgets::field::{Lines, TextField};
use ratatui_textarea::WrapMode;

#[derive(Debug)]
pub struct Run {
    pub picks: Vec<Pick>,
    /// The question being asked, answered or rated.
    pub index: usize,
    pub mode: AnswerMode,
    /// Varies the interviewer's lines and the follow-ups between interviews.
    pub seed: u64,
    pub timer: Option<AnswerTimer>,
    /// The answer box, for typed answers and their follow-ups.
    pub field: TextField,
    /// The main answer once ended: seconds (spoken, or estimated for typed text) and the text.
    pub seconds: u32,
    pub typed: Option<String>,
    pub analysis: Option<TypedAnalysis>,
    pub rubric: Rubric,
    /// The rubric box with the cursor.
    pub check: usize,
    /// The follow-up being asked, and what the answer lacked.
    pub follow: Option<(FollowUp, Trigger)>,
    /// The questions offered at the close, and those picked to ask.
    pub asks: Vec<Id>,
    pub picked: Vec<Id>,
    pub cursor: usize,
    /// The round so far, as it is saved.
    pub round: RoundRecord,
    /// True once the last question was answered: the interviewer says goodbye.
    pub finished: bool,
}

impl Run {
    pub fn new(picks: Vec<Pick>, mode: AnswerMode, seed: u64, round: RoundRecord) -> Run {
        Run {
            picks,
            index: 0,
            mode,
            seed,
            timer: None,
            field: TextField::new(Lines::Many, ""),
            seconds: 0,
            typed: None,
            analysis: None,
            rubric: Rubric::default(),
            check: 0,
            follow: None,
            asks: Vec::new(),
            picked: Vec::new(),
            cursor: 0,
            round,
            finished: false,
        }
    }

    /// A fresh answer box for the next answer.
    pub fn clear_field(&mut self, theme: &Theme) {
        let mut field = TextField::new(
            Lines::Many,
            "Type your answer, or paste it from your phone.",
        );
        let t = field.area_mut();
        t.set_placeholder_style(theme.muted);
        t.set_wrap_mode(WrapMode::WordOrGlyph);
        t.set_max_histories(1000);
        self.field = field;
    }

    /// The question on screen, if it still exists in the content.
    pub fn question<'a>(&self, lib: &'a Library) -> Option<&'a Question> {
        lib.question(&self.picks.get(self.index)?.id)
    }

    pub fn pick(&self) -> Option<&Pick> {
        self.picks.get(self.index)
    }

    /// The interviewer, if the round has one that still exists.
    pub fn persona<'a>(&self, lib: &'a Library) -> Option<&'a Persona> {
        let id = self.round.interviewer.as_ref()?;
        lib.personas.iter().find(|p| &p.id == id)
    }
}
