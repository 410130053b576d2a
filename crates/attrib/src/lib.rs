//! sitrep-attrib (stage under construction).
