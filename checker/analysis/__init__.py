"""What is derived from a parsed report: its facts, parts, sentences, figures and fingerprints."""
