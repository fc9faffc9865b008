//! clinicprep: a terminal study coach for therapy aide and assistant job interviews.

pub mod app;
pub mod backup;
pub mod cli;
pub mod content;
pub mod crash;
pub mod lock;
pub mod paths;
pub mod recovery;
pub mod sanitize;
pub mod screens;
pub mod storage;
pub mod tui;
pub mod ui;
