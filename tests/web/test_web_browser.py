#!/usr/bin/env python3
"""The web journal in a real browser (issue 10 item 7): headless Chromium from Debian, driven by Selenium
(python3-selenium, chromium-driver), against the real `tabel-node serve` on a store made by the real tabel-node.

The node is enrolled at a real `tabel-hub serve` with the demo school, as deploy/demo.sh does. Unlocks (after a wrong
passphrase), enters a week of marks and absences by keyboard, sees the 3.5 refusal at the cell of a pupil absent
without illness (the cell keeps the typed mark until Esc), records a planned lesson through the lesson form and marks
in it, enters a quarter mark before the quarter's last week (2.5.6: the page asks for the reason), gives a distance task for that lesson, accepts a pupil's file, downloads it back and grades it (the mark
appears in the lesson's column), checks with the command line that the store holds what the page shows, sees an entry of a second tab appear in
the first, syncs with the hub («Синхронизировать»), then with the hub down (a calm message, nothing lost), logs out,
and sees the journal lock itself when idle.

Environment: TABEL_NODE_BIN, TABEL_HUB_BIN, TABEL_SOURCE_DIR (set by ctest); TABEL_WEB_ARTIFACTS: folder for screenshots (kept on
failure); TABEL_WEB_SCREENSHOT: also save the grid with the refusal there (the README's picture, taken with
TABEL_WEB_LANG=ru: the language of the served page, English by default). Exit 0 on success.
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import traceback

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

NODE = os.environ["TABEL_NODE_BIN"]
HUB = os.environ["TABEL_HUB_BIN"]
SOURCE = os.environ["TABEL_SOURCE_DIR"]
ARTIFACTS = os.environ.get("TABEL_WEB_ARTIFACTS", os.path.join(os.getcwd(), "web-artifacts"))
PASSPHRASE = "correct horse battery staple"
LESSONS = [  # the demo timetable of 7А math: Tuesday 2, Thursday 1, Friday 3
    "7А/math/all/2026-09-01/2", "7А/math/all/2026-09-03/1", "7А/math/all/2026-09-04/3",
    "7А/math/all/2026-09-08/2", "7А/math/all/2026-09-10/1",
]
# A week as typed, one column per lesson, one entry per pupil in the grid's order (Russian alphabetical order of the
# demo roster: 7a-01, 7a-02, 7a-03, 7a-04, 7a-06 (Ёлкина), 7a-05).
WEEK = [
    ["5", "4", "н", "б", "3"],
    ["4", "5", "5", "н", "уп"],
    ["3", "н", "4", "5", "5"],
]


def node(store, *args, check=True):
    env = dict(os.environ, TABEL_PASSPHRASE=PASSPHRASE, TABEL_LANG="en")
    r = subprocess.run([NODE, "--store", store, *args], env=env, capture_output=True, text=True)
    if check and r.returncode != 0:
        raise AssertionError(f"tabel-node {' '.join(args)} failed ({r.returncode}): {r.stderr}")
    return r


def hub(hub_store, *args):
    r = subprocess.run([HUB, "--store", hub_store, *args], capture_output=True, text=True,
                       env=dict(os.environ, TABEL_LANG="en"))
    if r.returncode != 0:
        raise AssertionError(f"tabel-hub {' '.join(args)} failed ({r.returncode}): {r.stderr}")
    return r


def start_hub(hub_store):
    proc = subprocess.Popen([HUB, "--store", hub_store, "serve", "--listen", "127.0.0.1:0"], stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True, env=dict(os.environ, TABEL_LANG="en"))
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        m = re.search(r"listening on (https://127\.0\.0\.1:\d+)", line)
        if m:
            return proc, m.group(1)
        if not line and proc.poll() is not None:
            break
    proc.kill()
    raise AssertionError("tabel-hub serve did not start")


def make_store(root):
    """The school's hub with the demo school, and the teacher's node enrolled at it, as deploy/demo.sh does."""
    hub_store = os.path.join(root, "hub")
    demo = os.path.join(SOURCE, "deploy", "demo")
    hub_proc, hub_url = start_hub(hub_store)
    for kind in ("calendar", "roster", "timetable"):
        hub(hub_store, "import", kind, os.path.join(demo, kind + ".csv"))
    out = hub(hub_store, "node", "add", "--teacher", "ivanova", "--name", "Иванова Мария Петровна",
              "--assign", "7А/math/all").stdout
    code = re.search(r"^\s+([A-Z2-7]{6}(?:-[A-Z2-7]{1,6}){6})$", out, re.M).group(1)
    store = os.path.join(root, "node")
    node(store, "init", "--teacher", "ivanova", "--name", "Иванова Мария Петровна", "--kdf", "interactive")
    node(store, "enroll", hub_url, code)
    node(store, "sync")
    for i, key in enumerate(LESSONS):
        node(store, "lesson", "add", "--lesson", key, "--topic", f"Тема {i + 1}")
    return store, hub_store, hub_proc


def serve(store, *extra):
    env = dict(os.environ, TABEL_LANG=os.environ.get("TABEL_WEB_LANG", "en"))
    proc = subprocess.Popen([NODE, "--store", store, "serve", "--listen", "127.0.0.1:0", "--today", "2026-09-10",
                             "--sync-every", "0", *extra], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            text=True)
    line = proc.stdout.readline()
    m = re.search(r"http://127\.0\.0\.1:\d+/", line)
    if not m:
        proc.kill()
        raise AssertionError(f"tabel-node serve did not print its address: {line!r} {proc.stdout.read()}")
    return proc, m.group(0)


def browser(profile):
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for arg in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                f"--user-data-dir={profile}", "--window-size=1400,900", "--lang=ru"):
        options.add_argument(arg)
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def wait(driver, what, timeout=15):
    return WebDriverWait(driver, timeout, poll_frequency=0.05).until(lambda d: what(d))


def cell(driver, r, c):
    return driver.find_element(By.CSS_SELECTOR, f'td.cell[data-r="{r}"][data-c="{c}"]')


def click_cell(driver, r, c):
    td = cell(driver, r, c)
    driver.execute_script("arguments[0].scrollIntoView({block: 'center', inline: 'center'})", td)
    td.click()


def cell_value(driver, r, c):
    return driver.execute_script(
        "const td = document.querySelector(`td.cell[data-r='${arguments[0]}'][data-c='${arguments[1]}']`);"
        "const v = td.querySelector('.value'); return v ? v.textContent : '';", r, c)


def settled(driver):
    return driver.execute_script("return document.querySelectorAll('td.cell.pending').length === 0 && "
                                 "!document.querySelector('td.cell input')")


def api_status(driver):
    return driver.execute_script(
        "return fetch('/api/v1/status?poll=1', {credentials: 'same-origin'}).then(r => r.json())")


def unlock(driver, url, passphrase):
    driver.get(url)
    box = wait(driver, lambda d: d.find_element(By.ID, "passphrase"))
    box.clear()
    box.send_keys(passphrase + Keys.ENTER)


def main():
    os.makedirs(ARTIFACTS, exist_ok=True)
    root = tempfile.mkdtemp(prefix="tabel-web-")
    procs, driver = [], None
    try:
        store, hub_store, hub_proc = make_store(root)
        procs.append(hub_proc)
        proc, url = serve(store)
        procs.append(proc)
        driver = browser(os.path.join(root, "profile"))

        # Locked: the journal page and the API send the browser back to the login page.
        driver.get(url + "journal")
        wait(driver, lambda d: d.current_url.rstrip("/") == url.rstrip("/"))

        # A wrong passphrase: the same message as the command line; then the right one.
        unlock(driver, url, "not the passphrase")
        wait(driver, lambda d: d.find_element(By.ID, "login-message").text not in ("", )
             and not d.find_element(By.ID, "login-message").text.endswith("…"))
        time.sleep(1.1)  # the first wrong passphrase makes the next attempt wait a second
        unlock(driver, url, PASSPHRASE)
        wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "table#grid td.cell"))
        assert "/journal" in driver.current_url

        # The demo class opens on the period of today (1st quarter): five lessons, six pupils.
        heads = driver.find_elements(By.CSS_SELECTOR, "table#grid th.lesson:not(.planned)")
        assert len(heads) == len(LESSONS), f"{len(heads)} lesson columns"
        planned = driver.find_elements(By.CSS_SELECTOR, "table#grid th.lesson.planned")
        assert planned, "no planned lessons from the timetable"
        rows = driver.find_elements(By.CSS_SELECTOR, "table#grid tbody tr")
        assert len(rows) == 6, f"{len(rows)} pupils"

        # A week by keyboard: down each column with Enter, then to the next column's top.
        started = time.monotonic()
        for c, column in enumerate(WEEK):
            click_cell(driver, 0, c)
            for value in column:
                ActionChains(driver).send_keys(value + Keys.ENTER).perform()
        wait(driver, settled)
        print(f"entered {sum(map(len, WEEK))} cells by keyboard in {time.monotonic() - started:.2f} s")
        for c, column in enumerate(WEEK):
            for r, value in enumerate(column):
                assert cell_value(driver, r, c) == value, f"cell {r},{c}: {cell_value(driver, r, c)!r} != {value!r}"
        assert not driver.find_elements(By.CSS_SELECTOR, "td.cell.refused"), "a cell of the week was refused"

        # Tab moves right, Delete clears.
        click_cell(driver, 5, 0)
        ActionChains(driver).send_keys("2" + Keys.TAB + "зач" + Keys.TAB).perform()
        wait(driver, settled)
        assert cell_value(driver, 5, 0) == "2" and cell_value(driver, 5, 1) == "зач"
        click_cell(driver, 5, 1)
        ActionChains(driver).send_keys(Keys.DELETE).perform()
        wait(driver, lambda d: settled(d) and cell_value(d, 5, 1) == "")

        # Two marks in one lesson (columns 1 and 2), typed with a space.
        click_cell(driver, 4, 3)
        ActionChains(driver).send_keys("5 4" + Keys.ENTER).perform()
        wait(driver, lambda d: settled(d) and cell_value(d, 4, 3) == "5 4")

        # Ctrl+Enter: the same mark into every empty cell of the lesson (a control work), one request.
        click_cell(driver, 0, 4)
        ActionChains(driver).send_keys("5").key_down(Keys.CONTROL).send_keys(Keys.ENTER).key_up(Keys.CONTROL).perform()
        wait(driver, lambda d: settled(d) and all(cell_value(d, r, 4) == "5" for r in range(6)))

        # 3.5: a mark for a pupil absent without illness is refused at that cell, which keeps the typed mark.
        click_cell(driver, 2, 0)  # 7a-03 is «н» in the first lesson
        ActionChains(driver).send_keys("5" + Keys.ENTER).perform()
        refused = wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, 'td.cell.refused[data-r="2"][data-c="0"]'))
        bubble = refused[0].find_element(By.CSS_SELECTOR, ".bubble")
        text = driver.execute_script("return arguments[0].textContent", bubble)
        assert text.startswith("3.5:"), f"refusal message: {text!r}"
        assert cell_value(driver, 2, 0) == "5", "the refused cell lost what was typed"
        assert "3.5" in driver.find_element(By.ID, "grid-status").text
        driver.save_screenshot(os.path.join(ARTIFACTS, "refusal.png"))
        shot = os.environ.get("TABEL_WEB_SCREENSHOT")
        if shot:
            driver.save_screenshot(shot)
        # Esc on the refused cell brings back what is stored.
        click_cell(driver, 2, 0)
        ActionChains(driver).send_keys(Keys.ESCAPE).perform()
        wait(driver, lambda d: cell_value(d, 2, 0) == "н")

        # A planned lesson of the timetable (the first after the recorded ones): the lesson form from its column's
        # head, reached from the grid with the keyboard (ArrowUp from the first row, Enter), then a mark in it.
        c = len(LESSONS)
        click_cell(driver, 0, c)
        ActionChains(driver).send_keys(Keys.ARROW_UP + Keys.ENTER).perform()
        topic = wait(driver, lambda d: d.find_element(By.ID, "lesson-topic") if d.find_element(
            By.ID, "lesson-dialog").get_attribute("open") is not None else None)
        topic.send_keys("Повторение: дроби")
        driver.find_element(By.ID, "lesson-homework").send_keys("№ 40–44")
        # R-J2: the lesson's first mark column is a control work of weight 2; its head says so.
        Select(driver.find_element(By.ID, "lesson-kind-1")).select_by_value("control")
        weight = driver.find_element(By.ID, "lesson-weight-1")
        weight.clear()
        weight.send_keys("2")
        topic.send_keys(Keys.ENTER)
        wait(driver, lambda d: d.find_element(By.ID, "lesson-dialog").get_attribute("open") is None)
        wait(driver, lambda d: len(d.find_elements(By.CSS_SELECTOR, "table#grid th.lesson:not(.planned)")) == c + 1)
        kind = driver.find_element(By.CSS_SELECTOR, f'table#grid button.col-head[data-c="{c}"] .kind').text
        assert kind.endswith("×2"), f"the control work's column head shows {kind!r}"
        assert driver.find_element(By.ID, "grid-average-rule").text, "the average's rule is not shown"
        click_cell(driver, 0, c)
        ActionChains(driver).send_keys("4" + Keys.ENTER).perform()
        wait(driver, lambda d: settled(d) and cell_value(d, 0, c) == "4")
        assert not driver.find_elements(By.CSS_SELECTOR, "td.cell.refused")
        shown = node(store, "lesson", "show", "--lesson", "7А/math/all/2026-09-11/3").stdout
        assert "Повторение: дроби" in shown and "№ 40–44" in shown, shown

        # Readable at 200 %: the page's CSS width halves; nothing but the grid (which scrolls in its own box) is
        # wider than the window, and the form's controls stay on screen.
        size = driver.get_window_size()
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
            "width": size["width"] // 2, "height": size["height"] // 2, "deviceScaleFactor": 2, "mobile": False})
        overflow = driver.execute_script(
            "return [document.documentElement.scrollWidth, window.innerWidth,"
            " [...document.querySelectorAll('#grid-form > *')].filter(e => e.getBoundingClientRect().right >"
            " window.innerWidth + 1).map(e => e.id || e.tagName)]")
        driver.save_screenshot(os.path.join(ARTIFACTS, "zoom-200.png"))
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
        assert overflow[0] <= overflow[1] + 1 and not overflow[2], f"at 200 % the page overflows: {overflow}"

        # A distance task for that lesson; a pupil's file accepted, downloaded back, graded: the mark lands in the
        # lesson's column of the grid (3.4).
        driver.find_element(By.CSS_SELECTOR, "#work details summary").click()
        driver.find_element(By.ID, "task-title").send_keys("Дроби: задачи 1–5")
        Select(driver.find_element(By.ID, "task-lesson")).select_by_value("7А/math/all/2026-09-11/3")
        Select(driver.find_element(By.ID, "task-form-of")).select_by_value("письменная работа")
        driver.execute_script("arguments[0].value = '2026-09-18'", driver.find_element(By.ID, "task-due"))
        driver.find_element(By.ID, "task-title").send_keys(Keys.ENTER)
        article = wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#work article.task"))[0]
        work_file = os.path.join(root, "Белова — дроби.txt")
        with open(work_file, "w", encoding="utf-8") as f:
            f.write("1) 3/4  2) 5/6  3) 1/2")
        Select(article.find_element(By.CSS_SELECTOR, "select.sub-pupil")).select_by_value("7a-02")
        article.find_element(By.CSS_SELECTOR, "input.sub-file").send_keys(work_file)
        article.find_element(By.CSS_SELECTOR, "button.sub-accept").click()
        link = wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#work article.task table.subs a"))[0]
        assert link.text == "Белова — дроби.txt", link.text
        body = driver.execute_script("return fetch(arguments[0], {credentials: 'same-origin'}).then(r => r.text())",
                                     link.get_attribute("href"))
        assert body == "1) 3/4  2) 5/6  3) 1/2", body
        row = driver.find_element(By.CSS_SELECTOR, "#work article.task table.subs tbody tr")
        Select(row.find_element(By.CSS_SELECTOR, "select.grade-value")).select_by_value("5")
        row.find_element(By.CSS_SELECTOR, "button.grade-button").click()
        wait(driver, lambda d: cell_value(d, 1, c) == "5")
        wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#work table.subs td.graded"))

        # Shift+Enter: the absence with its doctor's certificate (3.5).
        click_cell(driver, 3, 0)  # 7a-04 is «б» in the first lesson
        ActionChains(driver).key_down(Keys.SHIFT).send_keys(Keys.ENTER).key_up(Keys.SHIFT).perform()
        wait(driver, lambda d: d.find_element(By.ID, "absence-dialog").get_attribute("open") is not None)
        driver.find_element(By.ID, "absence-cert-no").send_keys("118")
        driver.execute_script("arguments[0].value = '2026-09-04'", driver.find_element(By.ID, "absence-cert-date"))
        driver.find_element(By.ID, "absence-save").click()
        td_state = "const td = document.querySelector(`td.cell[data-r='3'][data-c='0']`); return [td.title, td.className]"
        wait(driver, lambda d: "118" in d.execute_script(td_state)[0])
        assert "cert" in driver.execute_script(td_state)[1]

        # The quarter's mark in its own column (2.5.6): on 10 September, before the quarter's last week, the server
        # refuses it and the page asks for the reason of the early entry; with the reason it is stored.
        pc = int(driver.execute_script("return document.querySelector('td.cell.period').dataset.c"))
        click_cell(driver, 0, pc)
        ActionChains(driver).send_keys("5" + Keys.ENTER).perform()
        alert = WebDriverWait(driver, 15).until(EC.alert_is_present())
        assert "2.5.6" in alert.text, alert.text
        alert.send_keys("досрочно: семья переезжает")
        alert.accept()
        wait(driver, lambda d: settled(d) and cell_value(d, 0, pc) == "5" and not d.find_elements(
            By.CSS_SELECTOR, "td.cell.period.refused"))
        pupil_view = node(store, "journal", "--pupil", "7a-01", "--json").stdout
        assert "семья переезжает" in pupil_view or '"q1"' in pupil_view, pupil_view[:400]

        # The КТП (3.1): two topics, then an entry of the correction sheet merging them; lessons given are counted.
        ktp = driver.find_element(By.ID, "ktp")
        ktp.find_element(By.CSS_SELECTOR, "details summary").click()
        for number, title, hours in (("1", "Натуральные числа", "3"), ("2", "Обыкновенные дроби", "2")):
            for field, value in (("ktp-topic-number", number), ("ktp-topic-title", title), ("ktp-topic-hours", hours)):
                box = driver.find_element(By.ID, field)
                box.clear()
                box.send_keys(value)
            driver.find_element(By.ID, "ktp-topic-title").send_keys(Keys.ENTER)
            wait(driver, lambda d: title in d.find_element(By.ID, "ktp").text)
        driver.find_element(By.CSS_SELECTOR, "#ktp details:nth-of-type(2) summary").click()
        topics = Select(driver.find_element(By.ID, "ktp-fix-topics"))
        topics.select_by_value("1")
        topics.select_by_value("2")
        for field, value in (("ktp-fix-planned", "5"), ("ktp-fix-actual", "4"), ("ktp-fix-reason", "карантин")):
            box = driver.find_element(By.ID, field)
            box.clear()
            box.send_keys(value)
        Select(driver.find_element(By.ID, "ktp-fix-method")).select_by_value("merge")
        driver.find_element(By.ID, "ktp-fix-reason").send_keys(Keys.ENTER)
        wait(driver, lambda d: "карантин" in d.find_element(By.CSS_SELECTOR, "#ktp table.ktp-sheet").text)
        sheet = node(store, "ktp", "show", "--class", "7А", "--subject", "math").stdout
        assert "карантин" in sheet and "Обыкновенные дроби" in sheet, sheet
        # A correction that names a topic not in the plan is refused with the clause, and nothing is added.
        driver.find_element(By.ID, "ktp-fix-reason").send_keys("ошибка")
        driver.execute_script("const o = document.createElement('option'); o.value = '99'; o.selected = true;"
                              "document.getElementById('ktp-fix-topics').append(o)")
        driver.find_element(By.ID, "ktp-fix-reason").send_keys(Keys.ENTER)
        wait(driver, lambda d: "3.1" in d.find_element(By.CSS_SELECTOR, "#ktp .plan-message").text)
        assert len(driver.find_elements(By.CSS_SELECTOR, "#ktp table.ktp-sheet tbody tr")) == 1
        driver.execute_script("document.getElementById('ktp').scrollIntoView()")
        driver.save_screenshot(os.path.join(ARTIFACTS, "ktp.png"))

        # A substitution (2.5.4): she takes Sidorova's Russian lesson, records it, and writes that lesson from the
        # list (a lesson of a subject she does not teach, allowed by the substitution).
        subst = driver.find_element(By.ID, "substitutions")
        subst.find_element(By.CSS_SELECTOR, "details summary").click()
        driver.execute_script("arguments[0].value = '2026-09-09'", driver.find_element(By.ID, "subst-date"))
        slot = driver.find_element(By.ID, "subst-slot")
        slot.clear()
        slot.send_keys("2")
        Select(driver.find_element(By.ID, "subst-class")).select_by_value("7А")
        Select(driver.find_element(By.ID, "subst-subject")).select_by_value("rus")
        Select(driver.find_element(By.ID, "subst-absent")).select_by_value("sidorova")
        Select(driver.find_element(By.ID, "subst-substitute")).select_by_value("ivanova")
        driver.find_element(By.ID, "subst-reason").send_keys("болезнь учителя" + Keys.ENTER)
        row = wait(driver, lambda d: d.find_elements(
            By.CSS_SELECTOR, '#substitutions tr[data-lesson="7А/rus/all/2026-09-09/2"]'))[0]
        assert "Сидорова" in row.text and "болезнь учителя" in row.text, row.text
        row.find_element(By.CSS_SELECTOR, "button.link").click()
        topic = wait(driver, lambda d: d.find_element(By.ID, "lesson-topic") if d.find_element(
            By.ID, "lesson-dialog").get_attribute("open") is not None else None)
        topic.send_keys("Правописание -тся и -ться" + Keys.ENTER)
        wait(driver, lambda d: "Правописание" in d.execute_script(
            "return document.querySelector('#substitutions tr[data-lesson=\"7А/rus/all/2026-09-09/2\"]')"
            "?.textContent ?? ''"))
        shown = node(store, "lesson", "show", "--lesson", "7А/rus/all/2026-09-09/2").stdout
        assert "Правописание" in shown, shown
        driver.execute_script("document.getElementById('substitutions').scrollIntoView()")
        driver.save_screenshot(os.path.join(ARTIFACTS, "substitutions.png"))

        # The store holds exactly what the page shows, cell by cell (read by the command line while serve runs).
        journal = json.loads(node(store, "journal", "--class", "7А", "--subject", "math", "--from", "2026-09-01",
                                  "--to", "2026-09-30", "--json").stdout)
        reasons = {"НП": "н", "Б": "б", "УП": "уп"}
        stored = {}
        for pupil in journal["pupils"]:
            for c in pupil["cells"]:
                parts = [str(m["value"]) if isinstance(m, dict) else str(m) for m in c["marks"]]
                if c["absence"]:
                    parts.append(reasons[c["absence"]["reason"]])
                stored[(pupil["id"], c["lesson"])] = " ".join(parts)
        pupils = driver.execute_script(
            "return [...document.querySelectorAll('table#grid tbody th')].map(th => th.title)")
        ids = [p["id"] for p in journal["pupils"]]
        names = [p["name"] for p in journal["pupils"]]
        assert pupils == names, f"{pupils} != {names}"
        certs = [c["absence"] for p in journal["pupils"] if p["id"] == "7a-04" for c in p["cells"]
                 if c["lesson"] == LESSONS[0]]
        assert certs and certs[0]["cert_no"] == "118" and certs[0]["cert_date"] == "2026-09-04", certs
        for r, pupil_id in enumerate(ids):
            for c, key in enumerate(LESSONS + ["7А/math/all/2026-09-11/3"]):
                assert stored.get((pupil_id, key), "") == cell_value(driver, r, c), \
                    f"{pupil_id} {key}: stored {stored.get((pupil_id, key))!r}, shown {cell_value(driver, r, c)!r}"

        # Two tabs on the same journal: an entry in the second shows up in the first (its status poll sees the store
        # change and repaints the cells nobody is typing in).
        first = driver.current_window_handle
        driver.switch_to.new_window("tab")
        driver.get(url + "journal")
        wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "table#grid td.cell"))
        click_cell(driver, 3, 3)
        ActionChains(driver).send_keys("4" + Keys.ENTER).perform()
        wait(driver, lambda d: settled(d) and cell_value(d, 3, 3) == "4")
        driver.close()
        driver.switch_to.window(first)
        wait(driver, lambda d: cell_value(d, 3, 3) == "4", timeout=20)

        # «Синхронизировать»: everything goes to the hub; the bar says so in words.
        state = driver.find_element(By.ID, "sync-state")
        driver.find_element(By.ID, "sync-button").click()
        wait(driver, lambda d: node(store, "status", "--json").stdout and
             json.loads(node(store, "status", "--json").stdout).get("pending_change_sets", -1) == 0, timeout=60)
        wait(driver, lambda d: (lambda st: st.get("lastResult", {}).get("ok") and st["pendingChanges"] == 0
                                and st["lastResult"]["message"] in state.text)(api_status(d)), timeout=30)
        print("after sync:", state.text)
        # The hub down: a calm message, nothing lost.
        hub_proc.terminate()
        hub_proc.wait(10)
        click_cell(driver, 1, 3)
        ActionChains(driver).send_keys("5" + Keys.ENTER).perform()
        wait(driver, settled)
        driver.find_element(By.ID, "sync-button").click()
        wait(driver, lambda d: (lambda st: st.get("lastResult", {}).get("ok") is False and st["pendingChanges"] > 0
                                and st["lastResult"]["message"] in state.text)(api_status(d)), timeout=90)
        print("hub down:", state.text)

        # «Выйти» locks: back to the login page, the API answers 401.
        driver.find_element(By.ID, "logout").click()
        wait(driver, lambda d: d.find_elements(By.ID, "passphrase"))
        status = driver.execute_script(
            "return fetch('/api/v1/classes', {credentials: 'same-origin'}).then(r => r.status)")
        assert status == 401, f"after logout /api/v1/classes answered {status}"

        # Idle lock: a second server with a 2-second idle time locks by itself.
        proc2, url2 = serve(store, "--idle-lock-seconds", "2")
        procs.append(proc2)
        unlock(driver, url2, PASSPHRASE)
        wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "table#grid td.cell"))
        time.sleep(3)
        status = driver.execute_script(
            "return fetch('/api/v1/classes', {credentials: 'same-origin'}).then(r => r.status)")
        assert status == 401, f"after the idle time /api/v1/classes answered {status}"
        wait(driver, lambda d: d.find_elements(By.ID, "passphrase"), timeout=20)  # the page went back by itself
        print("ok: unlock, keyboard entry, 3.5 refusal at its cell, lesson form with a control-work column, 200 % zoom, "
              "a submission graded into its lesson's column, КТП and its correction sheet, a substitution and its "
              "lesson, store agrees, two tabs, sync, hub down, logout, idle lock")
        return 0
    except Exception:
        traceback.print_exc()
        if driver is not None:
            try:
                path = os.path.join(ARTIFACTS, "failure.png")
                driver.save_screenshot(path)
                with open(os.path.join(ARTIFACTS, "failure.html"), "w", encoding="utf-8") as f:
                    f.write(driver.page_source)
                print(f"screenshot of the failure: {path}", file=sys.stderr)
            except Exception:
                pass
        return 1
    finally:
        if driver is not None:
            driver.quit()
        for p in procs:
            p.terminate()
            try:
                p.wait(5)
            except subprocess.TimeoutExpired:
                p.kill()
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
