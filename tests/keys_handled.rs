//! Every key a screen lists does something there: in each state a user can reach, pressing each
//! key of the keymap in force never reaches a screen that has no use for it (`Ctx::ignore`). A key
//! listed by mistake shows up here as the state, the key and its help text.
#![allow(clippy::unwrap_used, clippy::expect_used)] // panicking is how a test fails

mod common;

use common::Harness;
use common::states;
use crossterm::event::Event;

#[test]
fn every_listed_key_is_handled_by_the_screen_that_lists_it() {
    let mut dead = Vec::new();
    let mut pressed = 0;
    for state in states::all() {
        let mut h = Harness::new();
        (state.reach)(&mut h);
        let keymap = h.app.keymap();
        let keys: Vec<_> = keymap
            .groups
            .iter()
            .flat_map(|g| g.bindings.iter())
            .filter(|b| !b.typed)
            .filter_map(|b| {
                // The first of its keys that reaches this binding (an earlier group may take some).
                b.keys
                    .iter()
                    .map(|k| k.event())
                    .find(|ev| keymap.binding_for(ev).is_some_and(|x| std::ptr::eq(x, b)))
                    .map(|ev| (ev, b.help))
            })
            .collect();
        for (ev, help) in keys {
            let mut h = Harness::new();
            (state.reach)(&mut h);
            h.app.handle_event(Event::Key(ev));
            pressed += 1;
            if let Some(a) = h.app.ignored() {
                dead.push(format!(
                    "{}: {:?} ({help}) reached {a:?}",
                    state.name, ev.code
                ));
            }
        }
    }
    assert!(pressed > 200, "only {pressed} keys pressed");
    assert!(
        dead.is_empty(),
        "keys listed where they do nothing:\n{}",
        dead.join("\n")
    );
}
