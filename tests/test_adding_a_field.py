"""Adding a field is one attribute in `model.Incident` plus its extractor (docs/architecture.md,
"Adding a field").

The tests do what a contributor would: copy the package, add one annotated attribute to the
copy's model.py (and, for the build, one extractor module) and nothing else, and run the
copy's CLI in a fresh interpreter. The new field must then be required to have a quote by
`validate`, be a CSV column and an OONI fact line, be a scored `eval` column, and be built,
cited and scored once an extractor finds it. A stage that keeps a hand list of fields fails here.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

import shutdown_records

ANCHOR = "\n    operators: Annotated[\n"
NEW_FIELD = """
    affected_services_count: Annotated[
        int | None,
        FieldSpec("scalar", "scalar", score=Scoring("exact", "svcs"), ooni=OoniFact("Services affected", 14)),
    ] = Field(None, ge=0, description="How many services were blocked.")
"""

# A toy extractor (its cue in code, for the test only; a real one reads data/lang/<code>/cues.yaml).
EXTRACTOR = """
import re

from ..types import Mention

NUMBERS = {"twelve": 12}
CUE = re.compile(r"block (\\w+) online services")


def extract(doc):
    for m in CUE.finditer(doc.text):
        if m.group(1) in NUMBERS:
            yield Mention("affected_services_count", NUMBERS[m.group(1)], doc.id, m.start(), m.end(), 0.9)
"""

ARTICLE = """Veloria blocks twelve services

Veloria's regulator ordered operators on Monday 3 March 2031 to block twelve online services,
Minister Tavo Renk said in Port Aster. Users in Veloria reported that the services were blocked.
"""


def _package_with_the_field(tmp_path: Path, extractor: bool = False) -> Path:
    """A copy of the package whose model.py has one attribute more (and, with `extractor`, an
    extractor module for it); its folder for PYTHONPATH."""
    package = Path(shutdown_records.__file__).parent
    copy = tmp_path / "src" / "shutdown_records"
    shutil.copytree(package, copy, ignore=shutil.ignore_patterns("__pycache__"))
    model = copy / "model.py"
    text = model.read_text(encoding="utf-8")
    assert text.count(ANCHOR) == 1
    model.write_text(text.replace(ANCHOR, NEW_FIELD + ANCHOR), encoding="utf-8")
    if extractor:
        (copy / "extraction" / "extractors" / "services.py").write_text(EXTRACTOR, encoding="utf-8")
    return copy.parent


def _run(src: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(src)}
    code = "import sys, shutdown_records.cli as c; assert c.__file__.startswith(sys.argv[1]); c.main(sys.argv[2:])"
    return subprocess.run(
        [sys.executable, "-c", code, str(src), *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=300
    )


def test_one_attribute_in_the_model_reaches_validate_exports_and_eval(tmp_path: Path) -> None:
    src = _package_with_the_field(tmp_path)
    records = tmp_path / "records"
    records.mkdir()
    (records / "vl-2031-services.yaml").write_text(
        "id: vl-2031-services\ntitle: Twelve services blocked in Veloria\nreview_status: reviewed\n"
        "start_date: 2031-03-03\naffected_services_count: 12\n",
        encoding="utf-8",
    )

    checked = _run(src, tmp_path, "validate", "records")
    assert checked.returncode == 1, checked.stderr
    assert "E208" in checked.stdout and "affected_services_count" in checked.stdout

    csv_out = _run(src, tmp_path, "export", "-f", "csv", "records")
    assert csv_out.returncode == 0, csv_out.stderr
    header, row = csv_out.stdout.splitlines()[:2]
    column = header.split(",").index("affected_services_count")
    assert row.split(",")[column] == "12"

    ooni_out = _run(src, tmp_path, "export", "-f", "ooni", "records")
    assert "- **Services affected:** 12" in json.loads(ooni_out.stdout)[0]["text"]

    incident = tmp_path / "corpus" / "vl-2031-services"
    (incident / "sources").mkdir(parents=True)
    (incident / "sources" / "01.txt").write_text(ARTICLE, encoding="utf-8")
    (incident / "gold.yaml").write_text("incident: vl-2031-services\naffected_services_count: 12\n", encoding="utf-8")
    scored = _run(src, tmp_path, "eval", "-q", "--json", "corpus")
    assert scored.returncode == 0, scored.stderr
    figures = json.loads(scored.stdout)
    assert "affected_services_count" in figures["fields"]
    # No extractor reads the number yet: the field is scored, and scores 0.
    assert figures["incidents"][0]["fields"]["affected_services_count"] == 0.0
    table = _run(src, tmp_path, "eval", "-q", "corpus")
    assert "svcs" in table.stdout.splitlines()[0]


def test_with_an_extractor_the_field_is_built_cited_and_scored(tmp_path: Path) -> None:
    src = _package_with_the_field(tmp_path, extractor=True)
    incident = tmp_path / "corpus" / "vl-2031-services"
    (incident / "sources").mkdir(parents=True)
    (incident / "sources" / "01.txt").write_text(ARTICLE, encoding="utf-8")
    (incident / "gold.yaml").write_text("incident: vl-2031-services\naffected_services_count: 12\n", encoding="utf-8")

    built = _run(src, tmp_path, "build", "-q", "-o", "records/vl.yaml", "corpus/vl-2031-services/sources")
    assert built.returncode == 0, built.stderr
    record = yaml.safe_load((tmp_path / "records" / "vl.yaml").read_text(encoding="utf-8"))
    assert record["affected_services_count"] == 12
    (citation,) = record["evidence"]["affected_services_count"]
    assert citation["quote"] == "block twelve online services"

    checked = _run(src, tmp_path, "validate", "records")
    assert "affected_services_count" not in checked.stdout, checked.stdout

    scored = _run(src, tmp_path, "eval", "-q", "--json", "corpus")
    assert json.loads(scored.stdout)["incidents"][0]["fields"]["affected_services_count"] == 1.0
