//! sitrep-text (stage under construction).
