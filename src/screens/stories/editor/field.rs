//! One field of the story editor: its Tab order, label, hint and the room it takes in the form.

use crate::domain::stories::Section;

/// One field of the editor, in Tab order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Title,
    Section(Section),
    /// One line to glance at on the one-page sheet.
    Cue,
    Tags,
    Questions,
}

impl Field {
    pub const ALL: [Field; 8] = [
        Field::Title,
        Field::Section(Section::Situation),
        Field::Section(Section::Task),
        Field::Section(Section::Action),
        Field::Section(Section::Result),
        Field::Tags,
        Field::Questions,
        Field::Cue,
    ];

    /// How the field is laid out in the editor's form.
    pub fn shape(self) -> Shape {
        match self {
            Field::Title | Field::Cue => Shape::Line,
            Field::Section(_) => Shape::Text,
            Field::Tags | Field::Questions => Shape::Pick,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Field::Title => "Title",
            Field::Section(s) => s.label(),
            Field::Cue => "Cue",
            Field::Tags => "Tags",
            Field::Questions => "Questions",
        }
    }

    /// What to write here, for someone who has never written a STAR story.
    pub fn hint(self) -> &'static str {
        match self {
            Field::Title => "A short name you will recognize, e.g. “Calming an upset patient”",
            Field::Section(Section::Situation) => {
                "Where were you and what was going on? One or two sentences."
            }
            Field::Section(Section::Task) => "What did you have to do, or what was at stake?",
            Field::Section(Section::Action) => {
                "What did YOU do, step by step? This should be most of the story."
            }
            Field::Section(Section::Result) => {
                "How did it turn out? A number helps: how many, how much, how fast."
            }
            Field::Cue => {
                "One line for your interview sheet, e.g. “Unsteady resident: gait belt, called the nurse, no fall”"
            }
            Field::Tags => "Skills this story shows, separated by commas",
            Field::Questions => "Type words to find the questions this story answers",
        }
    }

    fn index(self) -> usize {
        Field::ALL.iter().position(|f| *f == self).unwrap_or(0)
    }

    pub fn next(self) -> Field {
        Field::ALL[(self.index() + 1) % Field::ALL.len()]
    }

    pub fn prev(self) -> Field {
        Field::ALL[(self.index() + Field::ALL.len() - 1) % Field::ALL.len()]
    }
}

/// How a field takes room in the editor's form (`view/form.rs`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// One line of text: one row, or a box of one line when focused.
    Line,
    /// Text that wraps: the story's parts share the height, the focused one most.
    Text,
    /// One line, and a pick list below it when focused.
    Pick,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tab_order_wraps_both_ways() {
        assert_eq!(Field::Title.next(), Field::Section(Section::Situation));
        assert_eq!(Field::Questions.next(), Field::Cue);
        assert_eq!(Field::Cue.next(), Field::Title);
        assert_eq!(Field::Title.prev(), Field::Cue);
        assert_eq!(Field::Tags.prev(), Field::Section(Section::Result));
    }
}
