"""`shutdown-records scan`: what a user sees, on invented articles in every input format.

The command runs through click's CliRunner with `-j 1` (this process) unless a test is about
the engines; the LocalCluster test starts real Dask worker processes.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

pytest.importorskip("warcio", reason="the scan extra is part of .[test]")

from scan_articles import (  # noqa: E402
    BLOCK_EN,
    BLOCK_FR,
    CABLE_CUT,
    ORDINARY,
    OWN_OUTAGE,
    RESTORED_EN,
    atom_feed,
    front_matter_file,
    gzip_bytes,
    jsonl_lines,
    warc_bytes,
)

from shutdown_records.cli import cli  # noqa: E402
from shutdown_records.errors import EXIT_OK, EXIT_PARTIAL, EXIT_USAGE, ShutdownRecordsError  # noqa: E402
from shutdown_records.scan.relevance import judge  # noqa: E402
from shutdown_records.validate.runner import validate_paths  # noqa: E402


def scan(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["scan", *args])
    if isinstance(result.exception, ShutdownRecordsError):  # what cli.main prints for it
        return result.exception.exit_code, result.output + f"error: {result.exception}\n"
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.output


def rows(out: Path) -> list[dict]:
    return [json.loads(line) for line in (out / "articles.jsonl").read_text(encoding="utf-8").splitlines()]


def errors(record: Path) -> list[str]:
    """validate's errors for one record (schema, semantics, provenance of every quote)."""
    result = validate_paths([record], jobs=1)
    return [f"{p.code} {p.message}" for r in result.records for p in r.problems if p.code.startswith("E")]


def tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def news(tmp_path: Path) -> Path:
    folder = tmp_path / "news"
    for name, article in [
        ("a-block.txt", BLOCK_EN),
        ("b-cable.txt", CABLE_CUT),
        ("c-bloc.txt", BLOCK_FR),
        ("d-outage.txt", OWN_OUTAGE),
        ("e-rates.txt", ORDINARY),
    ]:
        front_matter_file(folder / name, article)
    return folder


# --- relevance ---------------------------------------------------------------------------


def test_relevance_names_the_cue_for_a_government_block_in_english_and_french() -> None:
    for article in (BLOCK_EN, BLOCK_FR, RESTORED_EN):
        verdict = judge(article["text"])
        assert verdict.relevant, verdict.why
        assert "whatsapp" in verdict.why or "facebook" in verdict.why


@pytest.mark.parametrize(
    ("article", "reason"), [(CABLE_CUT, "cable"), (OWN_OUTAGE, "outage"), (ORDINARY, "no internet")]
)
def test_relevance_rejects_hard_negatives_and_says_why(article: dict, reason: str) -> None:
    verdict = judge(article["text"])
    assert not verdict.relevant
    assert reason in verdict.why


# --- a folder of articles ------------------------------------------------------------------


def test_scan_folder_writes_articles_in_input_order_one_draft_that_validates(news: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    code, output = scan(str(news), "-o", str(out), "-j", "1", "-q")
    assert code == EXIT_OK, output
    found = rows(out)
    assert [Path(r["input"]).name for r in found] == [
        "a-block.txt",
        "b-cable.txt",
        "c-bloc.txt",
        "d-outage.txt",
        "e-rates.txt",
    ]
    assert [r["relevant"] for r in found] == [True, False, True, False, False]
    assert set(found[0]) == {"input", "url", "language", "relevant", "incident", "why"}
    assert found[0]["incident"] == found[2]["incident"] is not None
    assert found[1]["incident"] is None and "cable" in found[1]["why"]
    assert found[2]["language"] == "fr"
    drafts = sorted((out / "drafts").glob("*.yaml"))
    assert [d.stem for d in drafts] == [found[0]["incident"]]
    assert len(list((out / "drafts" / "sources").glob("*.txt"))) == 2
    assert errors(drafts[0]) == []
    record = (drafts[0]).read_text(encoding="utf-8")
    assert "country: MW" in record and "WhatsApp" in record
    summary = (out / "summary.md").read_text(encoding="utf-8")
    assert "new incidents (drafts/): 1" in summary and f"drafts/{drafts[0].stem}.yaml" in summary
    import feedparser

    feed = feedparser.parse((out / "feed.xml").read_bytes())
    assert not feed.bozo and len(feed.entries) == 1
    assert drafts[0].stem in feed.entries[0].link


def test_rescan_after_the_draft_was_accepted_proposes_nothing(news: Path, tmp_path: Path) -> None:
    first = tmp_path / "first"
    assert scan(str(news), "-o", str(first), "-j", "1", "-q")[0] == EXIT_OK
    records = tmp_path / "repo" / "records"
    records.mkdir(parents=True)
    (tmp_path / "repo" / ".git").mkdir()
    for draft in (first / "drafts").glob("*.yaml"):
        shutil.copy(draft, records / draft.name)
    shutil.copytree(first / "drafts" / "sources", records / "sources")
    again = tmp_path / "again"
    code, output = scan(str(news), "-o", str(again), "--records", str(records), "-j", "1", "-q")
    assert code == EXIT_OK, output
    assert not list((again / "drafts").glob("*.yaml")) if (again / "drafts").exists() else True
    assert not (again / "updates").exists() or not list((again / "updates").glob("*.yaml"))
    known = next(records.glob("*.yaml")).stem
    assert {r["incident"] for r in rows(again) if r["relevant"]} == {known}
    assert "nothing new: 1" in (again / "summary.md").read_text(encoding="utf-8")


def test_restoration_article_becomes_an_update_with_end_date_and_curation_kept(news: Path, tmp_path: Path) -> None:
    first = tmp_path / "first"
    assert scan(str(news), "-o", str(first), "-j", "1", "-q")[0] == EXIT_OK
    repo = tmp_path / "repo"
    records = repo / "records"
    records.mkdir(parents=True)
    (repo / ".git").mkdir()
    draft = next((first / "drafts").glob("*.yaml"))
    import yaml

    data = yaml.safe_load(draft.read_text(encoding="utf-8"))
    data["title"] = "WhatsApp and Facebook blocked in Malawi (Karunde by-election)"
    data["curation"] = {"title": "edited"}
    (records / draft.name).write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    shutil.copytree(first / "drafts" / "sources", records / "sources")

    later = tmp_path / "later"
    front_matter_file(later / "f-restored.txt", RESTORED_EN)
    out = tmp_path / "out"
    code, output = scan(str(later), "-o", str(out), "--records", str(records), "-j", "1", "-q")
    assert code == EXIT_OK, output
    update = out / "updates" / draft.name
    assert update.is_file() and not (out / "drafts").exists() or not list((out / "drafts").glob("*.yaml"))
    proposed = yaml.safe_load(update.read_text(encoding="utf-8"))
    assert proposed["title"] == data["title"]  # curated: kept
    assert proposed["end_date"] == "2025-03-19"
    assert len(proposed["sources"]) == len(data["sources"]) + 1
    assert errors(update) == []
    summary = (out / "summary.md").read_text(encoding="utf-8")
    assert "1 new source(s)" in summary and "end_date" in summary


# --- other input formats -------------------------------------------------------------------


def test_jsonl_lines_are_read_and_bad_lines_named_and_skipped(tmp_path: Path) -> None:
    path = tmp_path / "stream.jsonl"
    path.write_text(
        jsonl_lines([BLOCK_EN, ORDINARY]) + "{not json\n" + '{"url": "https://x.example"}\n' + jsonl_lines([BLOCK_FR]),
        encoding="utf-8",
    )
    out = tmp_path / "out"
    code, output = scan(str(path), "-o", str(out), "-j", "1", "-q")
    assert code == EXIT_PARTIAL
    assert f"{path}:3: not valid JSON" in output and f"{path}:4: field 'text' is missing" in output
    assert [r["input"] for r in rows(out)] == [f"{path}:1", f"{path}:2", f"{path}:5"]
    assert [r["relevant"] for r in rows(out)] == [True, False, True]


def test_jsonl_split_into_byte_ranges_gives_the_same_rows(tmp_path: Path) -> None:
    from shutdown_records.scan.inputs import Article, _jsonl_ranges, read_unit

    path = tmp_path / "big.jsonl"
    path.write_text(jsonl_lines([ORDINARY, CABLE_CUT, BLOCK_EN] * 40), encoding="utf-8")
    whole = [a.input for u in _jsonl_ranges(path, chunk=1 << 30) for a in read_unit(u) if isinstance(a, Article)]
    ranges = _jsonl_ranges(path, chunk=2000)
    assert len(ranges) > 10
    pieces = [a.input for u in ranges for a in read_unit(u) if isinstance(a, Article)]
    assert pieces == whole == [f"{path}:{n}" for n in range(1, 121)]


def test_truncated_jsonl_gz_keeps_what_was_read_and_exits_3(tmp_path: Path) -> None:
    data = gzip_bytes(jsonl_lines([ORDINARY, BLOCK_EN] * 30).encode())
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(data[: len(data) * 2 // 3])
    out = tmp_path / "out"
    code, output = scan(str(path), "-o", str(out), "-j", "1", "-q")
    assert code == EXIT_PARTIAL
    assert "truncated" in output
    assert 0 < len(rows(out)) < 60


def test_warc_gz_reads_html_responses_only_with_record_ids(tmp_path: Path) -> None:
    path = tmp_path / "news.warc.gz"
    path.write_bytes(warc_bytes([BLOCK_EN, CABLE_CUT, BLOCK_FR]))
    out = tmp_path / "out"
    code, output = scan(str(path), "-o", str(out), "-j", "1", "-q")
    assert code == EXIT_OK, output
    found = rows(out)
    # warcinfo (1), then request/response pairs: responses are records 3, 5 and 7; the image is skipped
    assert [r["input"] for r in found] == [f"{path}#3", f"{path}#5", f"{path}#7"]
    assert [r["relevant"] for r in found] == [True, False, True]
    assert found[0]["url"] == BLOCK_EN["url"]
    draft = next((out / "drafts").glob("*.yaml"))
    assert "published: '2025-03-03'" in draft.read_text(encoding="utf-8")  # the page's date, via htmldate


def test_plain_warc_is_read_too(tmp_path: Path) -> None:
    path = tmp_path / "news.warc"
    path.write_bytes(warc_bytes([BLOCK_EN], gzipped=False))
    out = tmp_path / "out"
    assert scan(str(path), "-o", str(out), "-j", "1", "-q")[0] == EXIT_OK
    assert [r["relevant"] for r in rows(out)] == [True]


def test_truncated_warc_gz_is_reported_and_earlier_records_kept(tmp_path: Path) -> None:
    data = warc_bytes([BLOCK_EN, ORDINARY, BLOCK_FR])
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(data[:-40])  # an interrupted download: the last member (the image) is cut
    out = tmp_path / "out"
    code, output = scan(str(path), "-o", str(out), "-j", "1", "-q")
    assert code == EXIT_PARTIAL
    assert "truncated" in output and str(path) in output
    assert [r["input"] for r in rows(out)] == [f"{path}#3", f"{path}#5", f"{path}#7"]


def test_warc_gzipped_as_one_member_is_named_and_skipped(tmp_path: Path) -> None:
    path = tmp_path / "whole.warc.gz"
    path.write_bytes(gzip_bytes(warc_bytes([BLOCK_EN, ORDINARY], gzipped=False)))
    out = tmp_path / "out"
    code, output = (
        scan(str(path), str(tmp_path / "ok.txt"), "-o", str(out), "-j", "1", "-q")
        if front_matter_file(tmp_path / "ok.txt", ORDINARY)
        else (0, "")
    )
    assert code == EXIT_PARTIAL
    assert "whole.warc.gz" in output and "skipped" in output


def test_atom_feed_entries_are_articles_and_a_broken_feed_is_skipped(tmp_path: Path) -> None:
    feed = tmp_path / "news.atom"
    feed.write_text(atom_feed([BLOCK_EN, OWN_OUTAGE]), encoding="utf-8")
    broken = tmp_path / "broken.xml"
    broken.write_text("<rss><channel><item><title>half", encoding="utf-8")
    out = tmp_path / "out"
    code, output = scan(str(feed), str(broken), "-o", str(out), "-j", "1", "-q")
    assert code == EXIT_PARTIAL
    assert f"skipped: {broken}" in output
    found = rows(out)
    assert [r["input"] for r in found] == [f"{feed}#1", f"{feed}#2"]
    assert [r["relevant"] for r in found] == [True, False]
    assert found[0]["url"] == BLOCK_EN["url"]


# --- bad command lines and outputs ----------------------------------------------------------


def test_out_folder_with_other_files_is_refused_untouched(news: Path, tmp_path: Path) -> None:
    import subprocess
    import sys

    out = tmp_path / "mine"
    out.mkdir()
    (out / "notes.txt").write_text("keep me", encoding="utf-8")
    command = Path(sys.executable).parent / "shutdown-records"
    done = subprocess.run(
        [str(command), "scan", str(news), "-o", str(out)], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == EXIT_USAGE
    assert done.stderr.count("\n") == 1 and "not an earlier scan's output" in done.stderr
    assert (out / "notes.txt").read_text(encoding="utf-8") == "keep me"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--since", "2025-13-01"], "is not a date"),
        (["--dask", "somewhere"], "scheduler address"),
    ],
)
def test_bad_options_are_one_line_usage_errors(news: Path, tmp_path: Path, args: list[str], message: str) -> None:
    code, output = scan(str(news), "-o", str(tmp_path / "out"), *args)
    assert code == EXIT_USAGE and message in output and "Traceback" not in output


def test_since_marks_older_articles_not_relevant(news: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert scan(str(news), "-o", str(out), "--since", "2025-03-04", "-j", "1", "-q")[0] == EXIT_OK
    found = {Path(r["input"]).name: r for r in rows(out)}
    assert not found["a-block.txt"]["relevant"] and "before --since" in found["a-block.txt"]["why"]
    assert found["c-bloc.txt"]["relevant"]


def test_missing_input_is_named_and_counted(news: Path, tmp_path: Path) -> None:
    code, output = scan(str(news), str(tmp_path / "nope.jsonl"), "-o", str(tmp_path / "out"), "-j", "1", "-q")
    assert code == EXIT_PARTIAL and "nope.jsonl: no such file" in output


# --- engines -------------------------------------------------------------------------------


def test_local_processes_and_a_dask_localcluster_write_byte_identical_output(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    for i, article in enumerate([BLOCK_EN, CABLE_CUT, BLOCK_FR, ORDINARY, OWN_OUTAGE, RESTORED_EN]):
        front_matter_file(folder / f"{i:02d}.txt", article)
    (folder / "feed.atom").write_text(atom_feed([ORDINARY, BLOCK_FR]), encoding="utf-8")
    (folder / "stream.jsonl").write_text(jsonl_lines([CABLE_CUT, BLOCK_EN]), encoding="utf-8")
    (folder / "pages.warc.gz").write_bytes(warc_bytes([RESTORED_EN, ORDINARY]))
    serial, processes, cluster = tmp_path / "serial", tmp_path / "processes", tmp_path / "cluster"
    assert scan(str(folder), "-o", str(serial), "-j", "1", "-q")[0] == EXIT_OK
    assert scan(str(folder), "-o", str(processes), "-j", "2", "-q")[0] == EXIT_OK
    code, output = scan(str(folder), "-o", str(cluster), "--dask", "local", "-j", "2", "-q")
    assert code == EXIT_OK, output
    assert tree(serial) == tree(processes) == tree(cluster)
    assert len(rows(serial)) == 12 and any((serial / "drafts").glob("*.yaml"))


def test_readme_scan_commands_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import shlex

    from conftest import REPO_ROOT

    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Scan a news stream", 1)[1].split("\n## ", 1)[0]
    commands = [line.strip() for line in section.splitlines() if line.startswith("    shutdown-records scan")]
    assert len(commands) == 2 and "news/" in commands[0] and ".warc.gz" in commands[1]
    shutil.copytree(REPO_ROOT / "records", tmp_path / "records")
    shutil.copytree(REPO_ROOT / "seeds", tmp_path / "seeds")
    for name, article in [("a.txt", BLOCK_EN), ("b.txt", CABLE_CUT), ("c.txt", BLOCK_FR)]:
        front_matter_file(tmp_path / "news" / name, article)
    (tmp_path / "crawl.warc.gz").write_bytes(warc_bytes([RESTORED_EN, ORDINARY]))
    monkeypatch.chdir(tmp_path)
    for command in commands:
        code, output = scan(*shlex.split(command)[2:], "-j", "1")
        assert code == EXIT_OK, (command, output)
        assert "1 new incident(s)" in output


def test_dask_scheduler_address_runs_on_that_cluster(tmp_path: Path) -> None:
    from distributed import LocalCluster

    folder = tmp_path / "news"
    for i, article in enumerate([BLOCK_EN, CABLE_CUT, BLOCK_FR]):
        front_matter_file(folder / f"{i:02d}.txt", article)
    local = tmp_path / "local"
    assert scan(str(folder), "-o", str(local), "-j", "1", "-q")[0] == EXIT_OK
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        remote = tmp_path / "remote"
        before = cluster.scheduler.transition_counter
        code, output = scan(str(folder), "-o", str(remote), "--dask", cluster.scheduler_address, "-q")
        assert code == EXIT_OK, output
        assert cluster.scheduler.transition_counter > before  # tasks ran on that scheduler
    assert tree(local) == tree(remote)


def test_a_record_id_that_is_a_path_never_names_an_output_file(news: Path, tmp_path: Path) -> None:
    first = tmp_path / "first"
    assert scan(str(news), "-o", str(first), "-j", "1", "-q")[0] == EXIT_OK
    records = tmp_path / "records"
    records.mkdir()
    draft = next((first / "drafts").glob("*.yaml"))
    hostile = draft.read_text(encoding="utf-8").replace(f"id: {draft.stem}", "id: ../../escaped", 1)
    (records / "mw.yaml").write_text(hostile, encoding="utf-8")
    later = tmp_path / "later"
    front_matter_file(later / "f.txt", RESTORED_EN)
    out = tmp_path / "out"
    code, output = scan(str(later), "-o", str(out), "--records", str(records), "-j", "1", "-q")
    assert code == EXIT_OK
    assert not (tmp_path / "escaped.yaml").exists() and not (out.parent.parent / "escaped.yaml").exists()
    assert not (out / "updates").exists() or not list((out / "updates").glob("*.yaml"))
    assert "mw.yaml: no update proposed" in output and "validate" in output


def test_a_giant_jsonl_line_is_skipped_and_the_next_lines_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from shutdown_records.scan import inputs

    monkeypatch.setattr(inputs, "MAX_LINE_BYTES", 2000)
    path = tmp_path / "s.jsonl"
    giant = json.dumps({"text": "word " * 3000}) + "\n"
    path.write_text(jsonl_lines([ORDINARY]) + giant + jsonl_lines([BLOCK_EN]), encoding="utf-8")
    read = list(inputs.read_unit(inputs.Unit("jsonl", (str(path),))))
    assert [type(x).__name__ for x in read] == ["Article", "Skipped", "Article"]
    assert read[1].input == f"{path}:2" and "over" in read[1].reason
    assert read[2].input == f"{path}:3" and read[2].url == BLOCK_EN["url"]


def test_html_and_markdown_files_in_a_folder_are_articles(tmp_path: Path) -> None:
    from scan_articles import html_page

    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "a.html").write_text(html_page(BLOCK_EN), encoding="utf-8")
    front_matter_file(folder / "b.md", BLOCK_FR)
    out = tmp_path / "out"
    code, output = scan(str(folder), "-o", str(out), "-j", "1", "-q")
    assert code == EXIT_OK, output
    found = rows(out)
    assert [Path(r["input"]).name for r in found] == ["a.html", "b.md"]
    assert [r["relevant"] for r in found] == [True, True]
    assert found[0]["incident"] == found[1]["incident"]
    saved = "".join(p.read_text(encoding="utf-8") for p in (out / "drafts" / "sources").glob("*.txt"))
    assert "published: '2025-03-03'" in saved  # the page's own date


def test_an_unreadable_record_in_records_is_a_warning_and_the_scan_goes_on(news: Path, tmp_path: Path) -> None:
    records = tmp_path / "records"
    records.mkdir()
    (records / "broken.yaml").write_text("id: [unclosed\n", encoding="utf-8")
    out = tmp_path / "out"
    code, output = scan(str(news), "-o", str(out), "--records", str(records), "-j", "1", "-q")
    assert code == EXIT_OK
    assert "warning:" in output and "broken.yaml:" in output
    assert any((out / "drafts").glob("*.yaml"))
