use ratatui_textarea::TextArea;

// Regression test for #4
#[test]
fn disable_history() {
    let mut t = TextArea::default();
    t.set_max_histories(0);
    assert!(t.insert_str("hello"));
    assert_eq!(t.lines(), ["hello"]);
}

// Patched (clinicprep): word-level undo and undo groups.
mod word_undo {
    use ratatui_textarea::{CursorMove, TextArea};

    fn typed(text: &str) -> TextArea<'static> {
        let mut t = TextArea::default();
        t.set_word_undo(true);
        for c in text.chars() {
            if c == '\n' {
                t.insert_newline();
            } else {
                t.insert_char(c);
            }
        }
        t
    }

    /// Undoes until nothing is left, returning the text after each step.
    fn steps(t: &mut TextArea<'_>) -> Vec<String> {
        let mut out = Vec::new();
        while t.undo() {
            out.push(t.lines().join("\n"));
        }
        out
    }

    #[test]
    fn one_undo_takes_back_a_word_and_the_spaces_after_it() {
        let mut t = typed("I took  over check-in");
        assert_eq!(
            steps(&mut t),
            ["I took  over ", "I took  ", "I ", ""],
            "“check-in” is one word: only a space starts a new one"
        );
        while t.redo() {}
        assert_eq!(t.lines(), ["I took  over check-in"]);
    }

    #[test]
    fn a_short_sentence_takes_one_undo_a_word_not_seventeen() {
        let mut t = typed("We moved the mat.");
        assert_eq!(steps(&mut t).len(), 4);
    }

    #[test]
    fn a_new_line_and_a_cursor_move_start_new_steps() {
        let mut t = typed("ab\ncd");
        t.move_cursor(CursorMove::Head);
        t.insert_char('x');
        t.insert_char('y');
        assert_eq!(t.lines(), ["ab", "xycd"]);
        assert_eq!(steps(&mut t), ["ab\ncd", "ab\n", "ab", ""]);
    }

    #[test]
    fn backspace_and_delete_are_undone_a_word_at_a_time() {
        let mut t = typed("one two three");
        t.set_word_undo(true);
        for _ in 0.."two three".len() {
            t.delete_char();
        }
        assert_eq!(t.lines(), ["one "]);
        t.undo();
        assert_eq!(
            t.lines(),
            ["one two "],
            "the spaces go back with the word before them"
        );
        t.undo();
        assert_eq!(t.lines(), ["one two three"]);

        let mut t = typed("one two");
        t.move_cursor(CursorMove::Head);
        for _ in 0..5 {
            t.delete_next_char();
        }
        assert_eq!(t.lines(), ["wo"]);
        t.undo();
        assert_eq!(t.lines(), ["two"]);
        t.undo();
        assert_eq!(t.lines(), ["one two"]);
    }

    #[test]
    fn typing_after_an_undo_starts_a_new_step() {
        let mut t = typed("ab cd");
        t.undo();
        t.insert_char('e');
        assert_eq!(t.lines(), ["ab e"]);
        t.undo();
        assert_eq!(t.lines(), ["ab "]);
    }

    #[test]
    fn off_by_default_as_upstream() {
        let mut t = TextArea::default();
        t.insert_char('a');
        t.insert_char('b');
        t.undo();
        assert_eq!(t.lines(), ["a"]);
        assert!(!t.word_undo());
    }

    #[test]
    fn an_undo_group_is_one_step_and_keeps_its_neighbours_apart() {
        let mut t = typed("I helped with the transfers");
        t.move_cursor(CursorMove::Jump(0, 2));
        t.undo_group(|t| {
            t.delete_str(11);
            t.insert_str("guided");
        });
        t.insert_char('!');
        assert_eq!(t.lines(), ["I guided! the transfers"]);
        t.undo();
        assert_eq!(t.lines(), ["I guided the transfers"]);
        t.undo();
        assert_eq!(t.lines(), ["I helped with the transfers"]);
        t.redo();
        assert_eq!(t.lines(), ["I guided the transfers"]);
        t.redo();
        assert_eq!(t.lines(), ["I guided! the transfers"]);
    }

    #[test]
    fn a_group_across_lines_and_a_nested_group_are_one_step() {
        let mut t = TextArea::from(["ab", "cd"]);
        t.undo_group(|t| {
            t.insert_str("x\ny");
            t.undo_group(|t| t.insert_char('z'));
            t.insert_newline();
        });
        assert_eq!(t.lines(), ["x", "yz", "ab", "cd"]);
        assert!(t.undo());
        assert_eq!(t.lines(), ["ab", "cd"]);
        assert!(!t.undo());
    }
}
