//! clinicprep: a terminal study coach for therapy aide and assistant job interviews.

pub mod anki;
pub mod app;
pub mod backup;
pub mod cache;
pub mod cli;
pub mod config;
pub mod content;
pub mod crash;
pub mod datafile;
pub mod deck_export;
pub mod deck_import;
pub mod derived;
pub mod lock;
pub mod paths;
pub mod practice;
pub mod prep;
pub mod recovery;
pub mod sanitize;
pub mod schedule;
pub mod screens;
pub mod storage;
pub mod stories;
pub mod study;
pub mod tui;
pub mod ui;
