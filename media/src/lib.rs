//! Peerview media (filled in by the recording and playback issues).
