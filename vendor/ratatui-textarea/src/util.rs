use ratatui_core::buffer::CellWidth as _;

pub fn spaces(size: u8) -> &'static str {
    const SPACES: &str = "                                                                                                                                                                                                                                                                ";
    &SPACES[..size as usize]
}

/// The number of cells ratatui draws `c` in. Unlike `UnicodeWidthChar::width`, this counts the
/// halfwidth katakana sound marks `ﾞ` and `ﾟ` as one cell each. Control chars are not drawn, so
/// they take no cells.
pub fn char_width(c: char) -> usize {
    // Patched (clinicprep): printable ASCII is one cell. Asking ratatui means a grapheme
    // segmentation per char, which dominated wrapping a long line.
    if c.is_ascii() {
        usize::from(!c.is_ascii_control())
    } else if c.is_control() {
        0
    } else {
        c.encode_utf8(&mut [0; 4]).cell_width().into()
    }
}

pub fn num_digits(i: usize) -> u8 {
    f64::log10(i as f64) as u8 + 1
}

#[derive(Debug, Clone)]
pub struct Pos {
    pub row: usize,
    pub col: usize,
    pub offset: usize,
}

impl Pos {
    pub fn new(row: usize, col: usize, offset: usize) -> Self {
        Self { row, col, offset }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_widths_are_what_ratatui_draws() {
        for b in 0u8..128 {
            let c = char::from(b);
            let want = if c.is_control() {
                0
            } else {
                usize::from(c.encode_utf8(&mut [0; 4]).cell_width())
            };
            assert_eq!(char_width(c), want, "{b:#x}");
        }
        assert_eq!(char_width('犬'), 2);
        assert_eq!(char_width('\u{301}'), 0);
    }
}
