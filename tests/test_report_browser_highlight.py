"""In headless Chromium: the highlight says which one quote stands behind one value (issue 13).

With overlapping quotes, selecting a value lights that quote's segments strongly, brackets
its ends and writes the value on it, while every other quote fades; a source URL opens as a
link. Screenshots go where tests/test_report_browser.py puts them.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from report_sample import WEB_URL, write_sample
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402 - after the import-or-skip above
from test_report_browser import (  # noqa: F401 - pytest fixtures and the module's skip marks
    DESKTOP,
    PHONE,
    By,
    driver,
    open_page,
    pytestmark,
    severe_console_entries,
    shots,
)


@pytest.fixture(scope="module")
def sample_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from shutdown_records.report import write_site

    root = tmp_path_factory.mktemp("highlight")
    write_site([write_sample(root)], root / "site")
    return root / "site" / "records" / "fd-2025-telegram.html"


def _background(driver, element) -> str:  # noqa: ANN001
    return driver.execute_script("return getComputedStyle(arguments[0]).backgroundColor", element)


@pytest.mark.parametrize("size", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_selecting_a_value_marks_its_one_quote_and_fades_the_others(
    driver,
    sample_page: Path,
    shots: Path,
    size: tuple[int, int],  # noqa: ANN001, F811
) -> None:
    open_page(driver, sample_page, size)
    marks = driver.find_elements(By.CSS_SELECTOR, "#src-1 mark.q")
    assert len(marks) >= 5  # the five overlapping quotes of line one cut it into segments
    at_rest = {_background(driver, m) for m in marks}
    assert "rgba(0, 0, 0, 0)" not in at_rest  # every cited passage is visible before a click

    link = driver.find_element(By.CSS_SELECTOR, "#field-start_date a.value-link")
    anchor = link.get_attribute("href").split("#")[1]
    link.click()
    mine = driver.find_elements(By.CSS_SELECTOR, f'#src-1 mark[data-q~="{anchor}"]')
    assert "".join(m.text for m in mine).endswith("blocked across Freedonia on 3 March 2025")
    others = [m for m in marks if m not in mine]
    assert others
    assert {_background(driver, m) for m in others} == {"rgba(0, 0, 0, 0)"}  # faded
    # The colour fades in over 0.2 s (unless reduced motion is asked for): wait for its end,
    # the stylesheet's --mark-hl (#ffb347) on every segment of the quote.
    selected = "rgb(255, 179, 71)"
    WebDriverWait(driver, 5).until(lambda d: {_background(d, m) for m in mine} == {selected})
    assert selected not in at_rest
    assert mine[0].get_attribute("class").split().count("hl-first") == 1
    assert "hl-last" in mine[-1].get_attribute("class").split()
    label = driver.execute_script("return getComputedStyle(arguments[0], '::before').content", mine[0])
    assert label == '"Start date: 2025-03-03"'
    # The label is drawn, not text: the source still reads exactly as the file.
    assert "Start date" not in driver.execute_script("return document.querySelector('#src-1 pre').textContent")

    # Another value: the highlight moves, the first quote's marks let go.
    driver.find_element(By.CSS_SELECTOR, "#field-country a.value-link").click()
    country = driver.find_elements(By.CSS_SELECTOR, "#src-1 mark.hl")
    assert "".join(m.text for m in country).endswith("blocked across Freedonia")
    assert len(driver.find_elements(By.CSS_SELECTOR, "mark.hl-first")) == 1
    name = "desktop" if size == DESKTOP else "phone"
    assert driver.save_screenshot(str(shots / f"report-highlight-{name}.png"))
    assert severe_console_entries(driver) == []


def test_a_quote_with_its_own_marks_is_not_quoted_twice_and_the_url_is_a_link(
    driver,
    sample_page: Path,  # noqa: ANN001, F811
) -> None:
    open_page(driver, sample_page)
    own = driver.find_element(By.CSS_SELECTOR, "#field-justification q")
    plain = driver.find_element(By.CSS_SELECTOR, "#field-workarounds q")
    before = "return getComputedStyle(arguments[0], '::before').content"
    assert driver.execute_script(before, own) == "none"
    assert driver.execute_script(before, plain) != "none"  # the page's own “ ”
    assert own.text.startswith('"The block on Telegram')
    link = driver.find_element(By.CSS_SELECTOR, "#src-1 a.url")
    assert link.get_attribute("href") == WEB_URL and link.text == WEB_URL
    assert driver.find_elements(By.CSS_SELECTOR, "#src-2 a.url") == []
