"""Messages a new user can act on (issue 13): eval says which problems, and a file that is
not prose gets a language message that says so."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from conftest import REPO_ROOT
from shutdown_records.cli import cli, main
from shutdown_records.evaluate import corpus as corpus_module

EVAL_CORPUS = REPO_ROOT / "tests" / "eval_corpus"


@dataclass
class _Built:
    record: dict[str, Any]
    problems: list[str] = field(default_factory=list)


def _builder(source_paths: list[Path], **_: Any) -> _Built:
    return _Built(
        {},
        problems=[
            "sources/09.txt: language 'sw' has no vocabulary (data/lang/sw/); read for country, platforms and dates only",
            "note: networks: candidate 'mobile' from 01 too weakly supported (0.18 < 0.9); left out",
            "note: scope: national by default",
        ],
    )


def test_eval_progress_names_each_warning_and_counts_notes(monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    monkeypatch.setattr(corpus_module, "default_build", lambda: _builder)
    with pytest.raises(SystemExit) as done:
        main(["eval", str(EVAL_CORPUS)])
    assert done.value.code in (0, None)
    err = capsys.readouterr().err.splitlines()
    progress = [line for line in err if line.startswith("[1/")]
    assert progress and "1 warning, 2 build notes (--json lists them)" in progress[0]
    assert "problems" not in progress[0]
    at = err.index(progress[0])
    assert err[at + 1].strip().startswith("sources/09.txt: language 'sw' has no vocabulary")


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("a" * 5_000_000, "its first 4,000 characters are one 4,000-letter word ('aaaaaaaaaa…'), not prose"),
        ("1234 5678 " * 500, "the text holds no words, only digits, symbols or spaces"),
        ("Freedonia blocks.\n", "too little text to tell: 2 words"),
    ],
)
def test_a_text_that_is_not_prose_gets_a_language_message_that_says_so(
    tmp_path: Path, content: str, expected: str
) -> None:
    path = tmp_path / "odd.txt"
    path.write_text(content, encoding="utf-8")
    result = CliRunner().invoke(cli, ["build", str(path), "-q"])
    assert result.exit_code == 1
    line = [x for x in result.output.splitlines() if x.startswith(f"error: {path}")][0]
    assert expected in line and "add `language: xx` to its front matter or pass --language" in line
