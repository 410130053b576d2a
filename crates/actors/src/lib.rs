//! sitrep-actors (stage under construction).
