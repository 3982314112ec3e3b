"""The meeting model and the rules about it. No Qt, no files: pure data and pure functions."""
