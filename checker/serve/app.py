"""The web app of ``fzlint serve``: one page, one upload endpoint, downloads. Starlette, in memory.

Routes: ``GET /`` the page (CSS and JS inline under a per-response nonce, CSP forbids anything
else: no external script, font, image or connection); ``POST /api/check`` multipart files → JSON
per file; ``GET /api/annotated/{token}/{i}[?track=1]`` the annotated .docx (--annotate of the
CLI); ``GET /api/report/{token}/{xlsx|html}`` the batch reports of the CLI's reporters.

Safety: a Host header other than the address served is refused (no DNS rebinding), a POST from
another origin is refused, uploads are limited (uploads.py) and kept in memory (store.py); a file
that cannot be read gets the CLI's message and the others are still checked.
"""

from __future__ import annotations

import os
import secrets
from urllib.parse import quote

from ..sources import SUPPORTED
from .store import Entry, Store
from .uploads import Limits, UploadError, read_uploads
from .views import file_view

LEGACY = (".doc", ".wps", ".rtf", ".odt")
_UNSUPPORTED = "不支持这种文件（只能检查 .docx .pdf .txt .md）。请在 Word 或 WPS 中另存为 .docx 后再上传。"


def create_app(rules, *, limits: Limits = Limits(), hosts: tuple[str, ...] = ("127.0.0.1", "localhost"),
               year: int | None = None):
    """The ASGI app; ``rules`` are the loaded rules every upload is checked against."""
    from starlette.applications import Starlette
    from starlette.middleware import Middleware
    from starlette.middleware.trustedhost import TrustedHostMiddleware
    from starlette.routing import Route

    state = _State(rules, limits, year)
    routes = [Route("/", state.page), Route("/api/check", state.check, methods=["POST"]),
              Route("/api/annotated/{token}/{index:int}", state.annotated),
              Route("/api/report/{token}/{fmt}", state.report)]
    return Starlette(routes=routes, middleware=[Middleware(TrustedHostMiddleware, allowed_hosts=list(hosts))])


class _State:
    def __init__(self, rules, limits: Limits, year: int | None) -> None:
        self.rules, self.limits, self.year = rules, limits, year
        self.by_id = {r.id: r for r in rules}
        self.store = Store()

    async def page(self, request):
        from starlette.responses import HTMLResponse

        from .page import render

        nonce = secrets.token_urlsafe(16)
        return HTMLResponse(render(nonce, self.limits), headers=_headers(nonce))

    async def check(self, request):
        from python_multipart.exceptions import ParseError
        from starlette.concurrency import run_in_threadpool

        if not _same_origin(request):
            return _error("只接受本页面发出的上传。", 403)
        try:
            uploads = await read_uploads(request, self.limits)
        except UploadError as err:
            return _error(str(err), err.status)
        except (ParseError, ValueError):
            return _error("上传的数据不完整，请重新选择文件上传。", 400)
        if not uploads:
            return _error("没有收到文件，请选择或拖入 .docx .pdf .txt .md 文件。", 400)
        entries = await run_in_threadpool(self._lint_all, uploads)
        token = self.store.add(entries)
        files = [file_view(i, e.name, e.result, self.by_id) for i, e in enumerate(entries)]
        for i, view in enumerate(files):
            if not view["error"]:
                view["annotated"] = f"/api/annotated/{token}/{i}"
        reports = {fmt: f"/api/report/{token}/{fmt}" for fmt in ("xlsx", "html")} if len(entries) > 1 else {}
        return _json({"token": token, "files": files, "reports": reports})

    def _lint_all(self, uploads) -> list[Entry]:
        return [Entry(u.name, bytes(u.data), self._lint(u.name, bytes(u.data))) for u in uploads]

    def _lint(self, name: str, data: bytes):
        from ..api import lint_bytes
        from ..results import FileResult
        from ..sources import _LEGACY  # the CLI's own words for these formats

        ext = os.path.splitext(name)[1].lower()
        if ext in LEGACY:
            return FileResult(name, error=_LEGACY[ext])
        if ext not in SUPPORTED:
            return FileResult(name, error=_UNSUPPORTED)
        return lint_bytes(data, name, self.rules, year=self.year)

    async def annotated(self, request):
        from starlette.concurrency import run_in_threadpool

        from ..annotate import AnnotateError, annotate, annotated_name

        entry = self._entry(request)
        if entry is None or entry.result.error:
            return _error("找不到这份检查结果（页面可能已过期），请重新上传。", 404)
        track = request.query_params.get("track") == "1"
        try:
            done = await run_in_threadpool(annotate, entry.result, entry.data, self.rules, track_fixes=track)
        except AnnotateError as err:
            return _error(str(err), 422)
        return _download(done.data, annotated_name(entry.name),
                         "application/vnd.openxmlformats-officedocument.wordprocessingml.document")

    async def report(self, request):
        from starlette.concurrency import run_in_threadpool

        from .. import reporters

        entries = self.store.get(request.path_params["token"])
        fmt = request.path_params["fmt"]
        if entries is None or fmt not in ("xlsx", "html"):
            return _error("找不到这份检查结果（页面可能已过期），请重新上传。", 404)
        options = {"color": False, "width": 120, "statistics": False, "rules": self.rules,
                   "titles": {r.id: r.title for r in self.rules}}
        from ..results import RunResult

        run = RunResult(tuple(e.result for e in entries))
        body = await run_in_threadpool(reporters.get(fmt).render, run, options)
        kind = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" if fmt == "xlsx" else "text/html; charset=utf-8"
        return _download(body if isinstance(body, bytes) else body.encode("utf-8"), f"审查结果.{fmt}", kind)

    def _entry(self, request) -> Entry | None:
        entries = self.store.get(request.path_params["token"])
        index = request.path_params["index"]
        return entries[index] if entries is not None and 0 <= index < len(entries) else None


def _same_origin(request) -> bool:
    origin = request.headers.get("origin")
    if origin is None:
        return True
    return origin.split("://", 1)[-1] == request.headers.get("host", "")


def _headers(nonce: str | None = None) -> dict[str, str]:
    source = f"'nonce-{nonce}'" if nonce else "'none'"
    return {
        "Content-Security-Policy": (f"default-src 'none'; script-src {source}; style-src {source}; img-src data:; "
                                    "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"),
        "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer", "Cache-Control": "no-store",
        "X-Frame-Options": "DENY", "Cross-Origin-Opener-Policy": "same-origin",
    }


def _json(data: dict, status: int = 200):
    from starlette.responses import JSONResponse

    return JSONResponse(data, status_code=status, headers=_headers())


def _error(message: str, status: int):
    return _json({"error": message}, status)


def _download(data: bytes, name: str, media_type: str):
    from starlette.responses import Response

    headers = _headers()
    headers["Content-Disposition"] = f"attachment; filename=\"fzlint-download{os.path.splitext(name)[1]}\"; filename*=UTF-8''{quote(name)}"
    return Response(data, media_type=media_type, headers=headers)
