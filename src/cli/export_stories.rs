//! `clinicprep export stories`: the stories as a Markdown summary or JSON, printed or to a file.

use super::ExportFormat;
use crate::domain::config::Config;
use crate::domain::content::Library;
use crate::domain::stories::{Order, StoryStore, export};
use crate::storage::paths::Paths;
use std::io::Write;
use std::path::Path;

/// `clinicprep export stories`: the summary (or JSON) to stdout, or atomically to `output`. Story files
/// that cannot be read are named on `err` and left out; the rest are still exported.
pub fn export_stories_cmd(
    paths: &Paths,
    output: Option<&Path>,
    format: ExportFormat,
    out: &mut impl Write,
    err: &mut impl Write,
) -> std::io::Result<u8> {
    let (store, bad) = match StoryStore::load(&paths.data_dir) {
        Ok(loaded) => loaded,
        Err(e) => {
            writeln!(
                err,
                "clinicprep: {e}\nCheck the folder's permissions, or choose another with --data-dir DIR."
            )?;
            return Ok(1);
        }
    };
    for b in &bad {
        writeln!(
            err,
            "clinicprep: left out {b}\n  Fix that line (or move the file away) and export again to include it."
        )?;
    }
    let stories = store.list(Order::Title);
    // Certifications come from the config file and favourite asks from the stars on Home. A damaged
    // file of either kind leaves its section out (`clinicprep check` names the problem).
    let (config, _) = Config::load(&paths.config_file);
    let certifications = config.certifications.as_slice();
    let lib = Library::load_cached(&paths.user_content_dir(), &paths.data_dir);
    let starred = crate::domain::prep::MarkSet::load(
        &paths.data_dir,
        crate::domain::prep::MarkKind::Favourites,
    )
    .unwrap_or_else(|_| {
        crate::domain::prep::MarkSet::new(crate::domain::prep::MarkKind::Favourites)
    });
    let asks: Vec<&crate::domain::content::Ask> = lib
        .asks
        .iter()
        .filter(|a| starred.contains(&a.id))
        .collect();
    let asks = asks.as_slice();
    let text = match format {
        ExportFormat::Markdown => export::markdown(&stories, certifications, asks),
        ExportFormat::Full => crate::domain::stories::export_full::full_markdown(
            &stories,
            certifications,
            asks,
            |id| {
                lib.questions
                    .iter()
                    .find(|q| q.id.as_str() == id)
                    .map(|q| q.text.clone())
            },
        ),
        ExportFormat::Json => {
            let v = export::json(&stories, certifications, asks);
            // Serializing a `Value` cannot fail; fall back to the compact form rather than unwrap.
            let mut s = serde_json::to_string_pretty(&v).unwrap_or_else(|_| v.to_string());
            s.push('\n');
            s
        }
    };
    let Some(path) = output else {
        out.write_all(text.as_bytes())?;
        return Ok(0);
    };
    let Some(replaced) = super::write_export(path, text.as_bytes(), err)? else {
        return Ok(1);
    };
    let n = stories.len();
    writeln!(
        out,
        "Wrote {n} {} to {}{replaced}.",
        if n == 1 { "story" } else { "stories" },
        path.display(),
    )?;
    Ok(0)
}
