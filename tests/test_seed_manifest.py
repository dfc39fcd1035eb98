"""seeds/manifest.yaml describes the seed articles as they are: hash, language, stated date."""

from __future__ import annotations

import hashlib

from conftest import REPO_ROOT
from shutdown_records.records import load_record
from shutdown_records.text import fold
from shutdown_records.yamlio import read_record_file

SEEDS = REPO_ROOT / "seeds"


def test_manifest_lists_every_seed_article_with_its_hash() -> None:
    manifest = read_record_file(SEEDS / "manifest.yaml")
    assert sorted(entry["file"] for entry in manifest) == sorted(p.name for p in SEEDS.glob("*.txt"))
    for entry in manifest:
        data = (SEEDS / entry["file"]).read_bytes()
        assert hashlib.sha256(data).hexdigest() == entry["sha256"], entry["file"]
        text = data.decode("utf-8")
        if entry["title"]:
            assert fold(text).lstrip().startswith(entry["title"]), entry["file"]  # the title has a no-break space
        if entry["published"]:
            assert f"date {entry['published']}" in text, entry["file"]


def test_manifest_agrees_with_the_seed_record_sources() -> None:
    manifest = {e["file"]: e for e in read_record_file(SEEDS / "manifest.yaml")}
    record = load_record(REPO_ROOT / "records" / "pk-2024-x.yaml")
    for source in record.sources:
        entry = manifest[source.path.rsplit("/", 1)[-1]]
        assert source.sha256 == entry["sha256"]
        assert source.language == entry["language"]
        assert source.published == entry["published"]
