#!/usr/bin/env python3
"""Browser tests of dyad's reader: headless Chromium through chromedriver.

Loads each page type on a store built from the examples (plus one page whose
text carries <script> and onerror= payloads), opens an entity card, filters a
dyad timeline, checks the payloads render as text, and saves screenshots.
usage: reader.py BASE_URL SCREENSHOT_DIR XSS_ARTICLE_ID
"""
import os
import sys
import tempfile

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

base, shots, xss_id = sys.argv[1].rstrip("/"), sys.argv[2], sys.argv[3]
os.makedirs(shots, exist_ok=True)

opts = webdriver.ChromeOptions()
opts.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
for a in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
          "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
          "--window-size=1280,1400", "--hide-scrollbars",
          "--user-data-dir=" + tempfile.mkdtemp(prefix="dyad-chromium-")):
    opts.add_argument(a)
# (Console messages, so that a script error or a CSP violation fails a check.)
opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
driver = webdriver.Chrome(options=opts, service=Service(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")))
wait = WebDriverWait(driver, 10)
failures = []


def check(cond, what):
    print(("ok   " if cond else "FAIL ") + what)
    if not cond:
        failures.append(what)


def shot(name):
    path = os.path.join(shots, name + ".png")
    driver.save_screenshot(path)
    return path


def errors():
    """Console errors since the last call (a CSP violation shows here)."""
    return [l for l in driver.get_log("browser") if l.get("level") == "SEVERE"]


try:
    # Home: the network.
    driver.get(base + "/")
    wait.until(EC.presence_of_element_located((By.ID, "network")))
    check(len(driver.find_elements(By.CSS_SELECTOR, "#network line")) > 0, "home: network has edges")
    check(not errors(), "home: no console errors")
    shot("home")

    # Article reader: entities, claims, a card.
    driver.get(base + "/search?q=delegation")
    wait.until(EC.presence_of_element_located((By.ID, "results")))
    results = driver.find_elements(By.CSS_SELECTOR, "#results a")
    check(len(results) > 0, "search: results for 'delegation'")
    shot("search")
    results[0].click()
    wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, "a.ent")))
    check(len(driver.find_elements(By.CSS_SELECTOR, ".claim")) > 0, "article: claims underlined")
    driver.find_element(By.ID, "print").click()
    check("print" in driver.find_element(By.TAG_NAME, "body").get_attribute("class"), "article: print view")
    driver.execute_script("document.body.classList.remove('print')")
    ent = driver.find_elements(By.CSS_SELECTOR, "a.ent")[0]
    name = ent.text
    ActionChains(driver).move_to_element(ent).perform()
    card = wait.until(EC.visibility_of_element_located((By.CSS_SELECTOR, ".card")))
    check(card.text.strip() != "" and "Entity page" in card.text, f"article: card for '{name}' opens")
    check(not errors(), "article: no console errors")
    shot("article-card")
    # Clicking the card's link opens the entity's page.
    card.find_element(By.LINK_TEXT, "Entity page →").click()
    wait.until(EC.url_contains("/entities/"))
    check(name in driver.find_element(By.TAG_NAME, "h1").text, f"card: click leads to {name}'s page")

    check(not errors(), "search and print: no console errors")

    # Entity page.
    driver.get(base + "/entities/PRK")
    wait.until(EC.presence_of_element_located((By.TAG_NAME, "h1")))
    check("North Korea" in driver.find_element(By.TAG_NAME, "h1").text, "entity: North Korea")
    shot("entity")

    # Dyad: filter the timeline by certainty.
    driver.get(base + "/ties/PRK/RUS")
    wait.until(EC.presence_of_element_located((By.ID, "timeline")))
    before = len(driver.find_elements(By.CSS_SELECTOR, "#evidence > li"))
    bars_before = len(driver.find_elements(By.CSS_SELECTOR, "#timeline rect.bar"))
    shot("ties")
    for box in driver.find_elements(By.CSS_SELECTOR, "#filters input[name=certainty]"):
        if box.get_attribute("value") != "fact" and box.is_selected():
            box.click()
    driver.find_element(By.CSS_SELECTOR, "#filters button[type=submit]").click()
    wait.until(EC.url_contains("certainty=fact"))
    badges = [b.text for b in driver.find_elements(By.CSS_SELECTOR, "#evidence > li > .badge")]
    bars_after = len(driver.find_elements(By.CSS_SELECTOR, "#timeline rect.bar"))
    check(badges and all(b == "fact" for b in badges), "ties: filtered to fact only")
    check(len(badges) <= before and bars_after <= bars_before, "ties: filter narrows the timeline")
    check(not errors(), "entity and ties: no console errors")
    shot("ties-filtered")

    # Untrusted text: the payload page.
    driver.get(base + f"/articles/{xss_id}")
    wait.until(EC.presence_of_element_located((By.TAG_NAME, "h1")))
    ran = driver.execute_script("return window.__xss || null")
    check(ran is None, "xss: stored payloads did not run")
    body = driver.find_element(By.CSS_SELECTOR, "div.text").text
    check("<script>" in body and "onerror=" in body, "xss: payloads shown as text")
    shot("xss")
finally:
    driver.quit()

print(f"{len(failures)} failure(s)")
sys.exit(1 if failures else 0)
