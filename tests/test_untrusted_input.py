"""Records and articles are untrusted input: no leaked files, no forged output, no crash, nothing lost.

Each test runs the real command through `shutdown_records.cli.main` (the console script), so
the exit codes are the ones a CI job sees. Records are made from the valid validate fixture;
articles are invented.
"""

from __future__ import annotations

import json
import os
import signal
import stat
from pathlib import Path

import pytest
from fixtures.validate.support import RECORD, SOURCE, copy_valid, edit

from shutdown_records.cli import main

FIFO_OK = hasattr(os, "mkfifo")


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """Exit code, stdout and stderr of one command, as the console script would give them."""
    with pytest.raises(SystemExit) as exc:
        main(argv)
    captured = capsys.readouterr()
    code = exc.value.code
    return (0 if code is None else int(code)), captured.out, captured.err


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A dataset repository: repo/records/<record>.yaml citing repo/records/sources/<text>."""
    return copy_valid(tmp_path / "repo")


def site_text(folder: Path) -> str:
    return "\n".join(p.read_text(encoding="utf-8", errors="replace") for p in folder.rglob("*") if p.is_file())


# -- sources outside the repository ------------------------------------------------------------


def _secret_strings(written: str, tmp_path: Path) -> list[str]:
    """Strings of the file a hostile path names, which must appear in no output."""
    if written.endswith("secret.txt"):
        return ["TOPSECRET-TOKEN-4242"]
    if written == "/proc/self/environ":
        entries = Path("/proc/self/environ").read_bytes().decode("utf-8", "replace").split("\0")
        return [e for e in entries if "=" in e and len(e) > 12][:20]
    return [line for line in Path("/etc/passwd").read_text().splitlines() if line.count(":") >= 6][:5]


@pytest.mark.skipif(not Path("/proc/self/environ").exists(), reason="needs Linux /proc and /etc/passwd")
@pytest.mark.parametrize(
    "written", ["/proc/self/environ", "../../../../../../../../../../etc/passwd", "../../secret.txt"]
)
def test_a_source_outside_the_repository_puts_nothing_of_it_in_any_output(
    repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], written: str
) -> None:
    (tmp_path / "secret.txt").write_text("TOPSECRET-TOKEN-4242 Gabon blocks TikTok\n", encoding="utf-8")
    edit(repo, f"path: {SOURCE}", f"path: '{written}'")
    secrets = _secret_strings(written, tmp_path)
    assert secrets
    outputs: list[str] = []
    for fmt in ("text", "json", "github"):
        code, out, err = run(["validate", "--format", fmt, str(repo)], capsys)
        assert code == 1
        outputs += [out, err]
    assert "is outside the repository root" in outputs[0] and "[E307]" in outputs[0]
    assert "E303" not in outputs[0] and "E304" not in outputs[0] and "E302" not in outputs[0]
    code, out, err = run(["report", str(repo), "-o", str(tmp_path / "site")], capsys)
    assert code == 0, err
    outputs += [out, err, site_text(tmp_path / "site")]
    assert "not read: the path leads outside the record&#39;s repository" in site_text(tmp_path / "site")
    for fmt in ("csv", "jsonl", "stop", "ooni"):
        target = tmp_path / f"out.{fmt}"
        code, out, err = run(["export", "-f", fmt, str(repo), "-o", str(target)], capsys)
        assert code == 0, err
        outputs += [out, err, target.read_text(encoding="utf-8")]
    everything = "\n".join(outputs)
    for secret in secrets:
        assert secret not in everything


def test_validate_root_option_names_the_folder_sources_may_come_from(
    repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shared = tmp_path / "texts"
    shared.mkdir()
    (repo.parent / SOURCE).rename(shared / "ga-tiktok.txt")
    edit(repo, f"path: {SOURCE}", "path: ../../texts/ga-tiktok.txt")
    code, out, _ = run(["validate", str(repo)], capsys)
    assert code == 1 and "[E307]" in out
    code, out, _ = run(["validate", "--root", str(tmp_path), str(repo)], capsys)
    assert code == 0, out


def test_validate_refuses_a_symlinked_source_even_inside_the_repository(
    repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    real = repo.parent / SOURCE
    (repo.parent / "sources" / "link.txt").symlink_to(real)
    edit(repo, f"path: {SOURCE}", "path: sources/link.txt")
    code, out, _ = run(["validate", str(repo)], capsys)
    assert code == 1
    assert "sources[0].path: source file 'sources/link.txt': is a symbolic link; point at the file itself [E308]" in out


def test_validate_refuses_a_symlink_leading_out_of_the_repository(
    repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "a.txt").write_text("TOPSECRET-TOKEN-4242\n", encoding="utf-8")
    (repo.parent / "sources" / "out").symlink_to(outside)
    edit(repo, f"path: {SOURCE}", "path: sources/out/a.txt")
    code, out, _ = run(["validate", str(repo)], capsys)
    assert code == 1 and "[E307]" in out and "TOPSECRET" not in out


@pytest.mark.skipif(not FIFO_OK, reason="needs os.mkfifo")
def test_validate_and_report_refuse_a_fifo_source_without_waiting(
    repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    os.mkfifo(repo.parent / "sources" / "pipe.txt")
    edit(repo, f"path: {SOURCE}", "path: sources/pipe.txt")
    code, out, _ = run(["validate", str(repo)], capsys)
    assert code == 1
    assert (
        "source file 'sources/pipe.txt': is not a regular file (a FIFO); only plain text files are read [E308]" in out
    )
    code, _, err = run(["report", str(repo), "-o", str(tmp_path / "site")], capsys)
    assert code == 0, err
    assert "not read: is not a regular file (a FIFO)" in site_text(tmp_path / "site")


def test_validate_and_report_refuse_a_source_over_the_size_cap(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with open(repo.parent / SOURCE, "r+b") as handle:
        handle.truncate(6 * 1024 * 1024)  # sparse: no disk used
    code, out, _ = run(["validate", str(repo)], capsys)
    assert code == 1
    assert f"source file '{SOURCE}': is 6291456 bytes; sources are read up to 5242880 bytes [E309]" in out
    code, _, err = run(["report", str(repo), "-o", str(repo.parent.parent / "site")], capsys)
    assert code == 0, err
    assert "not read: is 6291456 bytes; sources are read up to 5242880 bytes" in site_text(repo.parent.parent / "site")


# -- output that CI and terminals read ---------------------------------------------------------


def test_validate_text_output_escapes_newlines_and_terminal_escapes_from_a_record(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    hostile = "x\\n::error file=records/a.yaml,line=1::forged\\e[2Jy.txt"
    edit(repo, f"path: {SOURCE}", f'path: "{hostile}"')
    code, out, _ = run(["validate", str(repo)], capsys)
    assert code == 1
    assert not any(line.lstrip().startswith("::") for line in out.splitlines())
    assert "\x1b" not in out
    assert "x\\n::error file=records/a.yaml,line=1::forged\\x1b[2Jy.txt" in out
    code, out, _ = run(["validate", "--format", "github", str(repo)], capsys)
    assert [line for line in out.splitlines() if line.startswith("::")] == [
        line for line in out.splitlines() if line.startswith("::error file=") and str(repo) in line
    ]
    assert "\x1b" not in out and "forged\\x1b[2Jy.txt" in out


def test_export_neutralises_spreadsheet_formulas_unless_raw_cells(
    repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edit(repo, "title: TikTok blocked", 'title: \'=HYPERLINK("http://x.example","open")\' # TikTok blocked')
    for fmt in ("csv", "stop"):
        out_file = tmp_path / f"x.{fmt}.csv"
        code, _, err = run(["export", "-f", fmt, str(repo), "-o", str(out_file)], capsys)
        assert code == 0, err
        text = out_file.read_text(encoding="utf-8")
        assert '"\'=HYPERLINK(""http://x.example"",""open"")"' in text
        assert ',"=HYPERLINK' not in text
        code, _, err = run(["export", "-f", fmt, "--raw-cells", str(repo), "-o", str(out_file)], capsys)
        assert code == 0, err
        assert '"=HYPERLINK(' in out_file.read_text(encoding="utf-8")
    code, _, err = run(["export", "-f", "jsonl", "--raw-cells", str(repo)], capsys)
    assert code == 2 and "--raw-cells apply to --format csv and stop only" in err


def test_spreadsheet_cell_leaves_plain_numbers_and_text_alone() -> None:
    from shutdown_records.export.base import spreadsheet_cell

    assert [spreadsheet_cell(v) for v in ("-3", "+1.5", "Gabon", "", "=1+1", "@SUM(A1)", "-2+3", "\tx")] == [
        "-3",
        "+1.5",
        "Gabon",
        "",
        "'=1+1",
        "'@SUM(A1)",
        "'-2+3",
        "'\tx",
    ]


# -- records that used to crash (exit 70) ------------------------------------------------------

BAD_TAGS = [
    ("!!int abc", "!!int 'abc' is not a whole number; remove the tag or fix the value"),
    ("!!float x", "!!float 'x' is not a number; remove the tag or fix the value"),
    ("!!bool maybe", "!!bool 'maybe' is not true or false; remove the tag or fix the value"),
    ("!!timestamp x", "the tag !!timestamp is not allowed in records; remove it; write dates as text"),
    ("!!map [a]", "!!map tags a mapping, but a list follows; remove the tag"),
    ("!!seq {a: 1}", "!!seq tags a list, but a mapping follows; remove the tag"),
]


@pytest.mark.parametrize(("value", "message"), BAD_TAGS)
def test_explicit_yaml_tags_with_bad_content_are_located_errors_in_every_command(
    repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], value: str, message: str
) -> None:
    bad = repo.with_name("zz-bad.yaml")
    bad.write_text(
        repo.read_text(encoding="utf-8")
        .replace("summary:", "#")
        .replace("review_status: reviewed", f"review_status: reviewed\nsummary: {value}"),
        encoding="utf-8",
    )
    code, out, err = run(["validate", str(repo.parent)], capsys)
    assert code == 1, err
    assert f"{bad}:5:10: (record): not valid YAML: {message}" in out
    assert "2 records checked, 1 valid" in out
    code, out, err = run(["export", "-f", "csv", str(repo.parent)], capsys)
    assert code == 3 and f"error: {bad}:5:10: not valid YAML: {message}" in err
    code, _, err = run(["report", str(repo.parent), "-o", str(tmp_path / "site")], capsys)
    assert code == 1 and f"error: {bad}:5:10: not valid YAML: {message}" in err
    article = tmp_path / "a.txt"
    article.write_text("Zapchat blocked in Norvania\n\nThe regulator blocked Zapchat on Monday.\n", encoding="utf-8")
    code, _, err = run(["build", "-q", str(article), "-o", str(bad)], capsys)
    assert code == 1 and f"error: {bad}:5:10: not valid YAML: {message}" in err


def test_year_zero_is_an_impossible_date_not_a_crash(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(repo, "start_date: 2025-03-02", "start_date: '0000-01-01'")
    code, out, _ = run(["validate", str(repo)], capsys)
    assert code == 1
    assert "start_date: 0000-01-01 is not a real date: there is no year 0000" in out
    code, _, err = run(["export", "-f", "stop", str(repo)], capsys)
    assert code == 1 and "start_date: Value error, 0000-01-01 is not a real date" in err


def test_an_offset_of_5000_digits_is_a_located_error(
    repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edit(repo, "      start: 0\n      end: 19\n", f"      start: 0\n      end: {'9' * 5000}\n")
    message = "not valid YAML: a number of 5000 digits is too long for a record"
    code, out, _ = run(["validate", str(repo)], capsys)
    assert code == 1 and message in out and "[E004]" in out
    code, _, err = run(["export", "-f", "jsonl", str(repo)], capsys)
    assert code == 1 and message in err
    code, _, err = run(["report", str(repo), "-o", str(tmp_path / "site")], capsys)
    assert code == 1 and message in err


def test_offsets_must_be_whole_numbers(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(repo, "      start: 0\n      end: 19\n", "      start: 0\n      end: 19.0\n")
    code, out, _ = run(["validate", str(repo)], capsys)
    assert code == 1
    assert "evidence.country[0].end: end is 19.0: offsets are whole numbers of code points; write 19 [E227]" in out
    code, _, err = run(["export", "-f", "jsonl", str(repo)], capsys)
    assert code == 1 and "evidence.country.0.end: Input should be a valid integer" in err


def test_record_dates_take_ascii_digits_only(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(repo, "start_date: 2025-03-02", "start_date: '２０２５-03-02'")
    code, out, _ = run(["validate", str(repo)], capsys)
    assert code == 1
    assert "start_date: '２０２５-03-02' is not a date written YYYY-MM-DD or YYYY-MM, e.g. 2024-02-17 [E105]" in out
    code, out, err = run(["export", "-f", "ooni", str(repo)], capsys)
    assert code == 1 and "２０２５" not in out and "start_date: String should match pattern" in err


def test_a_control_character_is_reported_at_its_own_line_on_one_line(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edit(repo, "title: TikTok blocked", "title: TikTok\x07 blocked")
    code, out, _ = run(["validate", "-q", str(repo)], capsys)
    assert code == 1
    assert out == (
        f"{repo}:3:14: (record): not valid YAML: control character U+0007 is not allowed; "
        "remove it (inside double quotes, write it as an escape such as \\t) [E004]\n"
    )


def test_validate_warns_when_the_start_is_after_every_source_was_published(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edit(repo, "    language: en\n", "    language: en\n    published: 2024-12-01\n")
    code, out, _ = run(["validate", str(repo)], capsys)
    assert code == 0
    assert (
        "start_date: warning: start_date 2025-03-02 is after the publication of every source "
        "(latest 2024-12-01); check the year of the date the sources give [W228]"
    ) in out
    code, _, _ = run(["validate", "--strict", str(repo)], capsys)
    assert code == 1


def test_build_leaves_out_a_start_after_its_sources_publication(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = tmp_path / "a.txt"
    article.write_text(
        "---\npublished: 2024-12-01\nlanguage: en\n---\nZapchat blocked in Norvania\n\n"
        "The authorities of Norvania blocked Zapchat on 17 February 2025, the regulator said.\n",
        encoding="utf-8",
    )
    out = tmp_path / "r.yaml"
    code, _, err = run(["build", "-q", str(article), "-o", str(out)], capsys)
    assert code == 1
    assert (
        f"error: {out}: start_date 2025-02-17 is after the publication of every source (latest 2024-12-01); "
        "check the year of the date the sources give; it is left out"
    ) in err
    assert "start_date: null" in out.read_text(encoding="utf-8")


# -- writing: OS errors, signals, outputs that are not ours ------------------------------------


def test_a_write_the_system_refuses_is_exit_4_with_the_place(
    repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    code, _, err = run(["export", "-f", "csv", str(repo), "-o", str(blocker / "out.csv")], capsys)
    assert code == 4 and f"error: {blocker}: a file stands where the output's folder should be" in err
    code, _, err = run(["schema", "-o", str(blocker / "s.json")], capsys)
    assert code == 4 and f"error: {blocker}: a file stands where the output's folder should be" in err
    code, _, err = run(["report", str(repo), "-o", str(blocker / "site")], capsys)
    assert code == 4 and f"error: {blocker}" in err


@pytest.mark.parametrize("command", ["export", "build", "schema", "report"])
def test_permission_denied_on_write_is_exit_4_in_every_writing_command(
    repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, command: str
) -> None:
    import tempfile

    def refuse(*args: object, **kwargs: object) -> object:
        raise PermissionError(13, "Permission denied", str(kwargs.get("dir", tmp_path)))

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    monkeypatch.setattr(tempfile, "mkdtemp", refuse)
    article = tmp_path / "a.txt"
    article.write_text("Zapchat blocked in Norvania\n\nThe regulator blocked Zapchat on Monday.\n", encoding="utf-8")
    argv = {
        "export": ["export", "-f", "csv", str(repo), "-o", str(tmp_path / "o.csv")],
        "build": ["build", "-q", str(article), "-o", str(tmp_path / "o.yaml")],
        "schema": ["schema", "-o", str(tmp_path / "o.json")],
        "report": ["report", str(repo), "-o", str(tmp_path / "site")],
    }[command]
    code, _, err = run(argv, capsys)
    assert code == 4, err
    assert f"error: {tmp_path}: Permission denied" in err


def test_ctrl_c_exits_130_not_the_invalid_code(
    repo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import shutdown_records.commands.validate as validate_command

    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(validate_command, "validate_paths", interrupted)
    code, _, err = run(["validate", str(repo)], capsys)
    assert code == 130
    assert "interrupted" in err and "Aborted!" not in err


def test_sigterm_during_export_removes_the_temporary_file_and_keeps_the_old_one(
    repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from shutdown_records.export.csv_rows import CsvWriter

    target = tmp_path / "out" / "x.csv"
    target.parent.mkdir()
    target.write_text("earlier export\n", encoding="utf-8")

    def killed(self: CsvWriter, record: object) -> dict[str, str]:
        os.kill(os.getpid(), signal.SIGTERM)
        raise AssertionError("SIGTERM should have stopped the export")

    monkeypatch.setattr(CsvWriter, "row", killed)
    handler_before = signal.getsignal(signal.SIGTERM)
    code, _, _ = run(["export", "-f", "csv", str(repo), "-o", str(target)], capsys)
    assert code == 128 + signal.SIGTERM
    assert sorted(p.name for p in target.parent.iterdir()) == ["x.csv"]
    assert target.read_text(encoding="utf-8") == "earlier export\n"
    assert signal.getsignal(signal.SIGTERM) == handler_before  # main() puts the caller's handler back


def test_export_never_writes_over_an_input_record(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = repo.read_bytes()
    for argv in (
        ["export", "-f", "csv", str(repo), "-o", str(repo)],
        ["export", "-f", "csv", str(repo.parent), "-o", str(repo), "--force"],
    ):
        code, _, err = run(argv, capsys)
        assert code == 4
        assert f"error: {repo}: is one of the inputs" in err and "Choose another output file" in err
    assert repo.read_bytes() == before


def test_export_refuses_a_yaml_file_a_symlink_and_a_fifo_unless_forced(
    repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "other.yaml"
    other.write_text("id: keep-me\n", encoding="utf-8")
    code, _, err = run(["export", "-f", "csv", str(repo), "-o", str(other)], capsys)
    assert code == 4 and "is a YAML file, perhaps a record" in err
    assert other.read_text(encoding="utf-8") == "id: keep-me\n"
    real = tmp_path / "real.csv"
    real.write_text("old\n", encoding="utf-8")
    link = tmp_path / "link.csv"
    link.symlink_to(real)
    code, _, err = run(["export", "-f", "csv", str(repo), "-o", str(link)], capsys)
    assert code == 4 and "is a symbolic link; writing would replace the link with a file" in err
    assert link.is_symlink() and real.read_text(encoding="utf-8") == "old\n"
    if FIFO_OK:
        fifo = tmp_path / "pipe.csv"
        os.mkfifo(fifo)
        code, _, err = run(["export", "-f", "csv", str(repo), "-o", str(fifo)], capsys)
        assert code == 4 and "is a FIFO, not a file to write" in err
        assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    code, _, err = run(["export", "-f", "csv", str(repo), "-o", str(other), "--force"], capsys)
    assert code == 0, err
    assert other.read_text(encoding="utf-8").startswith("id,title")


def test_build_refuses_to_replace_a_yaml_file_that_is_not_a_record(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Zapchat blocked in Norvania\n\nThe regulator blocked Zapchat on Monday.\n", encoding="utf-8")
    config = tmp_path / "ci.yaml"
    config.write_text("on: push\njobs: {}\n", encoding="utf-8")
    code, _, err = run(["build", "-q", str(article), "-o", str(config)], capsys)
    assert code == 4
    assert f"error: {config}: exists and is not a record (no `id` and `title`)" in err
    assert config.read_text(encoding="utf-8") == "on: push\njobs: {}\n"
    code, _, err = run(["build", "-q", str(article), "-o", str(article)], capsys)
    assert code == 4 and "is one of the inputs" in err
    code, _, err = run(["build", "-q", "--force", str(article), "-o", str(config)], capsys)
    assert code == 0, err
    assert "id:" in config.read_text(encoding="utf-8")


def test_report_rerun_keeps_files_a_person_added_to_the_site(
    repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = tmp_path / "site"
    assert run(["report", str(repo), "-o", str(site)], capsys)[0] == 0
    (site / "CNAME").write_text("records.example.org\n", encoding="utf-8")
    (site / ".git" / "refs" / "tags").mkdir(parents=True)
    (site / ".git" / "config").write_text("[core]\n", encoding="utf-8")
    (site / "records" / "notes.txt").write_text("mine\n", encoding="utf-8")
    assert run(["report", str(repo), "-o", str(site)], capsys)[0] == 0
    assert (site / "CNAME").read_text(encoding="utf-8") == "records.example.org\n"
    assert (site / ".git" / "config").read_text(encoding="utf-8") == "[core]\n"
    assert (site / ".git" / "refs" / "tags").is_dir()
    assert (site / "records" / "notes.txt").read_text(encoding="utf-8") == "mine\n"
    assert (site / "records" / "ga-2025-tiktok.html").is_file()
    # A page of a record no longer given is the report's own file: it goes.
    other = repo.with_name("ga-2025-tiktok-2.yaml")
    other.write_text(
        repo.read_text(encoding="utf-8").replace("id: ga-2025-tiktok\n", "id: ga-2025-tiktok-2\n"), encoding="utf-8"
    )
    assert run(["report", str(repo.parent), "-o", str(site)], capsys)[0] == 0
    other.unlink()
    assert run(["report", str(repo.parent), "-o", str(site)], capsys)[0] == 0
    assert not (site / "records" / "ga-2025-tiktok-2.html").exists()
    assert (site / "CNAME").is_file()


# -- build inputs ------------------------------------------------------------------------------


@pytest.mark.skipif(not FIFO_OK, reason="needs os.mkfifo")
def test_build_refuses_a_fifo_and_a_device_without_reading(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fifo = tmp_path / "article.txt"
    os.mkfifo(fifo)
    code, _, err = run(["build", "-q", str(fifo)], capsys)
    assert code == 1
    assert f"error: {fifo}: cannot read source: is not a regular file (a FIFO)" in err
    if Path("/dev/zero").exists():
        link = tmp_path / "zero.txt"
        link.symlink_to("/dev/zero")
        code, _, err = run(["build", "-q", str(link)], capsys)
        assert code == 1 and "is not a regular file (a device)" in err


def test_build_skips_an_article_over_the_size_cap(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    big = tmp_path / "big.txt"
    with open(big, "wb") as handle:
        handle.truncate(5 * 1024 * 1024 + 1)
    code, _, err = run(["build", "-q", str(big)], capsys)
    assert code == 1
    assert "is 5242881 bytes; sources are read up to 5242880 bytes" in err


def test_quote_sentences_on_a_long_line_match_the_scan_from_the_line_start() -> None:
    """The bisected sentence ends of a long line (linear build time) give the same quotes as
    scanning the line from its start for each quote (what made build quadratic)."""
    from shutdown_records.extraction.spans import _known_ends
    from shutdown_records.extraction.types import sentence_span

    sentences = [
        "Zapchat was blocked on 3 May in Elbrik.",
        'Dr. Vell said: "It ended on 9 May."',
        "Service resumed (partly) on 12 May!",
        "Why?  Nobody knows.",
        "U.S. mirrors stayed up.",
    ]
    text = "Title\n" + " ".join(sentences[i % 5] for i in range(300)) + "\nLast line."
    lo, hi = 6, text.index("\nLast")
    for start in range(lo, hi, 37):
        end = min(hi, start + 5)
        assert sentence_span(text, start, end, (lo, hi), *_known_ends(text, lo, hi, start, end)) == sentence_span(
            text, start, end, (lo, hi)
        )


def test_json_output_of_validate_still_names_the_hostile_path_exactly(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edit(repo, f"path: {SOURCE}", 'path: "a\\nb.txt"')
    code, out, _ = run(["validate", "--format", "json", str(repo)], capsys)
    assert code == 1
    messages = [p["message"] for p in json.loads(out)["problems"] if p["code"] == "E301"]
    assert messages and "'a\\nb.txt'" in messages[0]
    assert RECORD in out


def test_a_record_file_that_is_a_symlink_is_not_followed(
    repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    credentials = tmp_path / "config.json"
    credentials.write_text('{"auths": {"registry.example": {"auth": "TOPSECRET-TOKEN-4242"}}}\n', encoding="utf-8")
    link = repo.with_name("zz-link.yaml")
    link.symlink_to(credentials)
    code, out, _ = run(["validate", str(repo.parent)], capsys)
    assert code == 1
    assert f"{link}:1:1: (record): cannot read: is a symbolic link; point at the file itself [E001]" in out
    assert "auths" not in out and "TOPSECRET" not in out
    code, _, err = run(["export", "-f", "jsonl", str(repo.parent)], capsys)
    assert code == 3 and "TOPSECRET" not in err


def test_schema_refuses_to_replace_a_file_that_is_not_a_schema(
    repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = repo.read_bytes()
    code, _, err = run(["schema", "-o", str(repo)], capsys)
    assert code == 4 and f"error: {repo}: exists and is not a JSON Schema" in err
    assert repo.read_bytes() == before
    target = tmp_path / "s.json"
    assert run(["schema", "-o", str(target)], capsys)[0] == 0
    assert run(["schema", "-o", str(target)], capsys)[0] == 0  # an earlier schema is replaced


def test_a_source_in_the_repositorys_git_folder_is_never_read(
    repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    git = repo.parent.parent / ".git"
    git.mkdir()
    (git / "config").write_text(
        '[http "https://github.com/"]\n\textraheader = AUTHORIZATION: basic TOPSECRET\n', encoding="utf-8"
    )
    edit(repo, f"path: {SOURCE}", "path: ../.git/config")
    code, out, _ = run(["validate", str(repo)], capsys)
    assert code == 1
    assert (
        "sources[0].path: source path '../.git/config' is a hidden file or inside a hidden folder "
        "(.git, .env, ...), which may hold credentials; sources must be visible files of the repository [E310]"
    ) in out
    code, _, err = run(["report", str(repo), "-o", str(tmp_path / "site")], capsys)
    assert code == 0, err
    text = site_text(tmp_path / "site")
    assert "TOPSECRET" not in text and "not read: the path names a hidden file or folder" in text
