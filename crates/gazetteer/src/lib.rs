//! sitrep-gazetteer (stage under construction).
#![deny(missing_docs)]
pub mod norm;
pub mod store;
