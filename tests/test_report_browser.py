"""The report in a real browser: Debian's headless Chromium opening the site from disk (file://).

Skipped when /usr/bin/chromium or /usr/bin/chromedriver is absent (`apt-get install chromium
chromium-driver`; CI installs them and fails on this skip). Screenshots go to a temporary folder,
or to $SHUTDOWN_RECORDS_SCREENSHOTS when set, for a person to look at.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from browser import CHROMEDRIVER, CHROMIUM, start_chromium

from shutdown_records.report import write_site

FIXTURES = Path(__file__).parent / "fixtures" / "report"
DESKTOP = (1280, 900)
PHONE = (390, 844)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not (CHROMIUM.is_file() and CHROMEDRIVER.is_file()),
        reason="needs Debian's chromium and chromium-driver (/usr/bin/chromium, /usr/bin/chromedriver); "
        "install with `apt-get install chromium chromium-driver`",
    ),
]

webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed (pip install -e '.[test]')")
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.support.ui import Select, WebDriverWait  # noqa: E402


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("browser") / "site"
    write_site([FIXTURES / "records"], out)
    return out


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = os.environ.get("SHUTDOWN_RECORDS_SCREENSHOTS")
    path = Path(folder) if folder else tmp_path_factory.mktemp("screenshots")
    path.mkdir(parents=True, exist_ok=True)
    return path


@pytest.fixture(scope="module")
def driver(tmp_path_factory: pytest.TempPathFactory) -> Iterator[webdriver.Chrome]:
    chrome = start_chromium(tmp_path_factory.mktemp("chromium-profile"), "--hide-scrollbars")
    try:
        yield chrome
    finally:
        chrome.quit()


def viewport(driver: webdriver.Chrome, size: tuple[int, int]) -> None:
    width, height = size
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600},
    )


def open_page(driver: webdriver.Chrome, path: Path, size: tuple[int, int] = DESKTOP) -> None:
    viewport(driver, size)
    driver.get(path.as_uri())
    driver.get_log("browser")  # start each check with an empty console


def severe_console_entries(driver: webdriver.Chrome) -> list[dict]:
    return [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


def visible_rows(driver: webdriver.Chrome) -> list[str]:
    return driver.execute_script(
        "return Array.from(document.querySelectorAll('#incidents tbody tr'))"
        ".filter(r => !r.hidden).map(r => r.dataset.id);"
    )


def in_viewport(driver: webdriver.Chrome, element: object) -> bool:
    return driver.execute_script(
        "const r = arguments[0].getBoundingClientRect();"
        "return r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight && r.left >= 0 && r.right <= window.innerWidth;",
        element,
    )


def test_browser_pages_open_from_disk_without_console_errors(driver: webdriver.Chrome, site: Path) -> None:
    pages = [site / "index.html", *sorted((site / "records").glob("*.html"))]
    for path in pages:
        viewport(driver, DESKTOP)
        driver.get(path.as_uri())
        # chromedriver may hand back a file:// page still "interactive": wait (bounded) for the
        # load to finish; a page that never completes still fails (TimeoutException)
        WebDriverWait(driver, 10).until(lambda d: d.execute_script("return document.readyState") == "complete")
        assert driver.execute_script("return !!document.querySelector('link[rel=stylesheet]').sheet")
        assert severe_console_entries(driver) == [], path.name
    assert len(pages) == 4


def test_browser_filtering_by_country_hides_other_rows_and_bars(driver: webdriver.Chrome, site: Path) -> None:
    open_page(driver, site / "index.html")
    assert len(visible_rows(driver)) == 3
    Select(driver.find_element(By.ID, "filter-country")).select_by_value("IR")
    assert visible_rows(driver) == ["ir-2022-instagram"]
    assert driver.find_element(By.ID, "shown-count").text.startswith("Showing 1 of 3 incidents.")
    shown_bars = driver.execute_script(
        "return Array.from(document.querySelectorAll('.timeline-svg a[data-id]'))"
        ".filter(a => a.style.display !== 'none').map(a => a.dataset.id);"
    )
    assert shown_bars == ["ir-2022-instagram"]
    driver.find_element(By.ID, "filter-reset").click()
    Select(driver.find_element(By.ID, "filter-year")).select_by_value("2021")
    assert visible_rows(driver) == ["sd-2021-network"]
    Select(driver.find_element(By.ID, "filter-year")).select_by_value("")
    driver.find_element(By.ID, "filter-text").send_keys("whatsapp")
    assert visible_rows(driver) == ["ir-2022-instagram"]
    assert severe_console_entries(driver) == []


def test_browser_sorting_by_start_reorders_rows_and_sets_aria_sort(driver: webdriver.Chrome, site: Path) -> None:
    open_page(driver, site / "index.html")
    assert visible_rows(driver) == ["sd-2021-network", "ir-2022-instagram", "et-2023-telegram"]
    start = driver.find_element(By.CSS_SELECTOR, "th[data-col=start]")
    start.find_element(By.TAG_NAME, "button").click()
    assert start.get_attribute("aria-sort") == "descending"
    assert visible_rows(driver) == ["et-2023-telegram", "ir-2022-instagram", "sd-2021-network"]
    # Keyboard: the header buttons take Enter like any button.
    title = driver.find_element(By.CSS_SELECTOR, "th[data-col=title] button")
    title.send_keys(Keys.ENTER)
    assert driver.find_element(By.CSS_SELECTOR, "th[data-col=title]").get_attribute("aria-sort") == "ascending"
    assert start.get_attribute("aria-sort") is None
    assert visible_rows(driver) == ["ir-2022-instagram", "sd-2021-network", "et-2023-telegram"]
    assert severe_console_entries(driver) == []


@pytest.mark.parametrize("size", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_browser_clicking_a_value_scrolls_its_quote_into_view_and_highlights_it(
    driver: webdriver.Chrome, site: Path, size: tuple[int, int]
) -> None:
    open_page(driver, site / "records" / "sd-2021-network.html", size)
    link = driver.find_element(By.CSS_SELECTOR, "#field-end_date a.value-link")
    anchor = link.get_attribute("href").split("#")[1]
    marks = driver.find_elements(By.CSS_SELECTOR, f'mark[data-q~="{anchor}"]')
    assert marks and not in_viewport(driver, marks[0])
    link.click()
    assert driver.execute_script("return location.hash") == f"#{anchor}"
    assert all("hl" in m.get_attribute("class").split() for m in marks)
    assert in_viewport(driver, marks[0])
    assert "".join(m.text for m in marks) == "وعادت الخدمة في 18 نوفمبر 2021"
    assert driver.execute_script("return document.activeElement") == marks[0]
    lit = driver.execute_script("return document.querySelectorAll('mark.hl').length")
    assert lit == len(marks)
    assert severe_console_entries(driver) == []


def test_browser_keyboard_reaches_skip_link_and_activates_a_quote_with_enter(
    driver: webdriver.Chrome, site: Path
) -> None:
    open_page(driver, site / "records" / "et-2023-telegram.html")
    driver.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
    first = driver.switch_to.active_element
    assert first.text == "Skip to content" and in_viewport(driver, first)
    quote_link = driver.find_element(By.CSS_SELECTOR, "#field-workarounds ol.quotes a.cite")
    driver.execute_script("arguments[0].focus();", quote_link)
    assert driver.execute_script(
        "const s = getComputedStyle(document.activeElement); return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;"
    ), "focused link has no visible outline"
    quote_link.send_keys(Keys.ENTER)
    anchor = quote_link.get_attribute("href").split("#")[1]
    marks = driver.find_elements(By.CSS_SELECTOR, f'mark[data-q~="{anchor}"]')
    assert [m.text for m in marks] == ["Many users turned to VPNs"]
    assert "hl" in marks[0].get_attribute("class").split() and in_viewport(driver, marks[0])


def test_browser_source_text_is_the_file_text_exactly(driver: webdriver.Chrome, site: Path) -> None:
    open_page(driver, site / "records" / "et-2023-telegram.html")
    shown = driver.execute_script("return document.querySelector('#src-1 pre').textContent")
    assert shown == (FIXTURES / "sources" / "et-telegram-en.txt").read_text(encoding="utf-8")
    assert driver.execute_script("return document.querySelectorAll('script').length") == 1  # ours, not the source's


@pytest.mark.parametrize("size", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_browser_pages_fit_the_screen_and_save_screenshots(
    driver: webdriver.Chrome, site: Path, shots: Path, size: tuple[int, int]
) -> None:
    name = "desktop" if size == DESKTOP else "phone"
    for page, path in (("index", site / "index.html"), ("record", site / "records" / "et-2023-telegram.html")):
        open_page(driver, path, size)
        if page == "record":
            driver.find_element(By.CSS_SELECTOR, "#field-platforms a.value-link").click()
        # The page never scrolls sideways; the wide table scrolls inside its own box.
        assert driver.execute_script("return document.documentElement.scrollWidth <= window.innerWidth"), (page, name)
        target = shots / f"report-{page}-{name}.png"
        assert driver.save_screenshot(str(target))
        assert target.stat().st_size > 10_000


def test_browser_big_index_lays_out_200_rows_and_shows_more_on_request(
    driver: webdriver.Chrome, tmp_path: Path
) -> None:
    from shutdown_records.yamlio import dump_yaml

    records = tmp_path / "records"
    records.mkdir()
    for n in range(450):
        country = ("PK", "IR", "ET")[n % 3]
        record = {"id": f"r-{n:03d}", "title": f"Record {n}", "country": country, "start_date": f"20{10 + n % 15}-01"}
        (records / f"r-{n:03d}.yaml").write_text(dump_yaml(record), encoding="utf-8")
    write_site([records], tmp_path / "site", jobs=1)
    open_page(driver, tmp_path / "site" / "index.html")
    assert len(visible_rows(driver)) == 200
    count = driver.find_element(By.ID, "shown-count")
    assert count.text == "Showing the first 200 of 450 incidents."
    driver.find_element(By.ID, "show-more").click()
    assert len(visible_rows(driver)) == 400
    Select(driver.find_element(By.ID, "filter-country")).select_by_value("PK")
    assert len(visible_rows(driver)) == 150
    assert count.text == "Showing 150 of 450 incidents."
    assert not driver.find_element(By.ID, "show-more").is_displayed()
    Select(driver.find_element(By.ID, "filter-country")).select_by_value("")
    driver.find_element(By.ID, "show-all").click()
    assert len(visible_rows(driver)) == 450
    assert severe_console_entries(driver) == []
