use super::*;
use crate::kit::fixture::Fixture;
use crate::storage::lock::{Acquired, DataLock};

fn at() -> DateTime<Utc> {
    DateTime::from_timestamp(1_795_424_400, 0).unwrap()
}

fn with_story(f: &mut Fixture) {
    let dir = f.dir.path().join("stories");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("fall.toml"),
        "title = 'A fall I prevented'\naction = 'I held the gait belt.'\n",
    )
    .unwrap();
    let paths = crate::storage::paths::Paths::in_dir(f.dir.path());
    let lib = crate::domain::content::Library::builtin();
    f.data = crate::kit::AppData::load(paths, lib, None);
}

#[test]
fn a_read_only_window_changes_nothing_and_says_why() {
    let mut f = Fixture::new(at());
    with_story(&mut f);
    let dir = f.dir.path().to_path_buf();
    let _writer = DataLock::acquire(&dir).unwrap();
    let Ok(Acquired::ReadOnly(holder)) = DataLock::acquire(&dir) else {
        panic!("second lock granted");
    };
    f.data.set_read_only(holder);
    let mut s = SheetScreen::new();
    f.update(
        &mut s,
        &[Action::PinToSheet, Action::WriteSheet, Action::EditIntro],
    );
    assert!(s.intro.is_none(), "the introduction does not open");
    assert!(!dir.join("sheet.toml").exists());
    assert!(!dir.join("sheet.html").exists());
    let status = f.status.map(|s| s.text).unwrap_or_default();
    assert!(status.contains("read-only"), "{status}");
}

#[test]
fn rows_show_each_story_with_its_place_and_pins_move_it_first() {
    let mut f = Fixture::new(at());
    with_story(&mut f);
    let rows = rows(&f.view());
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].state, RowState::OnSheet);
    let mut s = SheetScreen::new();
    f.update(&mut s, &[Action::PinToSheet]);
    assert_eq!(super::rows(&f.view())[0].state, RowState::Pinned);
    f.update(&mut s, &[Action::DropFromSheet]);
    assert_eq!(
        super::rows(&f.view())[0].state,
        RowState::NotChosen(Why::Dropped)
    );
    assert!(
        std::fs::read_to_string(f.dir.path().join("sheet.toml"))
            .unwrap()
            .contains("dropped = [\"fall\"]")
    );
}

#[test]
fn the_introduction_saves_when_due_and_says_when_it_is_next_due() {
    let mut f = Fixture::new(at());
    let mut s = SheetScreen::new();
    f.update(&mut s, &[Action::EditIntro]);
    assert!(s.intro.is_some());
    let key = crossterm::event::KeyEvent::from(crossterm::event::KeyCode::Char('I'));
    f.update(&mut s, &[Action::Edit(key)]);
    let due = s.next_deadline().expect("an autosave is due");
    assert!(
        !f.dir.path().join("sheet.toml").exists(),
        "not before it is due"
    );
    f.now = due;
    assert!(s.tick(&mut f.cx(), true));
    assert!(s.next_deadline().is_none());
    let text = std::fs::read_to_string(f.dir.path().join("sheet.toml")).unwrap();
    assert!(text.contains("intro = \"I\""), "{text}");
}
