//! sitrep-intake (stage under construction).
