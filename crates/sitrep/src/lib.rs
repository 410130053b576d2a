//! sitrep facade
