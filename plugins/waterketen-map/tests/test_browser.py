"""The web page in a real headless browser (Chromium from the distribution, driven by Selenium).

Skipped only when no Chromium is installed locally; CI installs it with
``.ci/install-browser``.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

import waterketen as wk
import waterketen_map as wm


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1300,1000",
)

pytestmark = pytest.mark.skipif(
    CHROMIUM is None or DRIVER is None,
    reason="no Chromium here: install chromium and chromium-driver (.ci/install-browser) to run it",
)


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """A fresh headless Chromium with its own profile directory."""
    os.environ.setdefault("SE_OFFLINE", "true")  # Selenium Manager must not look for a browser online
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(executable_path=str(DRIVER)), options=options)
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture(scope="module")
def loaded(browser: Any, tmp_path_factory: pytest.TempPathFactory) -> tuple[Any, Path]:
    """The page of the embedded network, opened from a file."""
    folder = tmp_path_factory.mktemp("page")
    path = wm.page(wk.load()).save(folder / "map.html")
    browser.get(path.as_uri())
    return browser, folder


def _visible(driver: Any) -> list[Any]:
    return [p for p in driver.find_elements(By.CSS_SELECTOR, "path.municipality") if p.is_displayed()]


def _errors(driver: Any) -> list[str]:
    return [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE"]


class TestInBrowser:
    def test_loads_without_errors(self, loaded: tuple[Any, Path]) -> None:
        """The page loads with no error in the console and shows the municipalities of its last day."""
        driver, _ = loaded
        assert _errors(driver) == []
        assert driver.find_element(By.ID, "when").text == "2025-01-01"
        assert len(_visible(driver)) == 14

    def test_hover_and_click_show_the_name(self, loaded: tuple[Any, Path]) -> None:
        """Hovering over a municipality shows its name, code and cluster; a click keeps it shown."""
        driver, folder = loaded
        Select(driver.find_element(By.ID, "day")).select_by_value("2017-01-01")
        paths = _visible(driver)
        assert len(paths) == 25
        target = next(p for p in paths if p.get_attribute("data-name") == "Assen")
        # The element under the middle of Assen's box is the one the pointer will be over.
        under = driver.execute_script(
            "var r = arguments[0].getBoundingClientRect();"
            "return document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);",
            target,
        )
        name = under.get_attribute("data-name")
        ActionChains(driver).move_to_element(target).perform()
        info = driver.find_element(By.ID, "info")
        assert info.find_element(By.TAG_NAME, "h2").text == name
        assert "CBS code: GM" in info.text
        assert "Cluster: " in info.text
        assert "Noorderzijlvest" in info.text  # the cooperation's partners
        ActionChains(driver).click(target).perform()
        ActionChains(driver).move_by_offset(300, 0).perform()  # away: the clicked one stays
        assert driver.find_element(By.ID, "info").find_element(By.TAG_NAME, "h2").text == name
        driver.save_screenshot(str(folder / "map-2017.png"))
        assert (folder / "map-2017.png").read_bytes().startswith(b"\x89PNG")
        assert _errors(driver) == []

    def test_switch_days(self, loaded: tuple[Any, Path]) -> None:
        """The control switches between the days: 27 municipalities at the end of 2014, 14 in 2025."""
        driver, folder = loaded
        select = Select(driver.find_element(By.ID, "day"))
        select.select_by_value("2014-12-31")
        assert len(_visible(driver)) == 27
        assert "Hunze en Aa’s" in driver.find_element(By.ID, "not-drawn").text
        driver.save_screenshot(str(folder / "map-2014.png"))
        select.select_by_value("2025-01-01")
        assert len(_visible(driver)) == 14
        assert _errors(driver) == []
