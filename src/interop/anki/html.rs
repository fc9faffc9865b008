//! Turns the HTML in Anki fields into plain text: line breaks kept, tags dropped, entities decoded.

/// Plain text of an HTML fragment. `<br>` and block elements (`div`, `p`, `li`, ...) become line
/// breaks, list items get a `- `, other tags and comments vanish, `<style>`/`<script>` bodies are
/// dropped, entities are decoded, and runs of spaces collapse as a browser would show them.
pub fn to_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(c) = rest.chars().next() {
        match c {
            '<' => {
                if let Some(after) = rest.strip_prefix("<!--") {
                    rest = after.find("-->").map_or("", |end| &after[end + 3..]);
                    continue;
                }
                let tag_start = rest[1..].chars().next();
                let looks_like_tag = tag_start.is_some_and(|c| c.is_ascii_alphabetic() || c == '/');
                let end = rest.find('>').filter(|_| looks_like_tag);
                let Some(end) = end else {
                    // A '<' that starts no tag is text ("x < y", "<3").
                    out.push('<');
                    rest = &rest[1..];
                    continue;
                };
                let tag = &rest[1..end];
                rest = &rest[end + 1..];
                let closing = tag.starts_with('/');
                let name = tag
                    .trim_start_matches('/')
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric())
                    .collect::<String>()
                    .to_ascii_lowercase();
                match name.as_str() {
                    "br" => out.push('\n'),
                    "style" | "script" if !closing => {
                        let close = format!("</{name}");
                        let lower = rest.to_ascii_lowercase();
                        rest = match lower.find(&close) {
                            Some(i) => rest[i..].find('>').map_or("", |j| &rest[i + j + 1..]),
                            None => "",
                        };
                    }
                    "li" if !closing => {
                        line_break(&mut out);
                        out.push_str("- ");
                    }
                    "div" | "p" | "li" | "ul" | "ol" | "tr" | "table" | "blockquote" | "h1"
                    | "h2" | "h3" | "h4" | "h5" | "h6" | "hr" | "pre" => line_break(&mut out),
                    "td" | "th" => space(&mut out),
                    _ => {}
                }
            }
            '&' => {
                let (text, used) = entity(rest);
                out.push_str(&text);
                rest = &rest[used..];
            }
            c if c.is_whitespace() && c != '\u{a0}' => {
                space(&mut out);
                rest = &rest[c.len_utf8()..];
            }
            c => {
                out.push(c);
                rest = &rest[c.len_utf8()..];
            }
        }
    }
    tidy(&out)
}

fn line_break(out: &mut String) {
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
}

fn space(out: &mut String) {
    if !out.is_empty() && !out.ends_with([' ', '\n']) {
        out.push(' ');
    }
}

/// Trims each line and keeps at most one blank line in a row.
fn tidy(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut blank = 0;
    for line in s.split('\n').map(|l| l.trim_matches(' ')) {
        if line.is_empty() {
            blank += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank > 0 { "\n\n" } else { "\n" });
        }
        blank = 0;
        out.push_str(line);
    }
    out.replace('\u{a0}', " ")
}

/// Decodes the entity at the start of `s` (which starts with `&`): the text and bytes consumed. An
/// unknown or unterminated entity is kept as written.
fn entity(s: &str) -> (String, usize) {
    let literal = ("&".to_string(), 1);
    let Some(end) = s[1..].find(';').map(|i| i + 1).filter(|e| *e <= 12) else {
        return literal;
    };
    let name = &s[1..end];
    let decoded = if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok(),
            None => num.parse::<u32>().ok(),
        };
        code.and_then(char::from_u32)
            .filter(|c| *c != '\0')
            .map(String::from)
    } else {
        named(name).map(String::from)
    };
    match decoded {
        Some(t) => (t, end + 1),
        None => literal,
    }
}

fn named(name: &str) -> Option<&'static str> {
    Some(match name {
        "amp" => "&",
        "lt" => "<",
        "gt" => ">",
        "quot" => "\"",
        "apos" => "'",
        "nbsp" => "\u{a0}",
        "ndash" => "–",
        "mdash" => "—",
        "hellip" => "…",
        "lsquo" => "‘",
        "rsquo" => "’",
        "ldquo" => "“",
        "rdquo" => "”",
        "bull" => "•",
        "middot" => "·",
        "deg" => "°",
        "times" => "×",
        "divide" => "÷",
        "plusmn" => "±",
        "frac12" => "½",
        "copy" => "©",
        "reg" => "®",
        "trade" => "™",
        "eacute" => "é",
        "egrave" => "è",
        "aacute" => "á",
        "ntilde" => "ñ",
        "uuml" => "ü",
        "ouml" => "ö",
        "auml" => "ä",
        "larr" => "←",
        "rarr" => "→",
        "le" => "≤",
        "ge" => "≥",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn breaks_and_blocks_become_newlines() {
        assert_eq!(
            to_text("one<br>two<br/>three<BR />four"),
            "one\ntwo\nthree\nfour"
        );
        assert_eq!(to_text("<div>a</div><div>b</div>"), "a\nb");
        assert_eq!(to_text("<ul><li>x</li><li>y</li></ul>"), "- x\n- y");
    }

    #[test]
    fn tags_go_and_entities_are_decoded() {
        assert_eq!(
            to_text("<b>Gait</b> belt &amp; <i>transfer</i> &lt;safe&gt; &#39;a&#x27;&nbsp;x"),
            "Gait belt & transfer <safe> 'a' x"
        );
        assert_eq!(
            to_text("&unknown; & alone &#xZZ;"),
            "&unknown; & alone &#xZZ;"
        );
    }

    #[test]
    fn styles_scripts_and_comments_vanish_but_text_lt_stays() {
        assert_eq!(
            to_text("<style>.x{}</style>a<!-- c -->b<script>bad()</script> x < y <3"),
            "ab x < y <3"
        );
        assert_eq!(to_text("<3 and x > 2"), "<3 and x > 2");
    }

    #[test]
    fn whitespace_collapses_like_a_browser() {
        assert_eq!(to_text("  a \n  b\t c  "), "a b c");
        assert_eq!(to_text("a<br><br><br><br>b"), "a\n\nb");
    }
}
