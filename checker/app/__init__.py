"""The application: what each command does with the pipeline (sessions, files, fixes, baselines)."""
