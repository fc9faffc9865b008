use super::*;
use crate::domain::config::Config;
use std::fs;

#[test]
fn replacing_keeps_comments_and_other_keys() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.toml");
    let before =
        "# my settings\n\n# the big day\ninterview_date = 2026-01-01 # soon\ntheme = \"light\"\n";
    fs::write(&path, before).unwrap();
    save_interview_date(&path, NaiveDate::from_ymd_opt(2026, 12, 3)).unwrap();
    let after = fs::read_to_string(&path).unwrap();
    assert_eq!(
        after,
        "# my settings\n\n# the big day\ninterview_date = 2026-12-03 # soon\ntheme = \"light\"\n"
    );
    save_interview_date(&path, None).unwrap();
    let cleared = fs::read_to_string(&path).unwrap();
    assert!(
        cleared.contains("# the big day\ninterview_date = \"\" # soon\n"),
        "{cleared}"
    );
}

#[test]
fn creates_a_missing_file_and_folder() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sub/config.toml");
    save_interview_date(&path, NaiveDate::from_ymd_opt(2027, 2, 28)).unwrap();
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.starts_with(NEW_FILE_HEADER));
    assert!(text.contains("interview_date = 2027-02-28\n"), "{text}");
}

#[test]
fn a_table_under_the_key_is_not_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.toml");
    let before = "[interview_date]\nday = 1\n";
    fs::write(&path, before).unwrap();
    let err = save_interview_date(&path, NaiveDate::from_ymd_opt(2027, 2, 28)).unwrap_err();
    assert!(matches!(err, ConfigSaveError::Invalid(_)), "{err}");
    assert_eq!(fs::read_to_string(&path).unwrap(), before);
}

/// The date field on Home gives a date and maybe a time: the time goes under `[profile]`, which is
/// made only when there is a time to keep; comments stay, and the file reads back the same.
#[test]
fn the_interview_time_is_kept_beside_the_date_and_no_table_is_made_for_none() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.toml");
    let day = NaiveDate::from_ymd_opt(2026, 12, 10);
    fs::write(&path, "theme = \"light\" # mine\n").unwrap();
    save_interview(&path, day, None).unwrap();
    let text = fs::read_to_string(&path).unwrap();
    assert_eq!(
        text,
        "theme = \"light\" # mine\ninterview_date = 2026-12-10\n"
    );
    save_interview(&path, day, NaiveTime::from_hms_opt(10, 0, 0)).unwrap();
    let text = fs::read_to_string(&path).unwrap();
    assert!(
        text.contains("[profile]\ninterview_time = \"10:00\""),
        "{text}"
    );
    let (c, problems) = Config::from_text("c", &text);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(c.interview_date, day);
    assert_eq!(c.profile.interview_time, NaiveTime::from_hms_opt(10, 0, 0));
    // A comment on the time stays when it changes, and a time cleared is written empty.
    let commented = text.replace("interview_time", "# when\ninterview_time");
    fs::write(&path, &commented).unwrap();
    save_interview(&path, day, None).unwrap();
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.contains("# when\ninterview_time = \"\""), "{text}");
    assert_eq!(Config::from_text("c", &text).0.profile.interview_time, None);
}

mod profile_tests {
    use super::*;
    use crate::domain::config::Config;
    use crate::domain::content::Id;
    use crate::domain::profile::Setting;
    use std::fs;

    #[test]
    fn the_profile_round_trips_and_comments_stay() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        let before =
            "# mine\ntheme = \"light\" # I like it\n\n[profile]\n# my own name\nname = \"Dana\"\n";
        fs::write(&path, before).unwrap();
        let mut p = Profile {
            name: "Dana".into(),
            roles: vec![Id::new("pt-aide")],
            setting: Some(Setting::Outpatient),
            set_up: true,
            ..Profile::default()
        };
        let date = NaiveDate::from_ymd_opt(2026, 12, 13);
        save_profile(&path, &p, date, &["CPR/BLS".to_string()]).unwrap();
        let text = fs::read_to_string(&path).unwrap();
        assert!(
            text.starts_with("# mine\ntheme = \"light\" # I like it\n"),
            "{text}"
        );
        assert!(text.contains("# my own name\nname = \"Dana\"\n"), "{text}");
        let (c, problems) = Config::from_text("c", &text);
        assert!(problems.is_empty(), "{problems:?}\n{text}");
        assert_eq!(c.profile, p);
        assert_eq!(c.interview_date, date);
        assert_eq!(c.certifications, ["CPR/BLS"]);

        p.roles.clear();
        p.setting = None;
        save_profile(&path, &p, None, &[]).unwrap();
        let (c, problems) = Config::from_text("c", &fs::read_to_string(&path).unwrap());
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(c.profile, p);
        assert_eq!(c.interview_date, None);
    }

    #[test]
    fn a_broken_file_is_never_overwritten_by_a_profile_save() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        fs::write(&path, "theme = \n").unwrap();
        let err = save_profile(&path, &Profile::default(), None, &[]).unwrap_err();
        assert!(matches!(err, ConfigSaveError::Invalid(_)));
        assert_eq!(fs::read_to_string(&path).unwrap(), "theme = \n");
    }
}

#[cfg(test)]
mod roles_and_practice_tests {
    use super::*;
    use crate::domain::config::Config;
    use std::fs;

    #[test]
    fn saving_roles_changes_only_the_roles() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        // A bad value elsewhere stays exactly as the user wrote it.
        let before =
            "interview_date = \"soon\" # fix me\n\n[profile]\n# who I am\nname = \"Dana\"\n";
        fs::write(&path, before).unwrap();
        save_roles(&path, &[Id::new("pt-aide")]).unwrap();
        let text = fs::read_to_string(&path).unwrap();
        assert!(
            text.starts_with("interview_date = \"soon\" # fix me\n"),
            "{text}"
        );
        assert!(
            text.contains("# who I am\nname = \"Dana\"\nroles = [\"pt-aide\"]"),
            "{text}"
        );
        let (c, _) = Config::from_text("c", &text);
        assert_eq!(c.profile.roles, [Id::new("pt-aide")]);
        assert_eq!(c.profile.name, "Dana");
    }

    #[test]
    fn practice_settings_round_trip_with_comments_kept() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        fs::write(&path, "# mine\nanswer_seconds = 120 # two minutes\n").unwrap();
        let prefs = PracticePrefs {
            role: Some(Id::new("pta")),
            length: Some(3),
            interviewer: Some(Id::new("persona-school-ot")),
            answer_by: Some(crate::domain::practice::AnswerMode::Typing),
        };
        save_practice(&path, &prefs, 90).unwrap();
        let text = fs::read_to_string(&path).unwrap();
        assert!(text.contains("answer_seconds = 90 # two minutes"), "{text}");
        let (c, problems) = Config::from_text("c", &text);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!((c.practice, c.answer_seconds), (prefs, 90));
        fs::write(&path, "practice = 1\n").unwrap();
        assert!(save_practice(&path, &PracticePrefs::default(), 90).is_err());
        assert_eq!(fs::read_to_string(&path).unwrap(), "practice = 1\n");
    }
}
