//! clinicprep: a terminal study coach for therapy aide and assistant job interviews.

pub mod app;
pub mod cli;
pub mod content;
pub mod paths;
pub mod sanitize;
pub mod screens;
pub mod storage;
pub mod stories;
pub mod tui;
pub mod ui;
