//! The end-of-session screen: what was done, what is still coming back and what is left today.

use super::Cards;
use super::review_view::plural;
use crate::domain::schedule::{Grade, Mode, format_interval};
use crate::domain::study::Session;
use crate::kit::ViewCtx;
use crate::widgets::doc::Doc;
use crate::widgets::text::draw_lines;
use chrono::Duration;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Widget};

fn minutes(d: Duration) -> String {
    match d.num_minutes() {
        0 => "under a minute".to_string(),
        1 => "1 minute".to_string(),
        n => format!("{n} minutes"),
    }
}

/// When the session stopped with cards started but not finished (put back after Again or a first
/// Good), how many and when the first is ready, so "0 of 20 done" after two reviews makes sense.
/// A few lookups, one a card put back, on each frame.
fn coming_back(session: &Session, cx: &ViewCtx) -> Option<String> {
    if session.is_finished() {
        return None;
    }
    let back = session.coming_back();
    let store = cx.data.reviews()?;
    let dues = back
        .iter()
        .filter_map(|id| store.state(id))
        .map(|s| s.due_ms);
    let (first, last) = dues.fold(None, |span: Option<(i64, i64)>, due| {
        Some(span.map_or((due, due), |(a, b)| (a.min(due), b.max(due))))
    })?;
    let now = cx.now.timestamp_millis();
    // Not "14 cards come back in under a minute" when one answered Again does and thirteen
    // answered Good come back in 10 minutes (a persona walk): the first and the last.
    let (soon, late) = (wait_in_words(first - now), wait_in_words(last - now));
    if back.len() > 1 && last > now && soon != late {
        let first_part = if first <= now {
            "the first is ready now".to_string()
        } else {
            format!("the first in {soon}")
        };
        return Some(format!(
            "{} you started come back, {first_part} and the last in {late}: study “{}” again to \
             finish them.",
            plural(back.len(), "card"),
            session.title
        ));
    }
    let (is, comes, them) = if back.len() == 1 {
        ("is", "comes", "it")
    } else {
        ("are", "come", "them")
    };
    let wait = first - now;
    // "again then" does not read as English: a card ready now is studied now, one coming back
    // later once it is back.
    let when = if wait <= 0 {
        format!("{is} ready again now: study “{}” again", session.title)
    } else {
        format!(
            "{comes} back in {}: study “{}” again after that",
            wait_in_words(wait),
            session.title
        )
    };
    Some(format!(
        "{} you started {when} to finish {them}.",
        plural(back.len(), "card"),
    ))
}

/// A wait of `ms` milliseconds as a person says it, rounded up: "under a minute", "10 minutes",
/// "about 2 hours".
fn wait_in_words(ms: i64) -> String {
    let ms = u64::try_from(ms).unwrap_or(0);
    let secs = ms.div_ceil(1000);
    if secs < 60 {
        return "under a minute".to_string();
    }
    match secs.div_ceil(60) {
        1 => "1 minute".to_string(),
        m if m < 60 => format!("{m} minutes"),
        m => match (m + 30) / 60 {
            1 => "about an hour".to_string(),
            h => format!("about {h} hours"),
        },
    }
}

pub fn render_summary(c: &Cards, cx: &ViewCtx, area: Rect, buf: &mut Buffer) {
    let t = cx.theme;
    let block = Block::bordered()
        .title(" Session done ")
        .border_style(t.focus_border);
    let inner = block.inner(area);
    block.render(area, buf);
    let Some(session) = c.session.as_ref() else {
        return;
    };
    let mut d = Doc::new(usize::from(inner.width.saturating_sub(2)));
    let (reviews, per) = session.tally();
    let cards = session.cards_graded();
    if session.is_finished() {
        d.text(&format!("Finished “{}”.", session.title), t.title);
    } else {
        // In the words of the study header: cards graded but still coming back (learning steps)
        // are "seen", so seven cards answered Good do not read as "0 done and 7 started".
        let done = session.cards_done();
        let seen = cards.max(done);
        let all = plural(session.cards(), "card");
        d.text(
            &match seen - done {
                0 => format!("Stopped “{}” with {done} of {all} done.", session.title),
                // When they come back is said below.
                _ => format!("Stopped “{}” with {seen} of {all} seen.", session.title),
            },
            t.title,
        );
    }
    d.blank();
    d.text(
        &format!(
            "You saw {} and did {} in {}.",
            plural(cards, "card"),
            plural(reviews, "review"),
            minutes(session.elapsed(cx.now))
        ),
        t.base,
    );
    if matches!(session.mode, Mode::Cram { .. }) {
        d.text(
            "Cram grades count like any others: they went into your card schedule.",
            t.muted,
        );
    }
    let styles = [t.bad, t.warn, t.good, t.accent];
    let mut spans = Vec::new();
    for (i, g) in Grade::ALL.iter().enumerate() {
        if i > 0 {
            spans.push(Span::styled(" · ", t.muted));
        }
        spans.push(Span::styled(format!("{} {}", g.label(), per[i]), styles[i]));
    }
    d.line(Line::from(spans));
    if let Some(store) = cx.data.reviews() {
        let today = store.today(cx.now);
        // Kept between frames (see `summary`): counting every card here cost 146 ms a frame at
        // 100,000 cards.
        let left = c.summary_left(store, cx.now);
        d.blank();
        d.text(
            &format!(
                "Today: {} reviewed · streak {}.",
                store.reviewed_on(today),
                plural(store.streak(today) as usize, "day")
            ),
            t.base,
        );
        let next = left.next.map_or(String::new(), |d| {
            format!(" The next card is due in {}.", format_interval(d - cx.now))
        });
        d.text(
            &format!(
                "Left today in “My interview”: {} due, {} new.{next}",
                left.due, left.new
            ),
            t.base,
        );
        if let Some(line) = coming_back(session, cx) {
            d.text(&line, t.warn);
        }
        d.text(
            &format!(
                "Overall: {} of {} never seen yet.",
                left.unseen,
                plural(left.total, "card")
            ),
            t.base,
        );
    }
    d.blank();
    d.text(
        "Enter goes back to the decks. u undoes the last grade.",
        t.muted,
    );
    let text = Rect {
        x: inner.x + 1,
        width: inner.width.saturating_sub(2),
        ..inner
    };
    draw_lines(d.window(0, usize::from(text.height)), text, buf);
}

#[cfg(test)]
mod tests {
    use super::wait_in_words;

    #[test]
    fn waits_are_said_in_words_and_rounded_up() {
        let cases = [
            (0, "under a minute"),
            (59_000, "under a minute"),
            (60_000, "1 minute"),
            (61_000, "2 minutes"),
            (600_000, "10 minutes"),
            (59 * 60_000, "59 minutes"),
            (60 * 60_000, "about an hour"),
            (150 * 60_000, "about 3 hours"),
            (-5, "under a minute"),
        ];
        for (ms, words) in cases {
            assert_eq!(wait_in_words(ms), words, "{ms} ms");
        }
    }
}
