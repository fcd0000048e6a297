#!/usr/bin/env python3
"""bench_web_grid: the web journal (tabel-node serve) in headless Chromium with a class year in the store (issue 10
item 10). A report, not a test: it prints a table; tests/bench/README.md has the figures.

    /usr/bin/python3 tests/bench/bench_web_grid.py [--build DIR] [--rounds N]

Setup (not timed): bench_node_year --only store-year writes the deterministic class year (30 pupils, 12 subjects,
1,020 lessons, ~58,000 marks and absences, one teacher) into a store, the demo calendar is imported, `tabel-node
serve` starts on it and the page is unlocked once. Then, in Chromium (--headless, Debian's package):
  grid/quarter   navigation to /journal?class&subject&from&to → the grid drawn (performance mark
                 «tabel-grid-ready», set in the frame after the grid is in the page): the subject with the most
                 lessons, 1st quarter
  grid/~50       the same over the first half-year (about 50 lesson columns)
  mark           one mark typed into a cell and Enter → the answer that it is stored (performance measure
                 «tabel-save»: from the keypress to the answer of POST /api/v1/cells)
  column/30      Ctrl+Enter puts a mark into the 30 empty cells of a new lesson: keypress → stored, one request
  serve RSS      VmRSS and VmHWM of the serve process at the end
"""
import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

PASSPHRASE = "bench-passphrase-2026"  # bench_node_year's
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def run(*cmd, env=None):
    r = subprocess.run(cmd, capture_output=True, text=True, env=env)
    if r.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed ({r.returncode}): {r.stdout}{r.stderr}")
    return r.stdout


def wait(driver, what, timeout=30):
    return WebDriverWait(driver, timeout, poll_frequency=0.01).until(lambda d: what(d))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", default=os.path.join(ROOT, "build"))
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()
    node = os.path.join(args.build, "node/cli/tabel-node")
    year_bench = os.path.join(args.build, "tests/bench/bench_node_year")
    tmp = tempfile.mkdtemp(prefix="tabel-bench-web-")
    env = dict(os.environ, TABEL_PASSPHRASE=PASSPHRASE, TABEL_LANG="en")
    serve = driver = None
    try:
        t0 = time.monotonic()
        run(year_bench, "--only", "store-year", "--dir", os.path.join(tmp, "year"))
        store = os.path.join(tmp, "year", "store-year")
        run(node, "--store", store, "import", "calendar", os.path.join(ROOT, "deploy/demo/calendar.csv"), env=env)
        print(f"setup: class year written in {time.monotonic() - t0:.1f} s")

        serve = subprocess.Popen([node, "--store", store, "serve", "--listen", "127.0.0.1:0", "--today",
                                  "2026-12-04", "--sync-every", "0"], stdout=subprocess.PIPE, text=True, env=env)
        url = re.search(r"http://127\.0\.0\.1:\d+/", serve.stdout.readline()).group(0)

        options = webdriver.ChromeOptions()
        options.binary_location = "/usr/bin/chromium"
        for a in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                  f"--user-data-dir={os.path.join(tmp, 'profile')}", "--window-size=1600,1000"):
            options.add_argument(a)
        driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
        driver.get(url)
        wait(driver, lambda d: d.find_element(By.ID, "passphrase")).send_keys(PASSPHRASE + Keys.ENTER)
        wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "table#grid td.cell"))

        fetch = "return fetch(arguments[0], {credentials: 'same-origin'}).then(r => r.json())"
        classes = driver.execute_script(fetch, "/api/v1/classes")["assignments"]
        best = None
        for a in classes:
            q = f"/api/v1/journal?class={a['class']}&subject={a['subject']}&group={a['group']}" \
                "&from=2026-09-01&to=2026-10-24"
            n = len(driver.execute_script(fetch, q)["columns"])
            if best is None or n > best[1]:
                best = (a, n)
        a = best[0]
        base = f"{url}journal?class={a['class']}&subject={a['subject']}&group={a['group']}"

        def grid_ready(query):
            times, columns, rows = [], 0, 0
            for _ in range(args.rounds):
                driver.get(base + query)
                ready = wait(driver, lambda d: d.execute_script(
                    "const e = performance.getEntriesByName('tabel-grid-ready'); return e.length ? e[0].startTime : 0"))
                times.append(ready)
                columns = len(driver.find_elements(By.CSS_SELECTOR, "table#grid th.lesson"))
                rows = len(driver.find_elements(By.CSS_SELECTOR, "table#grid tbody tr"))
            return times, columns, rows

        results = []
        t, cols, rows = grid_ready("&from=2026-09-01&to=2026-10-24")
        results.append(("grid/quarter", f"{rows} × {cols}", t))
        t, cols, rows = grid_ready("&from=2026-09-01&to=2026-12-28")
        results.append(("grid/~50", f"{rows} × {cols}", t))

        # One mark at a time: cells holding a mark (not an absence), each typed over with another mark.
        driver.get(base + "&from=2026-09-01&to=2026-10-24")
        wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "table#grid td.cell"))
        driver.execute_script("performance.clearMeasures('tabel-save')")
        cells = driver.execute_script(
            "return [...document.querySelectorAll('table#grid td.cell')].filter(td => /^[2-5]/.test(td.textContent))"
            ".slice(0, 40).map(td => [td.dataset.r, td.dataset.c, td.textContent.trim()[0]])")
        done = 0
        for r, c, v in cells[: max(20, args.rounds * 4)]:
            td = driver.find_element(By.CSS_SELECTOR, f'td.cell[data-r="{r}"][data-c="{c}"]')
            driver.execute_script("arguments[0].scrollIntoView({block: 'center', inline: 'center'})", td)
            td.click()
            ActionChains(driver).send_keys(("4" if v != "4" else "5") + Keys.ENTER).perform()
            done += 1
            wait(driver, lambda d: d.execute_script(
                "return performance.getEntriesByName('tabel-save').length") >= done)
        marks = driver.execute_script("return performance.getEntriesByName('tabel-save').map(e => e.duration)")
        results.append(("mark", f"{len(marks)} × 1 cell", marks))

        # A column of 30: a new lesson (a Saturday, outside the timetable) has 30 empty cells.
        columns = []
        for i, day in enumerate(["2026-09-05", "2026-09-12", "2026-09-19", "2026-09-26", "2026-10-03"][: args.rounds]):
            key = f"{a['class']}/{a['subject']}/{a['group']}/{day}/1"
            driver.execute_script(
                "return fetch('/api/v1/session', {credentials: 'same-origin'}).then(r => r.json()).then(s => "
                "fetch('/api/v1/lesson', {method: 'POST', credentials: 'same-origin', headers: {'Content-Type': "
                "'application/json', 'X-CSRF-Token': s.csrf}, body: JSON.stringify({lesson: arguments[0], topic: "
                "'Контрольная работа'})})).then(r => r.status)", key)
            driver.get(base + "&from=2026-09-01&to=2026-10-24")
            wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "table#grid td.cell"))
            col = driver.execute_script(
                "return [...document.querySelectorAll('table#grid button.col-head')].findIndex(b => "
                "b.parentElement && b.title.startsWith(arguments[0]))",
                f"{day[8:10]}.{day[5:7]}.{day[0:4]}")
            td = driver.find_element(By.CSS_SELECTOR, f'td.cell[data-r="0"][data-c="{col}"]')
            driver.execute_script("arguments[0].scrollIntoView({block: 'center', inline: 'center'})", td)
            td.click()
            ActionChains(driver).send_keys("5").key_down(Keys.CONTROL).send_keys(Keys.ENTER).key_up(
                Keys.CONTROL).perform()
            wait(driver, lambda d: d.execute_script("return performance.getEntriesByName('tabel-save').length") >= 1)
            m = driver.execute_script(
                "return performance.getEntriesByName('tabel-save').map(e => [e.duration, e.detail.cells])")
            columns.append(m[0][0])
            assert m[0][1] == 30, m
        results.append(("column/30", f"{len(columns)} × 30 cells", columns))

        status = open(f"/proc/{serve.pid}/status").read()
        rss = int(re.search(r"VmRSS:\s+(\d+)", status).group(1)) / 1024
        hwm = int(re.search(r"VmHWM:\s+(\d+)", status).group(1)) / 1024

        print(f"data: {a['class']} {a['subject']} ({a['subjectName']}), the subject with most lessons; "
              f"Chromium {driver.capabilities.get('browserVersion')}")
        print(f"{'phase':<14} {'size':<16} {'median ms':>10} {'p90 ms':>8} {'max ms':>8}")
        for name, size, values in results:
            values = sorted(values)
            p90 = values[min(len(values) - 1, int(len(values) * 0.9))]
            print(f"{name:<14} {size:<16} {statistics.median(values):>10.1f} {p90:>8.1f} {max(values):>8.1f}")
        print(f"serve RSS {rss:.1f} MiB, peak {hwm:.1f} MiB")
        return 0
    finally:
        if driver is not None:
            driver.quit()
        if serve is not None:
            serve.terminate()
            serve.wait(10)
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
