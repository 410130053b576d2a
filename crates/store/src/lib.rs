//! sitrep-store (stage under construction).
