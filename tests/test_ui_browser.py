"""The web UI in a real headless browser (Debian's chromium + chromedriver, via Selenium).

Why a real browser: the query editor, the network and the timeline are drawn by JavaScript
libraries served from ``node_modules``; only a browser shows that they load offline, draw the
seed graph and log no console errors. Each test also checks the server-rendered part a reader
without JavaScript gets. With ``KG_SCREENSHOTS=1`` the tests write
``docs/screenshots/<view>.png`` for the README.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import ROOT, LiveServer

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
SCREENSHOTS = ROOT / "docs" / "screenshots"

pytestmark = [
    pytest.mark.browser, pytest.mark.model, pytest.mark.e2e,
    pytest.mark.skipif(not (Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()),
                       reason="needs Debian's chromium and chromium-driver "
                              "(apt-get install chromium chromium-driver)"),
    pytest.mark.skipif(not (ROOT / "node_modules" / "@zazuko" / "yasgui").is_dir(),
                       reason="JavaScript libraries not installed: run 'npm ci' first"),
]

webdriver = pytest.importorskip("selenium.webdriver", reason="pip install selenium")
from selenium.common.exceptions import (  # noqa: E402
    StaleElementReferenceException,
    WebDriverException,
)
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.action_chains import ActionChains  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.support import expected_conditions as ec  # noqa: E402
from selenium.webdriver.support.ui import Select, WebDriverWait  # noqa: E402


def left_the_document(element: object) -> object:
    """A wait condition: the page that held ``element`` has gone.

    Why not ``ec.staleness_of``: mid-navigation chromium may answer the probe with "Node with
    given id does not belong to the document" (a plain WebDriverException) instead of a stale
    element reference; both say the same thing, and the first made the wait fail once."""
    def gone(_driver: object) -> bool:
        try:
            element.is_enabled()  # type: ignore[attr-defined]
        except StaleElementReferenceException:
            return True
        except WebDriverException as err:
            if "does not belong to the document" in str(err):
                return True
            raise
        return False
    return gone


@pytest.fixture(scope="module")
def browser() -> Iterator[webdriver.Chrome]:
    """Headless chromium with browser console logging; never downloads a driver."""
    profile = tempfile.mkdtemp(prefix="kg-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--window-size=1280,900",
                 "--hide-scrollbars", f"--user-data-dir={profile}"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(60)
    yield driver
    driver.quit()
    shutil.rmtree(profile, ignore_errors=True)


def open_page(driver: webdriver.Chrome, server: LiveServer, path: str) -> None:
    """Load a page and drop console and network entries of earlier pages."""
    driver.get_log("browser")
    driver.get_log("performance")
    driver.get(server.url + path)


def console_errors(driver: webdriver.Chrome) -> list[str]:
    """SEVERE browser console entries since the last read."""
    return [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE"]


def outside_requests(driver: webdriver.Chrome, server: LiveServer) -> list[str]:
    """URLs the page asked for from anywhere but this server (the UI must work offline).

    Why the DevTools network log: it records every request, failed ones included, where
    the Resource Timing API may leave out requests that never got an answer.
    """
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    return [u for u in urls if u.startswith(("http:", "https:", "ws:", "wss:"))
            and not u.startswith(server.url + "/")]


def wait_for(driver: webdriver.Chrome, script: str, timeout: float = 20) -> object:
    """Wait until a JavaScript expression is truthy; return its value."""
    return WebDriverWait(driver, timeout).until(lambda d: d.execute_script("return " + script))


def screenshot(driver: webdriver.Chrome, name: str, height: int = 900) -> None:
    """Write docs/screenshots/<name>.png when KG_SCREENSHOTS=1 (kept small for the README)."""
    if os.environ.get("KG_SCREENSHOTS") != "1":
        return
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    driver.set_window_size(1280, height)
    driver.save_screenshot(str(SCREENSHOTS / f"{name}.png"))


def test_query_editor_loads_and_runs(browser: webdriver.Chrome, seed_server: LiveServer) -> None:
    open_page(browser, seed_server, "/")
    wait_for(browser, "window.kgYasgui && document.querySelector('.yasqe .CodeMirror')")
    assert not browser.find_element(By.ID, "plain-query").is_displayed()  # no-JS fallback
    value = browser.execute_script("return kgYasgui.getTab().getYasqe().getValue()")
    assert "PREFIX kg: <https://w3id.org/geokg/ontology#>" in value
    assert browser.execute_script(
        "return kgYasgui.getTab().getEndpoint()") == seed_server.url + "/sparql"
    completers = browser.execute_script("return kgYasgui.getTab().getYasqe().config.autocompleters")
    assert set(completers) <= {"variables", "prefixes"}  # no LOV calls to outside services
    browser.execute_script("kgYasgui.getTab().getYasqe().query()")
    wait_for(browser, "document.querySelectorAll('.yasr table tbody tr').length > 0")
    # Result IRIs under our base open their page on this server.
    opened = browser.execute_script(
        "window.open = (url) => { window.__opened = url; };"
        " const a = document.querySelector('.yasr a[href^=\"https://w3id.org/geokg/fact/\"]');"
        " a.click(); return window.__opened;")
    assert opened.startswith("/fact/")
    Select(browser.find_element(By.ID, "saved-picker")).select_by_value("stances-toward")
    browser.find_element(By.ID, "saved-open").click()
    wait_for(browser, "kgYasgui.getTab().getName() === 'stances-toward'")
    assert "kg:target ?_target_iri" in browser.execute_script(
        "return kgYasgui.getTab().getYasqe().getValue()")
    # Typing where a class or property would complete asks nobody outside this server.
    browser.execute_script("var y = kgYasgui.getTab().getYasqe();"
                           " y.setValue('PREFIX foaf: <http://xmlns.com/foaf/0.1/>\\n"
                           "SELECT * WHERE { ?s a foaf:Per');"
                           " y.focus(); y.setCursor(y.lineCount() - 1, 100); y.autocomplete();")
    ActionChains(browser).send_keys("s").perform()
    time.sleep(1.5)  # a completer's fetch would have started by now
    assert outside_requests(browser, seed_server) == []
    assert console_errors(browser) == []
    browser.execute_script("kgYasgui.selectTabId(Object.keys(kgYasgui._tabs)[0])")
    screenshot(browser, "query", height=1150)


def test_saved_query_form_runs_and_fills_table(browser: webdriver.Chrome,
                                               seed_server: LiveServer) -> None:
    open_page(browser, seed_server, "/queries/stances-by-holder")
    field = browser.find_element(By.ID, "p-holder")
    assert field.get_attribute("list") == "entity-list"
    assert browser.find_elements(By.CSS_SELECTOR, "#entity-list option[value='nato']")
    field.clear()
    field.send_keys("nato")
    browser.find_element(By.CSS_SELECTOR, "#params button[type=submit]").click()
    # The form's GET loads a new page: wait for this one to go and the new one's rows to be
    # there (the old page has a results table of its own, and reading it mid-navigation found
    # a table with no rows yet).
    WebDriverWait(browser, 20).until(left_the_document(field))
    WebDriverWait(browser, 20).until(
        ec.presence_of_element_located((By.CSS_SELECTOR, "#results tbody tr")))
    rows = browser.find_elements(By.CSS_SELECTOR, "#results tbody tr")
    assert len(rows) > 0
    share = browser.find_element(By.ID, "share-link").get_attribute("value")
    assert share.startswith(seed_server.url) and "holder=nato" in share
    links = {a.text: a.get_attribute("href") for a in
             browser.find_elements(By.CSS_SELECTOR, "#downloads a")}
    assert ".csv?" in links["CSV"] and ".json?" in links["JSON"]
    assert console_errors(browser) == []
    assert outside_requests(browser, seed_server) == []
    screenshot(browser, "saved-query")


def test_network_draws_nodes_and_edges(browser: webdriver.Chrome,
                                       seed_server: LiveServer) -> None:
    open_page(browser, seed_server, "/network")
    wait_for(browser, "window.kgNetwork && kgNetwork.nodes().length > 0")
    counts = browser.execute_script(
        "return [kgNetwork.nodes().length, kgNetwork.edges().length,"
        " kgNetwork.edges('[kind = \"stance\"]').length,"
        " kgNetwork.edges('[kind = \"membership\"]').length,"
        " kgNetwork.edges('[kind = \"partnership\"]').length]")
    nodes, edges, stances, memberships, partnerships = counts
    assert nodes > 10 and edges > 10 and stances and memberships and partnerships
    assert len(browser.find_elements(By.CSS_SELECTOR, "#edges tbody tr")) == edges
    assert console_errors(browser) == []
    assert outside_requests(browser, seed_server) == []
    screenshot(browser, "network", height=1240)
    # Filters narrow the graph, and a node opens its entity page.
    open_page(browser, seed_server, "/network?actor=nato")
    wait_for(browser, "window.kgNetwork && kgNetwork.nodes().length > 0")
    assert browser.execute_script("return kgNetwork.nodes().length") < nodes
    assert browser.execute_script("return kgNetwork.getElementById("
                                  "'https://w3id.org/geokg/entity/nato').length") == 1
    browser.execute_script("kgNetwork.getElementById('https://w3id.org/geokg/entity/nato')"
                           ".emit('tap')")
    WebDriverWait(browser, 20).until(ec.url_contains("/entity/nato"))
    assert console_errors(browser) == []
    # Keyboard: focus the drawing, move to an actor with the arrow keys, open it with Enter.
    open_page(browser, seed_server, "/network?actor=nato")
    wait_for(browser, "window.kgNetwork && kgNetwork.nodes().length > 0")
    drawing = browser.find_element(By.ID, "network")
    drawing.send_keys(Keys.ARROW_RIGHT)
    assert "Selected actor:" in drawing.get_attribute("aria-label")
    drawing.send_keys(Keys.ENTER)
    WebDriverWait(browser, 20).until(ec.url_contains("/entity/"))


def test_timeline_shows_dated_items(browser: webdriver.Chrome, seed_server: LiveServer) -> None:
    open_page(browser, seed_server, "/timeline?actor=nato&other=china")
    wait_for(browser, "document.querySelectorAll('#timeline .vis-item').length > 0")
    rows = browser.find_elements(By.CSS_SELECTOR, "#timeline-items tbody tr")
    assert rows and all(r.find_element(By.TAG_NAME, "td").text[:4].isdigit() for r in rows)
    assert browser.find_elements(By.CSS_SELECTOR, "#timeline .vis-item.pol-negative")
    assert console_errors(browser) == []
    assert outside_requests(browser, seed_server) == []
    screenshot(browser, "timeline")


def test_entity_page_highlights_source_sentence(browser: webdriver.Chrome,
                                                seed_server: LiveServer) -> None:
    open_page(browser, seed_server, "/entity/nato")
    assert browser.find_element(By.TAG_NAME, "h1").text == "NATO"
    marks = browser.find_elements(By.CSS_SELECTOR, "td.sentence mark.evidence")
    assert marks and all(m.text for m in marks)
    headings = [h.text for h in browser.find_elements(By.TAG_NAME, "h2")]
    assert any(h.startswith("Stances held") for h in headings)
    assert any(h.startswith("Stances received") for h in headings)
    assert "Q7184" in browser.find_element(By.CSS_SELECTOR, "dl.summary").text
    assert console_errors(browser) == []
    assert outside_requests(browser, seed_server) == []
    screenshot(browser, "entity")


def test_article_page_highlights_mentions_and_evidence(browser: webdriver.Chrome,
                                                       seed_server: LiveServer) -> None:
    open_page(browser, seed_server, "/article/002_589e0dc48c0c4ef5")
    assert browser.find_elements(By.CSS_SELECTOR, "#article-text mark.ent")
    link = browser.find_element(By.CSS_SELECTOR, "tr.fact a.evlink")
    row = link.find_element(By.XPATH, "./ancestor::tr")
    anchor = row.find_element(By.CSS_SELECTOR, "mark.evidence").text
    link.send_keys("\n")  # keyboard: Enter on the focused link
    wait_for(browser, "document.querySelectorAll('#article-text span.evidence').length > 0")
    marked = browser.execute_script(
        "return Array.from(document.querySelectorAll('#article-text span.evidence'))"
        ".map(s => s.textContent).join('')")
    assert marked == anchor
    assert "selected" in row.get_attribute("class")
    assert console_errors(browser) == []
    assert outside_requests(browser, seed_server) == []
    screenshot(browser, "article", height=1000)
