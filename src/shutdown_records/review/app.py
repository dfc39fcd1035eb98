"""The review web app (Flask): pages to read a record beside its sources, forms to change it.

Safety, because a review server holds a team's data:
- every change needs the per-session token (a cross-site page cannot read it, so cannot write);
- every change names the ETag (the file's SHA-256) of the page it was made on: a page that is
  out of date is refused with 412 and the newer file is kept (409 if the file changes while the
  change is being written);
- records are looked up in a list the app builds by walking the served folder; source files are
  read only under that folder, never through a symlink;
- pages carry a Content-Security-Policy without inline script; article text and record values
  are rendered as text (Jinja autoescaping), never as markup;
- requests for another host name are refused (DNS rebinding).
"""

from __future__ import annotations

import hmac
import secrets
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from flask import Flask, Response, abort, redirect, render_template, request, url_for

from ..atomic import file_sha256
from ..curate import ACTIONS, Edit, apply_edit
from ..curate.roundtrip import StaleRecord
from ..errors import ShutdownRecordsError
from ..model import EVIDENCED_FIELDS
from ..validate import validate_paths
from ..validate.result import Problem
from ..yamlio import read_record_file
from .folder import ServedFolder
from .views import field_views, mapping_at, source_texts, source_views, subfield_targets

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1", "[::1]"}


@dataclass
class Flash:
    """What the last change said, shown once on the record page after the redirect."""

    message: str
    error: bool = False
    problems: list[Problem] = field(default_factory=list)


def create_app(folder: Path, *, token: str | None = None, allowed_hosts: set[str] | None = None) -> Flask:
    here = Path(__file__).resolve().parent.parent
    app = Flask(
        __name__, template_folder=str(here / "templates"), static_folder=str(here / "static"), static_url_path="/static"
    )
    app.config["MAX_CONTENT_LENGTH"] = 1024 * 1024
    app.url_map.merge_slashes = False  # `//etc/passwd` is a name to look up (and not find), not a redirect
    served = ServedFolder(Path(folder))
    session_token = token or secrets.token_urlsafe(32)
    hosts = LOCAL_HOSTS | (allowed_hosts or set())
    flashes: dict[str, Flash] = {}
    writing = threading.Lock()  # one change at a time: the ETag check and the write belong together
    app.config["REVIEW_TOKEN"] = session_token

    @app.before_request
    def only_local_names() -> None:
        host = request.host.rsplit(":", 1)[0] if not request.host.startswith("[") else request.host.split("]")[0] + "]"
        if host not in hosts:
            abort(421, "this review server answers only to 127.0.0.1 or localhost")

    @app.after_request
    def headers(response: Response) -> Response:
        response.headers["Content-Security-Policy"] = CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["X-Frame-Options"] = "DENY"
        response.headers["Cache-Control"] = "no-store"
        return response

    @app.get("/")
    def index() -> str:
        records = served.records()
        # strict: a draft's uncited values are counted one by one, not summed up in one warning
        result = validate_paths([r.path for r in records.values()], strict=True, root=served.root) if records else None
        by_path = {r.path: r for r in result.records} if result else {}
        rows = []
        for key, rec in records.items():
            checked = by_path.get(str(rec.path))
            try:
                data = read_record_file(rec.path)
            except ShutdownRecordsError:
                data = {}
            data = data if isinstance(data, dict) else {}
            curation = mapping_at(data, "curation")
            conflicts = mapping_at(data, "conflicts")
            problems = checked.problems if checked else []
            rows.append(
                {
                    "key": key,
                    "id": data.get("id") or key,
                    "title": data.get("title") or "",
                    "status": data.get("review_status") or "draft",
                    "open_conflicts": sorted(f for f in conflicts if f not in curation),
                    "uncited": sum(1 for p in problems if p.code == "E208"),
                    "errors": sum(1 for p in problems if p.code.startswith("E")),
                }
            )
        return render_template("review_index.html", rows=rows, folder=str(served.root))

    @app.get("/record/<path:key>")
    def record_page(key: str) -> Response:
        rec = served.get(key) or abort(404)
        sha = file_sha256(rec.path) or abort(404)
        flash = flashes.pop(key, None)
        try:
            data = read_record_file(rec.path)
        except ShutdownRecordsError as err:
            data, flash = {}, Flash(str(err), error=True)
        data = data if isinstance(data, dict) else {}
        texts, errors = source_texts(data, rec.path, served.root)
        problems = validate_paths([rec.path], root=served.root).problems
        body = render_template(
            "review_record.html",
            key=key,
            data=data,
            etag=sha,
            token=session_token,
            flash=flash,
            fields=field_views(data, texts),
            sources=source_views(data, texts, errors),
            problems=problems,
            targets=list(EVIDENCED_FIELDS) + subfield_targets(data),
        )
        response = Response(body, mimetype="text/html")
        response.headers["ETag"] = f'"{sha}"'
        return response

    @app.post("/record/<path:key>/change")
    def change(key: str) -> Any:
        with writing:
            return _change(key)

    def _change(key: str) -> Any:
        given = request.form.get("token") or request.headers.get("X-Review-Token") or ""
        if not hmac.compare_digest(given.encode(), session_token.encode()):
            abort(403, "missing or wrong session token: changes are accepted only from this server's own pages")
        rec = served.get(key) or abort(404)
        expected = (request.headers.get("If-Match") or "").strip('"') or request.form.get("etag") or ""
        if not expected:
            abort(428, "a change must name the version of the record it was made on (If-Match or etag)")
        current = file_sha256(rec.path)
        if expected != current:
            return _stale(key, 412)
        form = request.form
        action = form.get("action", "")
        if action not in ACTIONS:
            abort(400, f"unknown change {action!r}")
        start = form.get("start", "")
        edit = Edit(
            action,
            form.get("field", ""),
            form.get("value"),
            form.get("source") or None,
            form.get("quote") or None,
            int(start) if start.isdigit() else None,
        )
        try:
            result = apply_edit(rec.path, edit, expect_sha256=expected, root=served.root)
        except StaleRecord:
            return _stale(key, 409)
        except OSError as err:  # disk full, permissions: the record is unchanged
            flashes[key] = Flash(f"cannot write the record: {err.strerror or err}; it is unchanged", error=True)
            return redirect(url_for("record_page", key=key), code=303)
        except ShutdownRecordsError as err:
            if edit.start is not None and edit.quote and "not at offset" in str(err):
                try:  # line endings the browser normalised: the quote itself, if it occurs once, will do
                    result = apply_edit(
                        rec.path,
                        Edit(action, edit.field, edit.value, edit.source, edit.quote),
                        expect_sha256=expected,
                        root=served.root,
                    )
                except StaleRecord:
                    return _stale(key, 409)
                except ShutdownRecordsError as again:
                    flashes[key] = Flash(again.message, error=True)
                    return redirect(url_for("record_page", key=key), code=303)
            else:
                flashes[key] = Flash(err.message, error=True)
                return redirect(url_for("record_page", key=key), code=303)
        flashes[key] = Flash(result.message, error=not result.valid and action == "reviewed", problems=result.problems)
        return redirect(url_for("record_page", key=key), code=303)

    def _stale(key: str, status: int) -> Response:
        body = render_template("review_stale.html", key=key)
        return Response(body, status=status, mimetype="text/html")

    return app
