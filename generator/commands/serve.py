"""`credsite serve`: build, serve on localhost, rebuild on change, reload open pages.

The server mimics a static host: it serves the output under the base URL's
path with the headers of the generated `_headers` file (content types, CORS).
Each HTML response gets a small script that reloads the page when a rebuild
finishes. A failed rebuild keeps the server running and shows the problems in
the terminal and in the browser instead of the page.
"""

from __future__ import annotations

import fnmatch
import html
import http.server
import mimetypes
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from watchfiles import watch as watch_changes

from generator import routes
from generator.build.pipeline import Content, build, load
from generator.problems import Problem, errors

EVENTS = "/__credsite/events"
# The page knows the build generation it was served from, so a rebuild that finishes
# before the event stream connects still reloads it.
RELOAD_SCRIPT = (
    "<script>(function(){var v='%s';var s=new EventSource('" + EVENTS + "');"
    "s.onmessage=function(e){if(e.data!==v){location.reload();}};})();</script>"
)
WATCHED = ("content", "themes")


@dataclass
class State:
    """What the server shows: the last build's generation number and its problems."""

    generation: int = 0
    problems: list[Problem] = field(default_factory=list)
    changed: threading.Condition = field(default_factory=threading.Condition)
    building: threading.Lock = field(default_factory=threading.Lock)  # one build at a time

    def publish(self, problems: list[Problem]) -> None:
        with self.changed:
            self.generation += 1
            self.problems = problems
            self.changed.notify_all()


def parse_headers(text: str) -> list[tuple[str, list[tuple[str, str]]]]:
    """The rules of a Netlify-style `_headers` file: [(path pattern, [(name, value)])]."""
    rules: list[tuple[str, list[tuple[str, str]]]] = []
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            rules.append((line.strip(), []))
        elif rules and ":" in line:
            name, value = line.strip().split(":", 1)
            rules[-1][1].append((name.strip(), value.strip()))
    return rules


def headers_for(rules, path: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for pattern, headers in rules:
        if fnmatch.fnmatchcase(path, pattern):
            out.update(headers)
    return out


def error_page(problems: list[Problem], generation: int) -> bytes:
    items = "".join(f"<li><code>{html.escape(str(p))}</code></li>" for p in problems if p.is_error)
    return (f"<!doctype html><html lang=en><head><meta charset=utf-8><title>Build failed</title>"
            f"<style>body{{font:16px system-ui,sans-serif;margin:2rem;color:#1b1f24}}h1{{color:#b3261e}}"
            f"li{{margin:.5rem 0}}code{{white-space:pre-wrap}}</style></head><body>"
            f"<h1>Build failed</h1><p>Fix the problems below and save; this page reloads by itself.</p>"
            f"<ol>{items}</ol>{RELOAD_SCRIPT % generation}</body></html>").encode()


def make_handler(output: Path, base_path: str, state: State):
    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format, *args):  # quiet: the terminal shows builds, not requests
            pass

        def do_HEAD(self):
            self._head_only = True
            self.do_GET()

        def do_GET(self):
            path = unquote(urlsplit(self.path).path)
            if path == EVENTS:
                return self._events()
            if not path.startswith(base_path):
                return self._redirect(base_path)
            relative = path[len(base_path):]
            target = (output / relative).resolve()
            if output.resolve() not in target.parents and target != output.resolve():
                return self._send(404, b"not found", "text/plain")
            if target.is_dir():
                if not path.endswith("/"):
                    return self._redirect(path + "/")
                target = target / "index.html"
            is_html = target.suffix == ".html" or not target.suffix
            if state.problems and errors(state.problems) and is_html:
                return self._send(500, error_page(state.problems, state.generation), "text/html; charset=utf-8")
            if not target.is_file():
                page = output / routes.not_found()
                body = page.read_bytes() if page.is_file() else b"not found"
                return self._send(404, self._inject(body), "text/html; charset=utf-8")
            body = target.read_bytes()
            headers = output / routes.host_headers()
            rules = parse_headers(headers.read_text()) if headers.is_file() else []
            extra = headers_for(rules, "/" + relative)
            kind = extra.pop("Content-Type", None) or mimetypes.guess_type(target.name)[0] or "application/octet-stream"
            if kind.startswith("text/") or kind.endswith("javascript") or "xml" in kind:
                kind += "; charset=utf-8" if "charset" not in kind else ""
            if target.suffix == ".html":
                body = self._inject(body)
            self._send(200, body, kind, extra)

        def _inject(self, body: bytes) -> bytes:
            script = (RELOAD_SCRIPT % state.generation).encode()
            return body.replace(b"</body>", script + b"</body>", 1)

        def _redirect(self, location: str):
            self.send_response(302)
            self.send_header("Location", location)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def _send(self, code: int, body: bytes, kind: str, extra: dict | None = None):
            self.send_response(code)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.send_header("Access-Control-Allow-Origin", "*")
            for name, value in (extra or {}).items():
                # Sent once above: browsers refuse a response that allows CORS twice.
                if name.lower() not in ("cache-control", "access-control-allow-origin"):
                    self.send_header(name, value)
            self.end_headers()
            if not getattr(self, "_head_only", False):
                self.wfile.write(body)

        def _events(self):
            # Server-sent events: the build generation, now and after every rebuild.
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            seen = -1
            try:
                while True:
                    with state.changed:
                        if state.generation == seen:
                            state.changed.wait(timeout=15)
                        generation = state.generation
                    message = f"data: {generation}\n\n" if generation != seen else ": keep-alive\n\n"
                    self.wfile.write(message.encode())
                    self.wfile.flush()
                    seen = generation
            except (BrokenPipeError, ConnectionResetError):
                return

    return Handler


def report(problems: list[Problem], seconds: float, files: int, ok: bool) -> None:
    for problem in problems:
        print(str(problem), file=sys.stderr)
    stamp = time.strftime("%H:%M:%S")
    if ok:
        print(f"[{stamp}] built {files} files in {seconds:.2f} s", file=sys.stderr, flush=True)
    else:
        print(f"[{stamp}] build failed ({len(errors(problems))} error(s)); still serving the last good "
              "build, and the browser shows the problems", file=sys.stderr, flush=True)


def rebuild(source: Path, output: Path, state: State, drafts: bool) -> None:
    with state.building:
        _rebuild(source, output, state, drafts)


def _rebuild(source: Path, output: Path, state: State, drafts: bool) -> None:
    started = time.perf_counter()
    try:
        result = build(source, output, drafts=drafts,
                       progress=lambda m: print(f"  {m}", file=sys.stderr, flush=True))
        problems, ok, count = result.problems, result.ok, result.count
    except Exception as exc:  # a bug or an odd file must not stop the server
        problems = [Problem("credsite", None, "", f"the build stopped: {type(exc).__name__}: {exc}",
                            "fix the last edit; if it persists, report it as a credsite bug")]
        ok, count = False, 0
    report(problems, time.perf_counter() - started, count, ok)
    state.publish(problems if not ok else [p for p in problems if not p.is_error])


def watch(source: Path, output: Path, state: State, drafts: bool, stop: threading.Event) -> None:
    paths = [source / name for name in WATCHED if (source / name).exists()]
    ignored = {output.resolve(), (source / ".credsite-cache").resolve()}

    def relevant(change, path: str) -> bool:
        resolved = Path(path).resolve()
        return not any(folder == resolved or folder in resolved.parents for folder in ignored) \
            and not Path(path).name.startswith(".")

    for changes in watch_changes(*paths, watch_filter=relevant, stop_event=stop, debounce=200):
        # Editors save through temporary files; name only the files that are there now.
        names = sorted({Path(p).resolve().relative_to(source.resolve()).as_posix()
                        for _, p in changes if Path(p).exists() and Path(p).resolve().is_relative_to(source.resolve())})
        print(f"changed: {', '.join(names[:5])}{' ...' if len(names) > 5 else ''}", file=sys.stderr, flush=True)
        rebuild(source, output, state, drafts)


def serve(source: Path, output: Path, port: int, drafts: bool = False, host: str = "127.0.0.1") -> None:
    content = load(source)
    base_path = routes.site_root_path(content.site) if isinstance(content, Content) else "/"
    state = State()
    # Watch before the first build, so no edit made while it runs goes unseen.
    stop = threading.Event()
    watcher = threading.Thread(target=watch, args=(source, output, state, drafts, stop), daemon=True)
    watcher.start()
    rebuild(source, output, state, drafts)
    server = http.server.ThreadingHTTPServer((host, port), make_handler(output, base_path, state))
    server.daemon_threads = True
    print(f"serving on http://{host}:{server.server_address[1]}{base_path} (Ctrl+C stops)",
          file=sys.stderr, flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        print("stopped", file=sys.stderr)
    finally:
        stop.set()
        server.server_close()
