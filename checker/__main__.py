"""``python -m checker`` is the same as the ``fzlint`` command."""

from .cli import run

run()
