"""The review app's safety, through Flask's test client: token, stale pages, paths, scripts."""

from __future__ import annotations

import hashlib
import re
import shutil
from pathlib import Path

import pytest

flask = pytest.importorskip("flask", reason="the review app needs Flask (pip install -e '.[test]')")

from shutdown_records.review import create_app
from shutdown_records.yamlio import read_record_file

FIXTURE = Path(__file__).parent / "fixtures" / "review"
NAME = "xk-2025-telegram.yaml"
URL = f"/record/records/{NAME}"


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    (tmp_path / "records").mkdir()
    shutil.copy(FIXTURE / NAME, tmp_path / "records" / NAME)
    shutil.copy(FIXTURE / "article-kestrava.txt", tmp_path / "records" / "article-kestrava.txt")
    return tmp_path


@pytest.fixture()
def client(folder: Path):
    app = create_app(folder, token="test-token")
    return app.test_client()


def etag_of(client) -> str:
    response = client.get(URL)
    assert response.status_code == 200
    return response.headers["ETag"].strip('"')


def post(client, etag: str | None, token: str | None = "test-token", **form: str):
    data = dict(form)
    if token is not None:
        data["token"] = token
    if etag is not None:
        data["etag"] = etag
    return client.post(f"{URL}/change", data=data)


def test_a_change_with_the_token_and_current_etag_is_saved_and_validated(client, folder: Path) -> None:
    response = post(
        client,
        etag_of(client),
        action="cite",
        field="end_date",
        value="2025-03-09",
        source="kestrava-1",
        quote="lifted on 9 March 2025",
    )
    assert response.status_code == 303
    assert read_record_file(folder / "records" / NAME)["end_date"] == "2025-03-09"
    page = client.get(URL).get_data(as_text=True)
    assert "end_date: &#39;2025-03-09&#39;, cited from kestrava-1" in page
    assert "so status must be ended" in page and "[E203]" in page  # validate's message, shown


def test_a_change_without_the_session_token_is_refused(client, folder: Path) -> None:
    record = folder / "records" / NAME
    before = record.read_bytes()
    etag = etag_of(client)
    assert post(client, etag, token=None, action="remove", field="kind").status_code == 403
    assert post(client, etag, token="guessed", action="remove", field="kind").status_code == 403
    assert record.read_bytes() == before


def test_a_stale_page_cannot_overwrite_a_newer_save(client, folder: Path) -> None:
    record = folder / "records" / NAME
    old_etag = etag_of(client)
    assert post(client, old_etag, action="accept", field="kind").status_code == 303
    newer = record.read_bytes()
    response = post(client, old_etag, action="remove", field="kind")  # made on the page before the save
    assert response.status_code == 412
    assert "saved by someone else" in response.get_data(as_text=True)
    assert record.read_bytes() == newer
    assert (
        client.post(
            f"{URL}/change",
            data={"token": "test-token", "action": "remove", "field": "kind"},
            headers={"If-Match": f'"{old_etag}"'},
        ).status_code
        == 412
    )
    assert post(client, None, action="remove", field="kind").status_code == 428
    assert record.read_bytes() == newer


@pytest.mark.parametrize(
    "url",
    [
        "/record/..%2F..%2F..%2Fetc%2Fpasswd",
        "/record/%2Fetc%2Fpasswd",
        "/record//etc/passwd",
        "/record/records/..%2F..%2Foutside.yaml",
        "/record/records/%2e%2e/%2e%2e/outside.yaml",
        "/record/outside-link.yaml",
    ],
)
def test_paths_outside_the_served_folder_are_refused(client, folder: Path, url: str) -> None:
    outside = folder.parent / "outside.yaml"
    outside.write_text((FIXTURE / NAME).read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "outside-link.yaml").symlink_to(outside)
    assert client.get(url).status_code == 404
    assert (
        client.post(
            f"{url}/change", data={"token": "test-token", "action": "remove", "field": "kind", "etag": "0" * 64}
        ).status_code
        == 404
    )
    assert "outside-link" not in client.get("/").get_data(as_text=True)


def test_a_source_path_leading_out_of_the_folder_is_not_read(client, folder: Path) -> None:
    secret = folder.parent / "secret.txt"
    secret.write_text("TOP SECRET NOT FOR THE PAGE", encoding="utf-8")
    record = folder / "records" / NAME
    sha = hashlib.sha256(secret.read_bytes()).hexdigest()
    text = (
        record.read_text(encoding="utf-8")
        .replace("  path: article-kestrava.txt\n", f"  path: ../../{secret.name}\n")
        .replace(re.search(r"sha256: (\w+)", record.read_text(encoding="utf-8")).group(1), sha)
    )
    record.write_text(text, encoding="utf-8")
    (folder / "records" / "link.txt").symlink_to(secret)
    page = client.get(URL).get_data(as_text=True)
    assert "TOP SECRET" not in page and "outside the folder" in page
    before = record.read_bytes()
    response = post(
        client,
        etag_of(client),
        action="cite",
        field="kind",
        value="service_block",
        source="kestrava-1",
        quote="TOP SECRET",
    )
    assert response.status_code == 303
    assert record.read_bytes() == before
    assert "outside the folder" in client.get(URL).get_data(as_text=True)


def test_a_script_in_an_article_or_a_value_is_shown_as_text(client, folder: Path) -> None:
    article = folder / "records" / "article-kestrava.txt"
    record = folder / "records" / NAME
    text = article.read_text(encoding="utf-8") + "<script>window.pwned = 1</script><img src=x onerror=alert(1)>\n"
    article.write_text(text, encoding="utf-8")
    data = record.read_text(encoding="utf-8")
    data = re.sub(r"sha256: \w+", "sha256: " + hashlib.sha256(text.encode()).hexdigest(), data)
    data = data.replace("title: Telegram blocked in Kestrava province", "title: '<script>window.pwned=2</script>'")
    record.write_text(data, encoding="utf-8")
    response = client.get(URL)
    page = response.get_data(as_text=True)
    assert "<script>window.pwned" not in page and "<img src=x" not in page
    assert "&lt;script&gt;window.pwned = 1&lt;/script&gt;" in page
    csp = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert re.findall(r"<script[^>]*>", page) == ['<script src="/static/review.js" defer>']


def test_another_host_name_is_refused(client) -> None:
    assert client.get("/", headers={"Host": "attacker.example"}).status_code == 421
    assert client.get("/").status_code == 200


def test_the_index_lists_drafts_conflicts_and_uncited_values(client, folder: Path) -> None:
    record = folder / "records" / NAME
    record.write_text(
        record.read_text(encoding="utf-8").replace(
            "- court: Kestrava High Court\n", "- court: Kestrava High Court\n  date: '2025-03-05'\n"
        ),
        encoding="utf-8",
    )
    page = client.get("/").get_data(as_text=True)
    assert "Telegram blocked in Kestrava province" in page and "draft" in page
    row = page.split("Telegram blocked in Kestrava province", 1)[1].split("</tr>", 1)[0]
    assert re.findall(r"<td>(\d+)", row)[1:] == ["1", "1"]  # one uncited value, one error


def test_choosing_adding_and_accepting_go_through_cite_and_mark_curation(client, folder: Path) -> None:
    record = folder / "records" / NAME
    # a second candidate for the start date, cited, then chosen from the page
    response = post(
        client,
        etag_of(client),
        action="cite",
        field="start_date",
        value="2025-03-05",
        source="kestrava-1",
        quote="on 5 March 2025",
    )
    assert response.status_code == 303
    assert post(client, etag_of(client), action="choose", field="start_date", value="2025-03-03").status_code == 303
    data = read_record_file(record)
    assert data["start_date"] == "2025-03-03"
    assert data["conflicts"]["start_date"]["chosen"] == "2025-03-03"
    assert {c["value"] for c in data["conflicts"]["start_date"]["candidates"]} == {"2025-03-03", "2025-03-05"}
    # a value nobody quoted cannot be chosen: refused with a message, file untouched
    before = record.read_bytes()
    assert post(client, etag_of(client), action="choose", field="start_date", value="2025-01-01").status_code == 303
    assert "no quote supports &#39;2025-01-01&#39;" in client.get(URL).get_data(as_text=True)
    assert record.read_bytes() == before
    assert post(client, etag_of(client), action="accept", field="platforms", value="Telegram").status_code == 303
    assert (
        post(client, etag_of(client), action="text", field="summary", value="Telegram was blocked.").status_code == 303
    )
    data = read_record_file(record)
    assert data["curation"]["platforms"] == {"Telegram": "reviewed"}
    assert data["summary"] == "Telegram was blocked."


def test_mark_reviewed_is_refused_while_validate_finds_errors(client, folder: Path) -> None:
    record = folder / "records" / NAME
    assert (
        post(
            client,
            etag_of(client),
            action="cite",
            field="end_date",
            value="2025-03-09",
            source="kestrava-1",
            quote="lifted on 9 March 2025",
        ).status_code
        == 303
    )
    assert post(client, etag_of(client), action="reviewed").status_code == 303
    assert read_record_file(record)["review_status"] == "draft"
    assert "not marked reviewed: fix these first" in client.get(URL).get_data(as_text=True)
    assert (
        post(
            client,
            etag_of(client),
            action="cite",
            field="status",
            value="ended",
            source="kestrava-1",
            quote="was lifted on 9 March",
        ).status_code
        == 303
    )
    assert post(client, etag_of(client), action="reviewed").status_code == 303
    assert read_record_file(record)["review_status"] == "reviewed"


def test_a_broken_record_is_listed_and_shown_with_its_error_not_a_traceback(client, folder: Path) -> None:
    (folder / "records" / "broken.yaml").write_text("id: broken\ntitle: [unclosed\n", encoding="utf-8")
    assert "records/broken.yaml" in client.get("/").get_data(as_text=True)
    response = client.get("/record/records/broken.yaml")
    assert response.status_code == 200
    assert "not valid YAML" in response.get_data(as_text=True)


def test_the_review_command_serves_the_folder_on_localhost(folder: Path) -> None:
    import subprocess
    import sys
    import urllib.request

    pytest.importorskip("waitress", reason="the review command needs waitress (pip install -e '.[test]')")
    proc = subprocess.Popen(
        [sys.executable, "-m", "shutdown_records.cli", "review", str(folder), "--port", "0"],
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        line = proc.stderr.readline()
        match = re.search(r"at (http://localhost:\d+/)", line)
        assert match, line
        url = match.group(1).replace("localhost", "127.0.0.1")
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - our own local server
            page = response.read().decode("utf-8")
            assert "default-src 'none'" in response.headers["Content-Security-Policy"]
        assert "Telegram blocked in Kestrava province" in page
    finally:
        proc.terminate()
        proc.wait(timeout=10)
