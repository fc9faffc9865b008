//! clinicprep: a terminal study coach for therapy aide and assistant job interviews.

pub mod app;
pub mod cli;
pub mod domain;
pub mod interop;
pub mod kit;
mod screens;
pub mod storage;
pub mod tui;
mod widgets;
