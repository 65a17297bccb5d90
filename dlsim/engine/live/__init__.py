"""Training in the background: sessions (thread and process) and their metric history."""
