"""The one error a loader raises: the file cannot be read, with a message a clerk understands."""


class SourceError(Exception):
    """A file that cannot be turned into text; ``str(err)`` is the plain-Chinese reason."""
