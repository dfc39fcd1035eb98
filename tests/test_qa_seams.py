"""Defects found where merged features meet (QA pass): each test states what a user would notice.

Records and articles here are invented (tests/fixtures/review/README.md).
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

from click.testing import CliRunner

from shutdown_records.cli import cli, main
from shutdown_records.yamlio import read_record_file

FIXTURE = Path(__file__).parent / "fixtures" / "review"
NAME = "xk-2025-telegram.yaml"
SECRET = "TOKEN=qa-secret-4f1d kestrava"


def _repo_with_record(tmp_path: Path) -> Path:
    """tmp/repo/records/<record> citing tmp/repo/articles/..., and a secret file outside the repo."""
    repo = tmp_path / "repo"
    (repo / "records").mkdir(parents=True)
    (repo / "articles").mkdir()
    shutil.copy(FIXTURE / "article-kestrava.txt", repo / "articles" / "article-kestrava.txt")
    text = (
        (FIXTURE / NAME)
        .read_text(encoding="utf-8")
        .replace("path: article-kestrava.txt", "path: ../articles/article-kestrava.txt")
    )
    (repo / "records" / NAME).write_text(text, encoding="utf-8")
    (tmp_path / "secret.txt").write_text(SECRET + "\n", encoding="utf-8")
    return repo / "records" / NAME


def test_cite_never_reads_a_source_outside_the_repository(tmp_path: Path) -> None:
    record = _repo_with_record(tmp_path)
    text = record.read_text(encoding="utf-8").replace(
        "path: ../articles/article-kestrava.txt", "path: ../../secret.txt"
    )
    record.write_text(text, encoding="utf-8")
    before = record.read_bytes()
    for quote in ("TOKEN=qa-secret", "TOKEN=qa-secrat-4f1d"):  # found, and nearly found
        result = CliRunner().invoke(
            cli, ["cite", str(record), "platforms", "WhatsApp", "--source", "kestrava-1", "--quote", quote]
        )
        assert result.exit_code == 1, result.output
        assert "outside the repository root" in result.output
        assert "qa-secret" not in result.output.replace(quote, "")
        assert record.read_bytes() == before


def test_cite_never_reads_a_hidden_file_or_a_fifo_inside_the_repository(tmp_path: Path) -> None:
    record = _repo_with_record(tmp_path)
    git = record.parent.parent / ".git"
    git.mkdir()
    (git / "config").write_text(SECRET + "\n", encoding="utf-8")
    os.mkfifo(record.parent.parent / "articles" / "pipe.txt")  # opened blocking, it would hang cite
    for path in ("../.git/config", "../articles/pipe.txt"):
        text = (FIXTURE / NAME).read_text(encoding="utf-8").replace("path: article-kestrava.txt", f"path: {path}")
        record.write_text(text, encoding="utf-8")
        result = CliRunner().invoke(
            cli, ["cite", str(record), "platforms", "WhatsApp", "--source", "kestrava-1", "--quote", "TOKEN=qa-secrat"]
        )
        assert result.exit_code == 1, result.output
        assert "qa-secret" not in result.output
        assert record.read_text(encoding="utf-8") == text


IMPORTED = """id: xk-2021-03-02-telegram
title: Telegram throttled in Kestrava
review_status: draft
country: XK
platforms:
- Telegram
kind: throttling
start_date: '2021-03-02'
status: unknown
imported_rows:
- dataset: stop
  sheet: invented.csv
  row: 2
  layout: 2020-2022
  cells:
    country: Kosovo
    shutdown_type: Throttle
"""


def test_review_lists_an_imported_record_that_has_no_sources(tmp_path: Path) -> None:
    """`import` writes a row without links as a record without `sources`; review must still list it."""
    from shutdown_records.review.app import create_app  # noqa: PLC0415 - the review extra

    (tmp_path / "records").mkdir()
    (tmp_path / "records" / "xk-2021-03-02-telegram.yaml").write_text(IMPORTED, encoding="utf-8")
    (tmp_path / "notes.yaml").write_text("id: 3\ntitle: not a record, another tool's file\n", encoding="utf-8")
    client = create_app(tmp_path, token="t").test_client()
    index = client.get("/").get_data(as_text=True)
    assert "/record/records/xk-2021-03-02-telegram.yaml" in index
    assert "notes.yaml" not in index
    assert client.get("/record/records/xk-2021-03-02-telegram.yaml").status_code == 200


def test_cite_takes_root_like_validate_when_the_sources_live_apart(tmp_path: Path) -> None:
    """The refusal says 'or pass --root'; cite must accept it, read by it and validate by it."""
    (tmp_path / "out").mkdir()
    (tmp_path / "articles").mkdir()
    shutil.copy(FIXTURE / "article-kestrava.txt", tmp_path / "articles" / "article-kestrava.txt")
    record = tmp_path / "out" / NAME
    record.write_text(
        (FIXTURE / NAME)
        .read_text(encoding="utf-8")
        .replace("path: article-kestrava.txt", "path: ../articles/article-kestrava.txt"),
        encoding="utf-8",
    )
    args = [
        "cite",
        str(record),
        "end_date",
        "2025-03-09",
        "--source",
        "kestrava-1",
        "--quote",
        "The block on Telegram was lifted on 9 March 2025",
    ]
    refused = CliRunner().invoke(cli, args)
    assert refused.exit_code == 1 and "pass --root" in refused.output
    result = CliRunner().invoke(cli, [*args, "--root", str(tmp_path)])
    assert "outside the repository root" not in result.output
    assert "so status must be ended" in result.output  # validated, by the same root
    result = CliRunner().invoke(
        cli,
        [
            "cite",
            str(record),
            "status",
            "ended",
            "--source",
            "kestrava-1",
            "--quote",
            "was lifted on 9 March",
            "--root",
            str(tmp_path),
        ],
    )
    assert result.exit_code == 0, result.output


def test_review_stopped_by_ctrl_c_or_sigterm_exits_130_or_143(tmp_path: Path) -> None:
    """README: review exits 130 on Ctrl-C; any command 143 on SIGTERM (waitress swallowed both: exit 0)."""
    import signal  # noqa: PLC0415
    import subprocess  # noqa: PLC0415
    import sys  # noqa: PLC0415
    import urllib.request  # noqa: PLC0415

    import pytest  # noqa: PLC0415

    pytest.importorskip("waitress", reason="the review command needs waitress (pip install -e '.[test]')")
    (tmp_path / "records").mkdir()
    (tmp_path / "records" / "xk-2021-03-02-telegram.yaml").write_text(IMPORTED, encoding="utf-8")
    for sig, code in ((signal.SIGINT, 130), (signal.SIGTERM, 143)):
        proc = subprocess.Popen(
            [sys.executable, "-m", "shutdown_records.cli", "review", str(tmp_path), "--port", "0"],
            stderr=subprocess.PIPE,
            text=True,
            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
        )  # noqa: PLW1509
        try:
            line = proc.stderr.readline()
            port = re.search(r"localhost:(\d+)/", line).group(1)
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=10) as response:  # noqa: S310 - local
                assert response.status == 200  # the server loop runs
            proc.send_signal(sig)
            assert proc.wait(timeout=20) == code, proc.stderr.read()
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()


MISSHAPEN = {  # top-level key -> a value of the wrong shape, as a hostile or clumsy pull request has it
    "sources": "5",
    "platforms": "5",
    "court_challenges": "7",
    "conflicts": "{platforms: {candidates: 3, chosen: X}}",
    "evidence": "{platforms: [{source: kestrava-1, quote: x, start: 0, end: 1, value: 3}], kind: 4}",
}


def _misshapen(record: Path, key: str, value: str) -> None:
    lines, out, skipping = (FIXTURE / NAME).read_text(encoding="utf-8").splitlines(), [], False
    for line in lines:
        if line[:1].isalpha():
            skipping = line.startswith(f"{key}:")
            if skipping:
                out.append(f"{key}: {value}")
                continue
        if not (skipping and line[:1] in (" ", "-")):
            out.append(line)
    record.write_text("\n".join(out) + "\n", encoding="utf-8")


def test_a_misshapen_record_gets_a_page_and_a_refusal_not_a_crash(tmp_path: Path) -> None:
    from shutdown_records.review.app import create_app  # noqa: PLC0415 - the review extra

    (tmp_path / "records").mkdir()
    shutil.copy(FIXTURE / "article-kestrava.txt", tmp_path / "records" / "article-kestrava.txt")
    record = tmp_path / "records" / NAME
    app = create_app(tmp_path, token="t")
    app.config["PROPAGATE_EXCEPTIONS"] = False  # a bug is a 500 here, as in the served app
    client = app.test_client()
    url = f"/record/records/{NAME}"
    for key, value in MISSHAPEN.items():
        _misshapen(record, key, value)
        before = record.read_bytes()
        page = client.get(url)
        assert page.status_code == 200, (key, value)
        for form in (
            {
                "action": "cite",
                "field": "platforms",
                "value": "WhatsApp",
                "source": "kestrava-1",
                "quote": "Telegram",
                "start": "72",
            },
            {"action": "remove", "field": "platforms", "value": "Telegram"},
            {"action": "accept", "field": "platforms", "value": "Telegram"},
        ):
            etag = client.get(url).headers["ETag"].strip('"')
            response = client.post(f"{url}/change", data={**form, "token": "t", "etag": etag})
            assert response.status_code < 500, (key, value, form)
        cli_args = ["cite", str(record), "platforms", "Telegram", "--remove"]
        result = CliRunner().invoke(cli, cli_args)
        assert result.exit_code in (0, 1, 2) and "internal error" not in result.output, (key, result.output)
        if key in ("sources", "platforms"):
            assert record.read_bytes() == before


def test_cite_refuses_a_symlinked_record_and_keeps_the_link(tmp_path: Path) -> None:
    """validate refuses a record read through a symlink (E001); cite read it and replaced the link with a file."""
    record = _repo_with_record(tmp_path)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    shutil.copy(FIXTURE / "article-kestrava.txt", elsewhere / "article-kestrava.txt")
    target = elsewhere / NAME
    shutil.copy(FIXTURE / NAME, target)
    record.unlink()
    record.symlink_to(target)
    before = target.read_bytes()
    result = CliRunner().invoke(
        cli,
        [
            "cite",
            str(record),
            "workarounds",
            "vpn",
            "--source",
            "kestrava-1",
            "--quote",
            "Telegram",
            "--occurrence",
            "1",
        ],
    )
    assert result.exit_code == 1, result.output
    assert "symbolic link" in result.output
    assert record.is_symlink() and target.read_bytes() == before


def test_import_of_a_fifo_says_what_it_is_not_that_it_does_not_exist(tmp_path: Path, capsys) -> None:
    fifo = tmp_path / "sheet.csv"
    os.mkfifo(fifo)
    try:
        main(["import", "--format", "stop", str(fifo), "-o", str(tmp_path / "records")])
    except SystemExit as exit_:
        code = exit_.code
    said = capsys.readouterr().err
    assert code == 2
    assert "no such file" not in said and "not a regular file" in said


def test_export_like_never_writes_over_the_sheet_it_copies(tmp_path: Path, capsys) -> None:
    (tmp_path / "records").mkdir()
    (tmp_path / "records" / "xk-2021-03-02-telegram.yaml").write_text(IMPORTED, encoding="utf-8")
    sheet = tmp_path / "old-sheet.csv"
    sheet.write_text(
        "start_date,country,shutdown_type,event\n2021-03-02,Kosovo,Throttle,Invented row\n", encoding="utf-8"
    )
    before = sheet.read_bytes()
    try:
        main(["export", str(tmp_path / "records"), "--format", "stop", "--like", str(sheet), "-o", str(sheet)])
    except SystemExit as exit_:
        code = exit_.code
    assert code == 4, capsys.readouterr().err
    assert "is one of the inputs" in capsys.readouterr().err
    assert sheet.read_bytes() == before


def test_cite_prints_an_articles_control_characters_escaped(tmp_path: Path) -> None:
    """The 'nearest match' comes from the article (untrusted): a terminal escape in it must not reach the terminal."""
    shutil.copy(FIXTURE / NAME, tmp_path / NAME)
    (tmp_path / "article-kestrava.txt").write_text(
        "The block on Telegram was lifted \x1b]0;owned\x07\x1b[2Jon 9 March 2025 in Kestrava.\n", encoding="utf-8"
    )
    result = CliRunner().invoke(
        cli,
        [
            "cite",
            str(tmp_path / NAME),
            "end_date",
            "2025-03-09",
            "--source",
            "kestrava-1",
            "--quote",
            "was lifted ]0;owned on 9 March 2025 in Kestrava",
        ],
    )
    assert result.exit_code == 1 and "nearest:" in result.output
    assert "\x1b" not in result.output and "\x07" not in result.output
    assert "\\x1b" in result.output


def test_import_prints_a_sheets_control_characters_escaped(tmp_path: Path, capsys) -> None:
    """A sheet's cells are untrusted: the import's warnings quote them, and must not pass a terminal escape."""
    sheet = tmp_path / "sheet.csv"
    sheet.write_text(
        "start_date,country,shutdown_type,event\n2021-03-05,Narnia\x1b]0;owned\x07,Shutdown,Invented row\n",
        encoding="utf-8",
    )
    try:
        main(["import", "--format", "stop", str(sheet), "-o", str(tmp_path / "records")])
    except SystemExit:
        pass
    said = capsys.readouterr().err
    assert "Narnia" in said
    assert "\x1b" not in said and "\x07" not in said


def test_eval_keep_records_never_replaces_a_record_a_person_reviewed(tmp_path: Path, capsys) -> None:
    """`eval --keep-records records/` wrote over records/<incident>.yaml whatever it was."""
    corpus = Path(__file__).parent / "dev_corpus"
    incident = "br-2023-telegram"
    kept = tmp_path / "records"
    kept.mkdir()
    mine = kept / f"{incident}.yaml"
    mine.write_text("id: br-2023-telegram\ntitle: My reviewed record\nreview_status: reviewed\n", encoding="utf-8")
    before = mine.read_bytes()
    args = ["eval", str(corpus), "--incident", incident, "--keep-records", str(kept), "-q"]
    try:
        main(args)
    except SystemExit as exit_:
        code = exit_.code
    assert code == 4, capsys.readouterr()
    assert "reviewed" in capsys.readouterr().err
    assert mine.read_bytes() == before
    mine.unlink()
    for _ in range(2):  # its own drafts, kept before, are replaced on the next run
        try:
            main(args)
        except SystemExit as exit_:
            assert exit_.code in (0, None), capsys.readouterr().err
        assert read_record_file(mine)["review_status"] == "draft"


def test_review_on_a_wildcard_address_says_it_answers_only_local_names(tmp_path: Path, monkeypatch) -> None:
    """With --host 0.0.0.0 the Host check refuses every request from the network (421), so the
    warning 'anyone who can reach it can read these records' was false; it must say what holds."""
    import pytest  # noqa: PLC0415

    waitress = pytest.importorskip("waitress", reason="the review command needs waitress")

    def no_server(*_args, **_kwargs):
        raise OSError(98, "Address already in use")

    monkeypatch.setattr(waitress, "create_server", no_server)
    result = CliRunner().invoke(cli, ["review", str(tmp_path), "--host", "0.0.0.0", "--port", "0"])  # noqa: S104
    assert "anyone who can reach it" not in result.output
    assert "only" in result.output and "localhost" in result.output and "--host" in result.output
