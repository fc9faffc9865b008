//! The sheet as Markdown: the same parts as the printed page, for people who keep notes in Markdown or
//! paste into a document. Text is escaped so it reads as written.

use super::{LineKind, Sheet};
use std::fmt::Write;

/// Backslash-escapes what would turn plain text into Markdown emphasis, code, links, headings, list
/// items or HTML.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, c) in text.chars().enumerate() {
        let starts_block = i == 0 && matches!(c, '#' | '-' | '+' | '>' | '|');
        if starts_block || matches!(c, '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '&') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

pub fn render(sheet: &Sheet) -> String {
    let mut o = String::new();
    let hd = &sheet.header;
    let name = if hd.name.is_empty() {
        "My interview sheet"
    } else {
        &hd.name
    };
    let _ = writeln!(o, "# {}\n", escape(name));
    let mut meta = Vec::new();
    if let Some(job) = &hd.job {
        meta.push(escape(job));
    }
    if let Some(when) = &hd.when {
        meta.push(format!("Interview: {}", escape(when)));
    }
    if !hd.clinic.is_empty() {
        meta.push(escape(&hd.clinic.join(" · ")));
    }
    if !meta.is_empty() {
        // Two spaces before a newline keep the lines apart without making paragraphs.
        let _ = writeln!(o, "{}\n", meta.join("  \n"));
    }
    if let Some(intro) = &sheet.intro {
        let _ = writeln!(o, "## Tell me about yourself\n\n{}\n", escape(intro));
    }
    if !sheet.stories.is_empty() {
        o.push_str("## My stories\n\n");
        for s in &sheet.stories {
            let _ = write!(o, "- **{}**", escape(&s.title));
            if !s.shows.is_empty() {
                let _ = write!(o, " — shows {}", escape(&s.shows.join(", ").to_lowercase()));
            }
            if s.kind != LineKind::Nothing && !s.line.is_empty() {
                let _ = write!(o, "  \n  {}", escape(&s.line));
            }
            o.push('\n');
        }
        o.push('\n');
    }
    section(&mut o, "Questions to ask", &sheet.asks);
    section(&mut o, "Certifications", &sheet.certifications);
    if let Some(b) = &sheet.bring {
        let _ = writeln!(o, "## What to bring\n\n{}\n", escape(b));
    }
    if !sheet.facts.is_empty() {
        o.push_str("## Facts worth saying\n\n");
        for f in &sheet.facts {
            let _ = writeln!(
                o,
                "- **{}** {} _Source: {}_",
                escape(&f.question),
                escape(&f.text),
                escape(&f.source)
            );
        }
        o.push('\n');
    }
    while o.ends_with("\n\n") {
        o.pop();
    }
    o
}

fn section(o: &mut String, title: &str, items: &[String]) {
    if items.is_empty() {
        return;
    }
    let _ = writeln!(o, "## {title}\n");
    for i in items {
        let _ = writeln!(o, "- {}", escape(i));
    }
    o.push('\n');
}
