//! sitrep-server (stage under construction).
