"""Screenshots of the report for the README: docs/img/report-index.png and report-record.png.

Writes the site for records/ into a temporary folder, opens it from disk in headless
Chromium (Debian's chromium + chromium-driver) and saves a desktop view of the index and of
the pk-2024-x record page with one value's quote highlighted.

    python scripts/screenshots.py [--records records] [--record pk-2024-x] [--out docs/img]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.common.by import By

from shutdown_records.report import write_site

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from browser import start_chromium  # noqa: E402


def chromium(profile: Path, width: int, height: int) -> webdriver.Chrome:
    """The tests' headless Chromium (tests/browser.py holds the flags), at a desktop size."""
    return start_chromium(profile, "--hide-scrollbars", f"--window-size={width},{height}")


def set_viewport(driver: webdriver.Chrome, width: int, height: int, mobile: bool = False) -> None:
    """Exact CSS viewport (window-size includes no browser UI in headless, but be explicit)."""
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile},
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=Path, default=ROOT / "records")
    parser.add_argument("--record", default="pk-2024-x", help="record id for report-record.png")
    parser.add_argument("--field", default="country", help="field whose value is clicked")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "img")
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--height", type=int, default=900)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        write_site([args.records], site)
        driver = chromium(Path(tmp) / "profile", args.width, args.height)
        try:
            set_viewport(driver, args.width, args.height)
            driver.get((site / "index.html").as_uri())
            driver.save_screenshot(str(args.out / "report-index.png"))
            driver.get((site / "records" / f"{args.record}.html").as_uri())
            link = driver.find_element(By.CSS_SELECTOR, f"#field-{args.field} a.value-link")
            driver.execute_script("arguments[0].click();", link)  # WebDriver's click would scroll the page first
            time.sleep(0.2)
            driver.save_screenshot(str(args.out / "report-record.png"))
        finally:
            driver.quit()
    print(f"wrote {args.out / 'report-index.png'} and {args.out / 'report-record.png'}")


if __name__ == "__main__":
    main()
