"""The static report: what a reader of the HTML sees, checked on the written files."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import lxml.html
import pytest
from click.testing import CliRunner

from shutdown_records.cli import cli
from shutdown_records.errors import RecordFormatError, UsageError
from shutdown_records.report import write_site
from shutdown_records.report.publish import MARKER

FIXTURES = Path(__file__).parent / "fixtures" / "report"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("report") / "site"
    write_site([FIXTURES / "records"], out)
    return out


def page(site: Path, record_id: str) -> lxml.html.HtmlElement:
    return lxml.html.parse(str(site / "records" / f"{record_id}.html")).getroot()


def mark_text(doc: lxml.html.HtmlElement, anchor: str) -> str:
    """The text of every segment of one quote, in order: what the reader sees highlighted."""
    return "".join(m.text_content() for m in doc.xpath(f'//mark[contains(concat(" ", @data-q, " "), " {anchor} ")]'))


@pytest.mark.parametrize("record_id", ["et-2023-telegram", "sd-2021-network", "ir-2022-instagram"])
def test_report_every_quote_link_reaches_a_mark_showing_exactly_that_quote(site: Path, record_id: str) -> None:
    doc = page(site, record_id)
    links = doc.xpath('//a[contains(@class, "cite") and not(contains(@class, "value-link"))]')
    assert links, "no quote links on the page"
    for link in links:
        anchor = link.get("href").removeprefix("#")
        targets = doc.xpath(f'//span[@class="anchor"][@id="{anchor}"]')
        assert len(targets) == 1, f"{record_id}: link to #{anchor} has no single target"
        assert mark_text(doc, anchor) == link.xpath("string(.//q)")


def test_report_value_links_point_at_one_of_their_own_quotes(site: Path) -> None:
    doc = page(site, "et-2023-telegram")
    for value in doc.xpath('//li[@class="value"][a[contains(@class, "value-link")]]'):
        target = value.xpath('a[contains(@class, "value-link")]/@href')[0]
        quote_targets = value.xpath('.//ol[@class="quotes"]//a[contains(@class, "cite")]/@href')
        assert target in quote_targets
        assert doc.xpath(f'//span[@class="anchor"][@id="{target[1:]}"]')


def test_report_quotes_after_an_emoji_are_marked_at_code_point_offsets(site: Path) -> None:
    # The source starts with a line ending in U+1F4F5 (two UTF-16 units, one code point).
    doc = page(site, "et-2023-telegram")
    assert mark_text(doc, "q1-61-95") == "Telegram and Facebook were blocked"


def test_report_splits_overlapping_quotes_into_segments(site: Path) -> None:
    doc = page(site, "et-2023-telegram")
    # "Telegram and Facebook were blocked" (61-95) overlaps "Facebook were blocked in Ethiopia"
    # (74-107) and both sit inside "Telegram and Facebook were blocked in Ethiopia" (61-107).
    shared = doc.xpath(
        '//mark[contains(@class, "overlap")][contains(@data-q, "q1-61-95")][contains(@data-q, "q1-74-107")]'
    )
    # ...and the country quote starts at "blocked", so that stretch is cut once more.
    assert [m.text_content() for m in shared] == ["Facebook were ", "blocked"]
    assert mark_text(doc, "q1-74-107") == "Facebook were blocked in Ethiopia"
    assert mark_text(doc, "q1-61-107") == "Telegram and Facebook were blocked in Ethiopia"
    source = doc.xpath('//article[@id="src-1"]//pre')[0].text_content().removeprefix("\n")  # HTML drops it
    assert source.startswith("Test fixture article") and "📵" in source


def test_report_shows_a_conflict_with_choice_reason_and_each_candidates_quotes(site: Path) -> None:
    doc = page(site, "et-2023-telegram")
    conflict = doc.xpath('//*[@id="conflict-start_date"]')[0]
    text = " ".join(conflict.text_content().split())
    assert "Chosen value: 2023-02" in text
    assert "Reason: sources give 9 and 12 February; the month is certain" in text
    candidates = conflict.xpath('.//li[contains(@class, "candidate")]')
    assert [c.xpath("string(p/strong)") for c in candidates] == ["2023-02", "2023-02-09", "2023-02-12"]
    assert "chosen" in candidates[0].get("class")
    assert candidates[1].xpath('.//a[contains(@class, "cite")]//q/text()') == ["The blocks started on 9 February"]
    assert candidates[2].xpath('.//a[contains(@class, "cite")]//q/text()') == ["Le blocage a commencé le 12 février"]
    # et-en is listed for 12 February but gives no quote for it: said, not hidden.
    assert "no quote from et-en for this value" in " ".join(candidates[2].text_content().split())
    # The field row points at the conflict, and keeps only the chosen value's quote.
    row = doc.xpath('//tr[@id="field-start_date"]')[0]
    assert row.xpath('.//a[@href="#conflict-start_date"]')
    assert row.xpath('.//ol[@class="quotes"]//q/text()') == ["from early February 2023"]


def test_report_badges_values_without_evidence(site: Path) -> None:
    doc = page(site, "sd-2021-network")

    def badge(field: str) -> list[str]:
        return [
            " ".join(v.text_content().split())
            for v in doc.xpath(f'//tr[@id="field-{field}"]//li[@class="value"]')
            if v.xpath('.//span[contains(@class, "badge-missing")][normalize-space()="no evidence"]')
        ]

    assert [b.split()[0] for b in badge("networks")] == ["fixed"]
    assert [b.split()[0] for b in badge("ordered_by")] == ["Military"]
    assert [b.split()[0] for b in badge("scope")] == ["national"]
    assert badge("country") == [] and badge("start_date") == []


def test_report_counts_grounded_values_in_the_page_header(site: Path) -> None:
    doc = page(site, "sd-2021-network")
    stats = " ".join(doc.xpath('string(//ul[@class="record-stats"])').split())
    # country, kind, networks x2, scope, start, end, ordered_by, context: 9 values, 6 grounded.
    assert "Evidence: 6 of 9 values grounded" in stats
    assert "3 without evidence" in stats


def test_report_shows_quote_not_found_at_offsets_instead_of_a_wrong_highlight(site: Path) -> None:
    doc = page(site, "et-2023-telegram")
    row = doc.xpath('//tr[@id="field-scope"]')[0]
    text = " ".join(row.text_content().split())
    assert "quote not found at offsets" in text
    # a cited quote that fails the check is "not verified", not "no evidence"
    assert "evidence not verified" in text and "no evidence" not in text
    assert "The quote appears at characters 88–107; fix the offsets." in text
    assert not row.xpath('.//a[contains(@class, "cite")]')
    assert not doc.xpath('//span[@id="q1-102-121"]')


def test_report_escapes_markup_in_source_text_and_metadata(site: Path) -> None:
    html = (site / "records" / "et-2023-telegram.html").read_text(encoding="utf-8")
    assert '<script>alert("owned")</script>' not in html
    assert "&lt;script&gt;alert(&#34;owned&#34;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;" in html
    assert "<b>bold</b>" not in html and "<in>" not in html
    assert re.findall(r"<script\b[^>]*>", html) == ['<script src="../static/report.js" defer>']
    doc = page(site, "et-2023-telegram")
    assert '<script>alert("owned")</script>' in doc.xpath('string(//article[@id="src-1"]//pre)')


def test_report_source_texts_carry_language_and_direction(site: Path) -> None:
    doc = page(site, "sd-2021-network")
    arabic, english = doc.xpath('//pre[contains(@class, "source-text")]')
    assert (arabic.get("lang"), arabic.get("dir")) == ("ar", "rtl")
    assert (english.get("lang"), english.get("dir")) == ("en", "auto")
    quote = doc.xpath('//tr[@id="field-country"]//q')[0]
    assert (quote.get("lang"), quote.get("dir")) == ("ar", "rtl")


def test_report_lists_source_metadata_and_whether_the_file_still_matches(site: Path) -> None:
    def meta(doc: lxml.html.HtmlElement) -> str:
        return " ".join(" ".join(el.text_content().split()) for el in doc.xpath('//article[@id="src-1"]//dl/*'))

    et = meta(page(site, "et-2023-telegram"))
    assert "Publisher Fixture Daily" in et and "Published 2023-03-16" in et and "Language en" in et
    assert "URL https://example.org/et-telegram" in et and "SHA-256 2fe86901a01f file matches" in et
    ir = meta(page(site, "ir-2022-instagram"))
    assert "SHA-256 000000000000 file changed since it was cited" in ir


def test_report_loads_nothing_from_the_network(site: Path) -> None:
    remote = re.compile(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//|@import|url\(\s*["']?\s*(?:https?:)?//""", re.I)
    files = [p for p in site.rglob("*") if p.is_file()]
    assert {p.suffix for p in files} >= {".html", ".css", ".js"}
    # A source's URL is a link the reader may follow (issue 13), not something the page loads:
    # exactly that form is set aside, everything else is checked as before.
    source_link = re.compile(r'<a class="url" href="(https?://[^"]*)" rel="noopener noreferrer nofollow">')
    for path in files:
        text = path.read_text(encoding="utf-8")
        text = source_link.sub('<a class="url">', text)
        found = remote.findall(text)
        assert not found, f"{path} references a remote resource: {found}"


def test_report_index_lists_every_record_with_filter_data_and_a_timeline_bar(site: Path) -> None:
    doc = lxml.html.parse(str(site / "index.html")).getroot()
    rows = doc.xpath('//table[@id="incidents"]/tbody/tr')
    assert [r.get("data-id") for r in rows] == ["sd-2021-network", "ir-2022-instagram", "et-2023-telegram"]
    ir = rows[1]
    assert (ir.get("data-country"), ir.get("data-kind"), ir.get("data-platforms")) == (
        "IR",
        "service_block",
        "instagram|whatsapp",
    )
    # ongoing from 2022-09 to the data horizon (the latest date in the data: 2023-03-16)
    assert ir.get("data-years") == "2022 2023"
    cells = [" ".join(c.text_content().split()) for c in rows[2].xpath("td")]
    assert cells[:9] == [
        "et-2023-telegram",
        "Telegram and Facebook blocked in Ethiopia (test fixture)",
        "Ethiopia",
        "service_block",
        "Telegram, Facebook",
        "2023-02",
        "2023-03-15",
        "ended",
        "2",
    ]
    assert cells[9].startswith("87% (7/8)") and "1 quote not found" in cells[9]
    bars = doc.xpath("//svg//a[@data-id]")
    assert sorted(b.get("href") for b in bars) == sorted(f"records/{r.get('data-id')}.html" for r in rows)
    open_bars = doc.xpath('//svg//a[rect[contains(@class, "open")]]/@data-id')
    assert open_bars == ["ir-2022-instagram"]
    assert "run to 2023-03-16" in " ".join(doc.xpath("string(//figcaption)").split())
    sortable = doc.xpath("//thead//th")
    assert all(th.xpath("button[@type='button']") for th in sortable)
    assert [th.get("aria-sort") for th in sortable if th.get("aria-sort")] == ["ascending"]
    country_options = doc.xpath('//select[@id="filter-country"]/option/@value')
    assert country_options == ["", "ET", "IR", "SD"]


def test_report_output_is_byte_identical_for_the_same_input(tmp_path: Path, site: Path) -> None:
    again = tmp_path / "again"
    write_site([FIXTURES / "records"], again)
    first = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    second = {p.relative_to(again): p.read_bytes() for p in again.rglob("*") if p.is_file()}
    assert first == second


def test_report_failed_run_leaves_the_previous_site_untouched(tmp_path: Path) -> None:
    records = tmp_path / "records"
    shutil.copytree(FIXTURES / "records", records)
    shutil.copytree(FIXTURES / "sources", tmp_path / "sources")
    out = tmp_path / "site"
    write_site([records], out)
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    (records / "zz-broken.yaml").write_text("id: zz-broken\ntitle: [unclosed\n", encoding="utf-8")
    with pytest.raises(RecordFormatError) as err:
        write_site([records], out)
    assert "zz-broken.yaml:3" in str(err.value) or "zz-broken.yaml:2" in str(err.value)
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["records", "site", "sources"]


def test_report_replaces_an_earlier_site_but_refuses_other_folders(tmp_path: Path) -> None:
    out = tmp_path / "site"
    write_site([FIXTURES / "records" / "sd-2021-network.yaml"], out)
    write_site([FIXTURES / "records" / "ir-2022-instagram.yaml"], out)
    assert sorted(p.name for p in (out / "records").iterdir()) == ["ir-2022-instagram.html"]
    assert (out / MARKER).is_file()
    precious = tmp_path / "documents"
    precious.mkdir()
    (precious / "thesis.txt").write_text("years of work", encoding="utf-8")
    with pytest.raises(UsageError, match="not empty"):
        write_site([FIXTURES / "records"], precious)
    assert [p.name for p in precious.iterdir()] == ["thesis.txt"]


def test_report_rejects_two_records_with_one_id(tmp_path: Path) -> None:
    records = tmp_path / "records"
    records.mkdir()
    text = (FIXTURES / "records" / "sd-2021-network.yaml").read_text(encoding="utf-8")
    text = text.replace("../sources/", str(FIXTURES / "sources") + "/")
    (records / "a.yaml").write_text(text, encoding="utf-8")
    (records / "b.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(Exception, match="also used by"):
        write_site([records], tmp_path / "site")


def test_report_command_writes_the_site_and_counts_ungrounded_values(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["report", str(FIXTURES / "records"), "-o", str(tmp_path / "site")])
    assert result.exit_code == 0, result.output
    assert (
        "3 record pages; 3 value(s) without evidence, 1 value(s) whose quotes were not found, "
        "1 quote(s) not verified, 1 changed source file(s)" in result.output
    )
    assert (tmp_path / "site" / "records" / "sd-2021-network.html").is_file()


def test_report_command_without_output_is_a_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["report", str(FIXTURES / "records")])
    assert result.exit_code == 2
    assert "-o" in result.output


def test_report_in_worker_processes_writes_the_same_bytes_and_the_same_error(tmp_path: Path, site: Path) -> None:
    parallel = tmp_path / "parallel"
    write_site([FIXTURES / "records"], parallel, jobs=2)
    assert {p.relative_to(parallel): p.read_bytes() for p in parallel.rglob("*") if p.is_file()} == {
        p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()
    }
    records = tmp_path / "records"
    shutil.copytree(FIXTURES / "records", records)
    shutil.copytree(FIXTURES / "sources", tmp_path / "sources")
    (records / "zz-broken.yaml").write_text("id: zz-broken\ntitle: ok\ncountry: Pakistan\n", encoding="utf-8")
    with pytest.raises(RecordFormatError) as err:
        write_site([records], tmp_path / "out", jobs=2)
    assert err.value.place == f"{records / 'zz-broken.yaml'}:3:10"
    assert not (tmp_path / "out").exists()


def test_report_command_refuses_a_folder_of_other_files_with_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from shutdown_records.cli import main

    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(SystemExit) as exit_info:
        main(["report", str(FIXTURES / "records"), "-o", str(tmp_path)])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "is not empty" in err and err.count("\n") == 1
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]


def test_report_command_names_the_bad_record_line_and_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from shutdown_records.cli import main

    bad = tmp_path / "bad.yaml"
    bad.write_text("id: bad\ntitle: Bad\nkind: blackout\n", encoding="utf-8")
    with pytest.raises(SystemExit) as exit_info:
        main(["report", str(bad), "-o", str(tmp_path / "site")])
    assert exit_info.value.code == 1
    err = capsys.readouterr().err
    assert err.startswith(f"error: {bad}:3:7: kind:") and "Traceback" not in err
    assert not (tmp_path / "site").exists()


def test_report_lists_quotes_for_a_value_the_field_does_not_hold(site: Path) -> None:
    doc = page(site, "et-2023-telegram")
    unmatched = doc.xpath('//tr[@id="field-platforms"]//div[@class="unmatched"]')[0]
    text = " ".join(unmatched.text_content().split())
    assert text.startswith("quotes for a value not in the record for WhatsApp:")
    assert unmatched.xpath('.//a[contains(@class, "cite")]//q/text()') == ["Many users turned to VPNs"]
