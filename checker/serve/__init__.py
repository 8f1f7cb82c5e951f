"""``fzlint serve``: a page on this computer where a clerk drops reports and sees the findings.

``create_app(rules)`` (app.py) is the ASGI app; ``run`` (server.py) serves it with uvicorn on a
free port of 127.0.0.1. The web stack is the optional extra ``fzlint[serve]`` (Starlette,
uvicorn, python-multipart); nothing here is imported by the linter itself.
"""

from __future__ import annotations


def create_app(rules, **options):
    from .app import create_app as make

    return make(rules, **options)


__all__ = ["create_app"]
