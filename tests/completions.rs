//! `clinicprep completions SHELL` prints a script for each shell that knows every subcommand.
#![allow(clippy::unwrap_used, clippy::expect_used)] // panicking is how a test fails

use std::process::Command;

fn completions(shell: &str) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_clinicprep"))
        .args(["completions", shell])
        .output()
        .expect("run clinicprep");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

#[test]
fn bash_zsh_and_fish_scripts_name_every_subcommand() {
    for (shell, marker) in [
        (
            "bash",
            "complete -F _clinicprep -o bashdefault -o default clinicprep",
        ),
        ("zsh", "#compdef clinicprep"),
        ("fish", "complete -c clinicprep"),
    ] {
        let (code, script) = completions(shell);
        assert_eq!(code, 0, "{shell}");
        assert!(script.contains(marker), "{shell}: no {marker:?}");
        for sub in [
            "paths",
            "status",
            "check",
            "import",
            "export",
            "completions",
        ] {
            assert!(
                script.contains(sub),
                "{shell} script does not mention {sub}"
            );
        }
        assert!(script.contains("data-dir"), "{shell}: flags missing");
        assert!(
            script.contains("anki-tsv"),
            "{shell}: export formats missing"
        );
    }
}

#[test]
fn an_unknown_shell_is_a_usage_error() {
    let (code, out) = completions("tcsh");
    assert_eq!(code, 2);
    assert!(out.is_empty());
}

/// Runs the bash script for real: typing `clinicprep im<TAB>` offers `import`.
#[test]
fn bash_completes_a_subcommand() {
    let (_, script) = completions("bash");
    let run = format!(
        "{script}\nCOMP_WORDS=(clinicprep im); COMP_CWORD=1; _clinicprep clinicprep im clinicprep; \
         echo \"${{COMPREPLY[@]}}\""
    );
    let Ok(out) = Command::new("bash").args(["--norc", "-c", &run]).output() else {
        eprintln!("bash not found; skipped");
        return;
    };
    let offered = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        offered.trim(),
        "import",
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}
