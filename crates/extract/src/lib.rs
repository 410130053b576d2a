//! sitrep-extract (stage under construction).
