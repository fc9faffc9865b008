//! The close of the interview: "What questions do you have for us?", and the user's questions to pick.

use super::{answer, draw_doc, frame, inset};
use crate::kit::ViewCtx;
use crate::screens::practice::Practice;
use crate::widgets::doc::Doc;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

pub(super) fn render(p: &Practice, cx: &ViewCtx, area: Rect, buf: &mut Buffer) {
    let t = cx.theme;
    let lib = cx.data.library();
    let Some((run, q)) = p.asking(lib) else {
        return;
    };
    let inner = inset(frame(t, &answer::title(run, q, false), area, buf));
    let mut head = answer::prompt(p, run, q, lib, t, inner.width, false);
    head.text(
        "Pick one or two to ask (Space), then ask them out loud as you would in the room. ★ is \
         a question you starred.",
        t.muted,
    );
    let starred = cx.data.favourites();
    if !run.asks.iter().any(|a| starred.contains(a)) {
        head.text(
            "You have not starred any yet: these are suggestions. Star your own on the Home \
             screen.",
            t.muted,
        );
    }
    head.blank();
    // The list scrolls to keep the chosen question in sight.
    let mut list = Doc::new(usize::from(inner.width));
    let mut cursor_at = 0;
    for (i, id) in run.asks.iter().enumerate() {
        let Some(ask) = lib.ask(id) else {
            continue;
        };
        let here = i == run.cursor;
        if here {
            cursor_at = list.len();
        }
        let lead = format!(
            "{}[{}] {} ",
            if here { "▸ " } else { "  " },
            if run.picked.contains(id) { "x" } else { " " },
            if starred.contains(id) { "★" } else { " " }
        );
        let style = if here { t.selected } else { t.base };
        list.prefixed(&lead, "        ", &ask.text, style);
    }
    let head_h = u16::try_from(head.len())
        .unwrap_or(u16::MAX)
        .min(inner.height);
    draw_doc(
        &head,
        0,
        Rect {
            height: head_h,
            ..inner
        },
        buf,
    );
    let rest = Rect {
        y: inner.y + head_h,
        height: inner.height - head_h,
        ..inner
    };
    let rows = usize::from(rest.height);
    let scroll = (cursor_at + 2).saturating_sub(rows);
    draw_doc(&list, scroll, rest, buf);
}
