//! clinicprep: a terminal study coach for therapy aide and assistant job interviews.

pub mod content;
pub mod sanitize;
pub mod storage;
