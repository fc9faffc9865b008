//! Backup costs on a realistic data folder: the check every tick, the fingerprint walk, a full backup.
#![allow(clippy::unwrap_used, clippy::expect_used)] // panicking is how a benchmark fails

use chrono::{TimeDelta, TimeZone, Utc};
use clinicprep::storage::backup::{self, Periodic};
use criterion::{Criterion, criterion_group, criterion_main};
use std::fs;
use std::hint::black_box;

/// 100 stories of ~2 KB, a 1 MB review journal and a 200 KB schedule snapshot: years of daily use.
fn data_folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    fs::create_dir_all(d.join("stories")).expect("stories");
    for i in 0..100 {
        let text = format!(
            "title = 'Story {i}'\nsituation = '''{}'''\n",
            "word ".repeat(400)
        );
        fs::write(d.join(format!("stories/story-{i}.toml")), text).expect("story");
    }
    fs::write(d.join("reviews.log"), "x".repeat(1 << 20)).expect("journal");
    fs::write(d.join("schedule.json"), "y".repeat(200 << 10)).expect("snapshot");
    dir
}

fn backups(c: &mut Criterion) {
    let dir = data_folder();
    let d = dir.path();
    let t0 = Utc
        .with_ymd_and_hms(2026, 11, 23, 9, 0, 0)
        .single()
        .expect("time");
    backup::backup_now(d, t0, "bench").expect("first backup");

    c.bench_function("backup check when not due (every tick)", |b| {
        b.iter(|| black_box(backup::backup_if_due(d, t0 + TimeDelta::minutes(1))))
    });
    c.bench_function("backup check when due but unchanged (102 files)", |b| {
        b.iter(|| {
            let r = backup::backup_if_due(d, t0 + TimeDelta::hours(1)).expect("check");
            assert_eq!(r, Periodic::Unchanged);
        })
    });
    let mut group = c.benchmark_group("slow");
    group.sample_size(10);
    let mut n = 0;
    group.bench_function("full backup of 102 files, 1.4 MB, fsynced", |b| {
        b.iter(|| {
            n += 1;
            backup::backup_now(d, t0 + TimeDelta::minutes(n), "bench").expect("backup")
        })
    });
    group.finish();
}

criterion_group!(benches, backups);
criterion_main!(benches);
