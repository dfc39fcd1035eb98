"""The record page's links and quotation marks (issue 13): source URLs are links only when
they are web addresses (records are untrusted), and a quote with its own quotation marks is
not wrapped in a second pair."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest
from report_sample import BAD_URL, WEB_URL, write_sample

from conftest import REPO_ROOT
from shutdown_records.report import write_site
from shutdown_records.report.links import web_url


@pytest.mark.parametrize("url", ["https://example.org/a?b=1&c=2", "http://example.org", "HTTPS://Example.org/x"])
def test_web_addresses_become_links(url: str) -> None:
    assert web_url(url) == url


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        " javascript:alert(1)",
        "java\tscript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "file:///etc/passwd",
        "//evil.example.org/x",
        "https://",
        "example.org/page",
        "vbscript:msgbox(1)",
        None,
        42,
    ],
)
def test_anything_else_stays_text(url: object) -> None:
    assert web_url(url) is None


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> lxml.html.HtmlElement:
    root = tmp_path_factory.mktemp("links")
    write_site([write_sample(root)], root / "site")
    return lxml.html.fromstring((root / "site" / "records" / "fd-2025-telegram.html").read_text(encoding="utf-8"))


def test_a_source_url_is_a_link_and_a_javascript_url_is_not(page: lxml.html.HtmlElement) -> None:
    links = page.xpath('//article[@id="src-1"]//a[@class="url"]')
    assert [a.get("href") for a in links] == [WEB_URL]
    assert links[0].get("rel") == "noopener noreferrer nofollow" and links[0].text_content() == WEB_URL
    hrefs = [a.get("href") or "" for a in page.xpath("//a")]
    assert not any("javascript" in h.lower() for h in hrefs)
    second = " ".join(page.xpath('//article[@id="src-2"]//dl')[0].text_content().split())
    assert f"URL{BAD_URL} not a web address" in second


def test_a_quote_with_its_own_quotation_marks_gets_no_second_pair(page: lxml.html.HtmlElement) -> None:
    quotes = {q.text_content(): q.get("class") for q in page.xpath('//tr[@id="field-justification"]//q')}
    assert quotes == {'"The block on Telegram protects national security," the interior ministry': "verbatim"}
    plain = page.xpath('//tr[@id="field-workarounds"]//q')
    assert plain and all(q.get("class") is None for q in plain)


def test_the_seed_record_page_shows_no_escape_sequences(tmp_path: Path) -> None:
    write_site([REPO_ROOT / "records"], tmp_path / "site")
    text = (tmp_path / "site" / "records" / "pk-2024-x.html").read_text(encoding="utf-8")
    assert "\\xa0" not in text and "\\u" not in text
