"""The review app in headless Chromium: a seed draft (built with no curation) to a reviewed record.

Nothing here edits YAML: every change is a click or a text selection in the page. Then
`validate --strict` passes and a rebuild over the record keeps every edit. Skipped when
/usr/bin/chromium or /usr/bin/chromedriver is absent (CI installs them).
"""

from __future__ import annotations

import os
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from browser import CHROMEDRIVER, CHROMIUM, start_chromium
from click.testing import CliRunner

from conftest import REPO_ROOT
from shutdown_records.cli import cli
from shutdown_records.yamlio import read_record_file

RECORD = "records/pk-2024-x.yaml"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not (CHROMIUM.is_file() and CHROMEDRIVER.is_file()),
        reason="needs Debian's chromium and chromium-driver (/usr/bin/chromium, /usr/bin/chromedriver); "
        "install with `apt-get install chromium chromium-driver`",
    ),
]

webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed (pip install -e '.[test]')")
waitress = pytest.importorskip("waitress", reason="waitress is not installed (pip install -e '.[test]')")
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from shutdown_records.review import create_app

SELECT_TEXT = """
const pre = document.querySelector('pre.source[data-source="' + arguments[0] + '"]');
const walker = document.createTreeWalker(pre, NodeFilter.SHOW_TEXT);
const nodes = []; let text = '';
while (walker.nextNode()) { nodes.push([walker.currentNode, text.length]); text += walker.currentNode.data; }
const at = text.indexOf(arguments[1]);
if (at < 0) { return false; }
function locate(pos) { for (let i = nodes.length - 1; i >= 0; i--) { if (nodes[i][1] <= pos) { return [nodes[i][0], pos - nodes[i][1]]; } } }
const [sn, so] = locate(at); const [en, eo] = locate(at + arguments[1].length);
const range = document.createRange(); range.setStart(sn, so); range.setEnd(en, eo);
pre.scrollIntoView();
const selection = document.getSelection(); selection.removeAllRanges(); selection.addRange(range);
return true;
"""


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    """The seed incident's draft as the builder writes it, with no curation at all."""
    shutil.copytree(REPO_ROOT / "seeds", tmp_path / "seeds")
    (tmp_path / "records").mkdir()
    result = CliRunner().invoke(cli, ["build", str(tmp_path / "seeds"), "-o", str(tmp_path / RECORD), "-q"])
    assert result.exit_code == 0, result.output
    data = read_record_file(tmp_path / RECORD)
    assert data["review_status"] == "draft" and "curation" not in data
    return tmp_path


@pytest.fixture()
def server(folder: Path) -> Iterator[str]:
    app = create_app(folder)
    httpd = waitress.create_server(app, host="127.0.0.1", port=0, threads=2)
    thread = threading.Thread(target=httpd.run, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.effective_port}"
    finally:
        httpd.close()


@pytest.fixture(scope="module")
def driver(tmp_path_factory: pytest.TempPathFactory) -> Iterator[webdriver.Chrome]:
    chrome = start_chromium(tmp_path_factory.mktemp("chromium-review-profile"), "--window-size=1400,1000")
    try:
        yield chrome
    finally:
        chrome.quit()


def click(driver, selector: str) -> None:
    """Click a change button and wait for the page the change redirects to."""
    old = driver.find_element(By.TAG_NAME, "html")
    button = driver.find_element(By.CSS_SELECTOR, selector)
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", button)
    button.click()
    WebDriverWait(driver, 10).until(lambda d: _stale(old))
    assert "out of date" not in driver.title.lower()


def _stale(element) -> bool:
    try:
        element.tag_name  # noqa: B018 - raises once the page was replaced
        return False
    except Exception:  # noqa: BLE001 - selenium's StaleElementReferenceException
        return True


def flash(driver) -> str:
    return driver.find_element(By.ID, "flash").text


def cite_selection(driver, source: str, words: str, field: str, value: str, shot: str | None = None) -> None:
    assert driver.execute_script(SELECT_TEXT, source, words), f"{words!r} not in {source}"
    WebDriverWait(driver, 5).until(lambda d: d.find_element(By.ID, "cite-quote").text == words)
    Select(driver.find_element(By.ID, "cite-field")).select_by_value(field)
    box = driver.find_element(By.ID, "cite-value")
    box.clear()
    box.send_keys(value)
    folder = os.environ.get("SHUTDOWN_RECORDS_SCREENSHOTS")
    if shot and folder:  # for a person to look at (the README's picture is taken here)
        driver.execute_script("document.getElementById('cite-form').scrollIntoView();")
        driver.save_screenshot(str(Path(folder) / shot))
    click(driver, "#cite-submit")


def test_a_seed_draft_becomes_a_reviewed_record_without_touching_yaml(
    driver, server: str, folder: Path, tmp_path: Path
) -> None:
    record = folder / RECORD
    driver.get(server + "/")
    assert "draft" in driver.find_element(By.CSS_SELECTOR, "table.records").text
    driver.find_element(By.LINK_TEXT, "X blocked in Pakistan").click()
    assert driver.find_element(By.ID, "review-status").text == "draft"
    marks = driver.find_elements(By.CSS_SELECTOR, "pre.source mark")
    assert marks, "cited quotes are highlighted in the sources"

    # accept the values the builder got right
    for name in (
        "country",
        "platforms",
        "kind",
        "scope",
        "status",
        "ordered_by",
        "justification",
        "context",
        "legal_basis",
        "workarounds",
        "acknowledged",
        "court_challenges",
    ):
        click(driver, f'#field-{name} h3 button[data-action="accept"]')
        assert flash(driver).startswith(f"{name}: accepted"), flash(driver)

    # settle the start date's conflict: take the month three sources give ...
    click(driver, '#field-start_date button[data-action="choose"][data-value="2024-02"]')
    assert flash(driver) == "start_date: '2024-02' (was '2024-02-17')"
    # ... then set the day by selecting the words that state it
    source = "001_96071d60d10314ae"
    cite_selection(
        driver,
        source,
        "has been rarely accessible since February 17",
        "start_date",
        "2024-02-17",
        shot="review-cite-selection.png",
    )
    assert flash(driver).startswith("start_date: '2024-02-17' (was '2024-02'), cited from 001_96071d60d10314ae")

    # a value the reviewer judges wrong goes, with its quotes, and stays out of rebuilds
    click(driver, '#field-court_challenges button[data-action="remove"][data-value="Islamabad High Court"]')
    assert flash(driver) == "court_challenges: removed 'Islamabad High Court' and its citations"

    # a court's date, cited like any value
    cite_selection(
        driver,
        "002_fceb94332dd188dd",
        "The Sindh High Court on Wednesday ordered the government to restore the platform within a week",
        "court_challenges[Sindh High Court].date",
        "2024-04-17",
    )

    # the editor's own words
    title = driver.find_element(By.ID, "title-input")
    driver.execute_script("arguments[0].closest('details').open = true;", title)
    title.clear()
    title.send_keys("X blocked across Pakistan after the February 2024 elections")
    click(driver, "#save-title")

    click(driver, 'button[data-action="reviewed"]')
    assert flash(driver) == "marked reviewed", driver.find_element(By.ID, "problems").text
    assert driver.find_element(By.ID, "review-status").text == "reviewed"
    assert driver.find_element(By.ID, "problems").text == "validate: no problems"
    if shots := os.environ.get("SHUTDOWN_RECORDS_SCREENSHOTS"):
        driver.save_screenshot(str(Path(shots) / "review-record.png"))

    data = read_record_file(record)
    assert data["review_status"] == "reviewed"
    assert data["start_date"] == "2024-02-17"
    (selected,) = [
        c for c in data["evidence"]["start_date"] if c["quote"] == "has been rarely accessible since February 17"
    ]
    text = (folder / "seeds" / f"{source}.txt").read_text(encoding="utf-8")
    assert selected["value"] == "2024-02-17" and selected["source"] == source
    assert text[selected["start"] : selected["end"]] == selected["quote"]  # offsets the page computed
    assert [c["court"] for c in data["court_challenges"]] == ["Sindh High Court"]
    assert data["court_challenges"][0]["date"] == "2024-04-17"
    assert data["curation"]["court_challenges"] == {"Sindh High Court": "edited", "Islamabad High Court": "removed"}

    check = CliRunner().invoke(cli, ["validate", "--strict", str(record)])
    assert check.exit_code == 0, check.output

    before = read_record_file(record)
    rebuilt = CliRunner().invoke(cli, ["build", str(folder / "seeds"), "-o", str(record)])
    assert rebuilt.exit_code == 0, rebuilt.output
    after = read_record_file(record)
    assert "changed values" not in rebuilt.output
    for key in (
        "title",
        "review_status",
        "start_date",
        "court_challenges",
        "curation",
        "evidence",
        "conflicts",
        "country",
        "platforms",
        "kind",
        "status",
        "ordered_by",
        "justification",
        "context",
    ):
        assert after[key] == before[key], key
    check = CliRunner().invoke(cli, ["validate", "--strict", str(record)])
    assert check.exit_code == 0, check.output


def test_a_script_in_an_article_does_not_run(driver, server: str, folder: Path) -> None:
    import hashlib
    import re

    article = folder / "seeds" / "003_f54cf388eecbba92.txt"
    text = (
        article.read_text(encoding="utf-8")
        + '\n<script>window.pwned = 1;</script><img src=x onerror="window.pwned = 2">\n'
    )
    article.write_text(text, encoding="utf-8")
    record = folder / RECORD
    old = hashlib.sha256((REPO_ROOT / "seeds" / article.name).read_bytes()).hexdigest()
    record.write_text(
        record.read_text(encoding="utf-8").replace(old, hashlib.sha256(text.encode()).hexdigest()), encoding="utf-8"
    )
    driver.get(server + "/record/" + RECORD)
    assert (
        "<script>window.pwned = 1;</script>"
        in driver.find_element(By.CSS_SELECTOR, 'pre.source[data-source="003_f54cf388eecbba92"]').text
    )
    assert driver.execute_script("return window.pwned === undefined")
    assert re.search(r"script-src 'self'", driver.page_source) is None  # the CSP is a header, not in the page


def test_a_second_tab_with_an_old_page_is_refused_and_nothing_is_lost(driver, server: str, folder: Path) -> None:
    record = folder / RECORD
    driver.get(server + "/record/" + RECORD)
    first = driver.current_window_handle
    driver.switch_to.new_window("tab")
    driver.get(server + "/record/" + RECORD)
    click(driver, '#field-kind h3 button[data-action="accept"]')
    saved = record.read_bytes()
    driver.close()
    driver.switch_to.window(first)
    button = driver.find_element(By.CSS_SELECTOR, '#field-kind button[data-action="remove"]')
    button.click()
    WebDriverWait(driver, 10).until(lambda d: "out of date" in d.title.lower())
    assert "saved by someone else" in driver.find_element(By.TAG_NAME, "main").text
    assert record.read_bytes() == saved
