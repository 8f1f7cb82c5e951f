"""Exit codes (design.md): 0 nothing at or above --fail-on; 1 at least one such finding; 2 usage
error, bad config or ruleset, or a file that could not be read (the other files are still linted)."""

EXIT_OK, EXIT_FINDINGS, EXIT_TROUBLE = 0, 1, 2
