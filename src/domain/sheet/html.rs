//! The sheet as one self-contained HTML file to open in a browser and print: inline CSS, system fonts,
//! no scripts, nothing fetched from the network. Every piece of text is escaped, so a story that
//! contains `<script>` prints as those characters.

use super::fit::{
    BODY, COLUMN_GAP, HEADING, HEADING_ABOVE, HEADING_BELOW, HEADING_PAD, HEADING_RULE, ITEM_GAP,
    LIST_INDENT, MARGIN_PT, NAME, PT_PER_IN, STORY_GAP, shows_text, source_text,
};
use super::{LineKind, Sheet};
use std::fmt::Write;

/// Escapes text for HTML element content and quoted attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The stylesheet. Sizes are the ones [`super::fit`] measures with; fonts are ones every system has,
/// narrowest first, so the page looks the same wherever it is printed and never loads anything.
fn css() -> String {
    let margin_in = MARGIN_PT / PT_PER_IN;
    format!(
        "@page {{ size: auto; margin: {margin_in}in; }}
* {{ box-sizing: border-box; }}
html {{ -webkit-print-color-adjust: exact; print-color-adjust: exact; }}
body {{ margin: 0; color: #000; background: #fff;
  font-family: Arial, \"Liberation Sans\", Helvetica, \"Helvetica Neue\", \"Segoe UI\", Roboto, \"DejaVu Sans\", sans-serif;
  font-size: {body}pt; line-height: {body_line}pt; overflow-wrap: anywhere; }}
h1 {{ font-size: {name}pt; line-height: {name_line}pt; margin: 0; }}
h2 {{ font-size: {h2}pt; line-height: {h2_line}pt; margin: {h2_above}pt 0 {h2_below}pt;
  padding: 0 0 {h2_pad}pt; border-bottom: {h2_rule}pt solid #555; }}
p, ul {{ margin: 0; }}
ul {{ padding: 0 0 0 {indent}pt; }}
li + li {{ margin-top: {item_gap}pt; }}
.story + .story {{ margin-top: {story_gap}pt; }}
.shows, .src {{ color: #333; }}
.cols {{ display: grid; grid-template-columns: 1fr 1fr; column-gap: {col_gap}pt; }}
.cols.one {{ grid-template-columns: 1fr; }}
.tip {{ font-size: {body}pt; color: #333; }}
@media screen {{
  body {{ background: #e6e6e6; }}
  main {{ background: #fff; width: 8.27in; margin: 12px auto; padding: {margin_in}in;
    box-shadow: 0 1px 4px rgba(0, 0, 0, 0.3); }}
  .tip {{ width: 8.27in; margin: 12px auto 0; }}
}}
@media print {{ .tip {{ display: none; }} }}
",
        body = BODY.size,
        body_line = BODY.line,
        name = NAME.size,
        name_line = NAME.line,
        h2 = HEADING.size,
        h2_line = HEADING.line,
        h2_above = HEADING_ABOVE,
        h2_below = HEADING_BELOW,
        h2_pad = HEADING_PAD,
        h2_rule = HEADING_RULE,
        indent = LIST_INDENT,
        item_gap = ITEM_GAP,
        story_gap = STORY_GAP,
        col_gap = COLUMN_GAP,
    )
}

/// The whole page.
pub fn render(sheet: &Sheet) -> String {
    let mut o = String::new();
    let hd = &sheet.header;
    let name = if hd.name.is_empty() {
        "My interview sheet".to_string()
    } else {
        hd.name.clone()
    };
    // `write!` into a String cannot fail.
    let _ = write!(
        o,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>Interview sheet: {}</title>\n<style>\n{}</style>\n</head>\n<body>\n",
        escape(&name),
        css()
    );
    o.push_str(
        "<p class=\"tip\">To print: press Ctrl+P (Command+P on a Mac). The sheet fits one page of \
         US Letter or A4.</p>\n<main>\n<header>\n",
    );
    let _ = writeln!(o, "<h1>{}</h1>", escape(&name));
    if let Some(job) = &hd.job {
        let _ = writeln!(o, "<p>{}</p>", escape(job));
    }
    if let Some(when) = &hd.when {
        let _ = writeln!(o, "<p>Interview: {}</p>", escape(when));
    }
    if !hd.clinic.is_empty() {
        let _ = writeln!(o, "<p>{}</p>", escape(&hd.clinic.join(" · ")));
    }
    o.push_str("</header>\n");
    if let Some(intro) = &sheet.intro {
        let _ = writeln!(
            o,
            "<section>\n<h2>Tell me about yourself</h2>\n<p>{}</p>\n</section>",
            escape(intro)
        );
    }
    if !sheet.stories.is_empty() {
        o.push_str("<section>\n<h2>My stories</h2>\n");
        for s in &sheet.stories {
            let _ = write!(
                o,
                "<div class=\"story\"><p><b>{}</b><span class=\"shows\">{}</span></p>",
                escape(&s.title),
                escape(&shows_text(&s.shows))
            );
            if s.kind != LineKind::Nothing && !s.line.is_empty() {
                let _ = write!(o, "<p>{}</p>", escape(&s.line));
            }
            o.push_str("</div>\n");
        }
        o.push_str("</section>\n");
    }
    let left = !sheet.asks.is_empty();
    let right = !sheet.certifications.is_empty() || sheet.bring.is_some();
    if left || right {
        let class = if left && right { "cols" } else { "cols one" };
        let _ = writeln!(o, "<div class=\"{class}\">");
        if left {
            o.push_str("<section>\n<h2>Questions to ask</h2>\n");
            list(&mut o, &sheet.asks);
            o.push_str("</section>\n");
        }
        if right {
            o.push_str("<section>\n");
            if !sheet.certifications.is_empty() {
                o.push_str("<h2>Certifications</h2>\n");
                list(&mut o, &sheet.certifications);
            }
            if let Some(b) = &sheet.bring {
                let _ = writeln!(o, "<h2>What to bring</h2>\n<p>{}</p>", escape(b));
            }
            o.push_str("</section>\n");
        }
        o.push_str("</div>\n");
    }
    if !sheet.facts.is_empty() {
        o.push_str("<section>\n<h2>Facts worth saying</h2>\n<ul>\n");
        for f in &sheet.facts {
            let _ = writeln!(
                o,
                "<li><b>{}</b> {}<span class=\"src\">{}</span></li>",
                escape(&f.question),
                escape(&f.text),
                escape(&source_text(&f.source))
            );
        }
        o.push_str("</ul>\n</section>\n");
    }
    o.push_str("</main>\n</body>\n</html>\n");
    o
}

fn list(o: &mut String, items: &[String]) {
    o.push_str("<ul>\n");
    for i in items {
        let _ = writeln!(o, "<li>{}</li>", escape(i));
    }
    o.push_str("</ul>\n");
}
