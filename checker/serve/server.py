"""Serve the app with uvicorn on a socket bound first, so a free port can be printed and opened.

``start`` returns a running server in a background thread (tests, and ``run`` itself); ``run``
prints the address, opens the browser unless told not to, and serves until Ctrl+C.
"""

from __future__ import annotations

import socket
import threading
import time


class Running:
    """A server serving in a background thread; ``stop()`` ends it."""

    def __init__(self, server, thread: threading.Thread, url: str) -> None:
        self.server, self.thread, self.url = server, thread, url

    def stop(self, timeout: float = 10) -> None:
        self.server.should_exit = True
        self.thread.join(timeout)


def bind(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.listen(64)
    sock.set_inheritable(True)
    return sock


def url_of(sock: socket.socket, host: str) -> str:
    port = sock.getsockname()[1]
    shown = "127.0.0.1" if host in ("0.0.0.0", "") else (f"[{host}]" if ":" in host else host)
    if host == "::":
        shown = "[::1]"
    return f"http://{shown}:{port}/"


def start(app, host: str = "127.0.0.1", port: int = 0, wait: float = 10) -> Running:
    """Serve ``app`` in a daemon thread; return once it accepts connections."""
    import uvicorn

    sock = bind(host, port)
    config = uvicorn.Config(app, log_level="warning", access_log=False, lifespan="off")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True, name="fzlint-serve")
    thread.start()
    deadline = time.monotonic() + wait
    while not server.started and thread.is_alive() and time.monotonic() < deadline:
        time.sleep(0.02)
    return Running(server, thread, url_of(sock, host))


def _graphical() -> bool:
    """A desktop to open a browser on (else webbrowser may start a text browser in this terminal)."""
    import os
    import sys

    return sys.platform in ("win32", "darwin") or bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def run(app, host: str, port: int, open_browser: bool) -> None:
    running = start(app, host, port)
    print(f"fzlint 检查页面：{running.url}", flush=True)
    print("在浏览器中打开上面的地址即可使用；按 Ctrl+C 停止。", flush=True)
    if open_browser and _graphical():
        import webbrowser

        webbrowser.open(running.url)
    try:
        while running.thread.is_alive():
            running.thread.join(0.5)
    except KeyboardInterrupt:
        running.stop()
        raise
