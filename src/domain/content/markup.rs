//! The tiny markup of guide sections: paragraphs, "- " bullets and "### " headings.

/// One block of a guide section.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    Heading(String),
    Paragraph(String),
    Bullet(String),
}

impl Block {
    pub fn text(&self) -> &str {
        match self {
            Block::Heading(s) | Block::Paragraph(s) | Block::Bullet(s) => s,
        }
    }
}

/// Splits section text into blocks. Lines of a paragraph are joined with spaces; a bullet's
/// continuation lines (indented, not starting with "- ") join the bullet.
pub fn blocks(text: &str) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::new();
    let mut open = false;
    for raw in text.lines() {
        let line = raw.trim();
        if line.is_empty() {
            open = false;
        } else if let Some(h) = line.strip_prefix("### ") {
            out.push(Block::Heading(h.trim().to_string()));
            open = false;
        } else if let Some(b) = line.strip_prefix("- ").or_else(|| line.strip_prefix("* ")) {
            out.push(Block::Bullet(b.trim().to_string()));
            open = true;
        } else {
            match out.last_mut() {
                Some(Block::Paragraph(p) | Block::Bullet(p)) if open => {
                    p.push(' ');
                    p.push_str(line);
                }
                _ => {
                    out.push(Block::Paragraph(line.to_string()));
                    open = true;
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_paragraphs_bullets_and_headings() {
        let text =
            "First line\ncontinues here.\n\n### Day to day\n- one\n  more of one\n- two\n\nLast.";
        assert_eq!(
            blocks(text),
            vec![
                Block::Paragraph("First line continues here.".into()),
                Block::Heading("Day to day".into()),
                Block::Bullet("one more of one".into()),
                Block::Bullet("two".into()),
                Block::Paragraph("Last.".into()),
            ]
        );
    }

    #[test]
    fn empty_text_has_no_blocks() {
        assert!(blocks("\n \n").is_empty());
    }
}
