//! sitrep-gazetteer (stage under construction).
