//! TEMP placeholder so the crate compiles; the stories branch provides the real insight tests.
