"""The page of ``fzlint serve``: page.html with page.css and page.js put inline under a nonce.

Everything the browser needs is in this one response (no external script, style sheet, font or
image: office intranets have no internet, and the CSP allows nothing else). The three files are
package data, read once.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from .. import __version__


@lru_cache(maxsize=1)
def _assets() -> tuple[str, str, str]:
    folder = resources.files(__package__)
    return tuple(folder.joinpath(name).read_text(encoding="utf-8") for name in ("page.html", "page.css", "page.js"))


def render(nonce: str, limits) -> str:
    html, css, js = _assets()
    for key, value in (("{nonce}", nonce), ("{version}", __version__), ("{max_files}", str(limits.files)),
                       ("{max_mb}", str(limits.file_bytes // (1024 * 1024)))):
        html = html.replace(key, value)
    return html.replace("{css}", css).replace("{js}", js)
