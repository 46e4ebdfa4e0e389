#!/usr/bin/python3
"""Headless-browser test of `spad report` (ctest label "browser").

Writes a report with the spad binary, loads it from disk in Debian's chromium
(through chromedriver and python3-selenium, installed by
scripts/install-deps.sh), and checks what a person would see: no console
errors, the expected number of chart series, bars and table rows (counted
from `spad sweep --json` of the same network and capacity), and that clicking
a table header sorts the rows (ascending, then descending). Saves a
screenshot next to the report, under the build folder.

usage: report_browser_test.py SPAD_BINARY OUTPUT_DIR
"""
import json
import os
import subprocess
import sys

MODEL, BUFFER, SWEEP = "resnet18", "64KiB", "1KiB..1MiB:x2"
MACHINE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "examples",
                       "machines", "edge-npu.yaml")
# The baselines the per-layer bar chart shows (report/html_report.cpp).
SHOWN_BASELINES = ["weight_stationary", "output_stationary", "input_stationary",
                   "working_set", "hwce_v4"]


def fail(message):
    print("FAIL: " + message, file=sys.stderr)
    sys.exit(1)


def main():
    spad, out_dir = sys.argv[1], sys.argv[2]
    os.makedirs(out_dir, exist_ok=True)
    html = os.path.join(out_dir, "report.html")
    png = os.path.join(out_dir, "report.png")
    subprocess.run([spad, "report", "--model", MODEL, "--buffer", BUFFER, "--sweep", SWEEP,
                    "-o", html], check=True, stdout=subprocess.DEVNULL)
    sweep = json.loads(subprocess.run(
        [spad, "sweep", "--model", MODEL, "--buffers", BUFFER, "--baselines", "--per-layer",
         "--json"], check=True, capture_output=True, text=True).stdout)
    layers = sweep["rows"][0]["per_layer"]
    curve_points = len(json.loads(subprocess.run(
        [spad, "sweep", "--model", MODEL, "--buffers", SWEEP + "," + BUFFER, "--json"],
        check=True, capture_output=True, text=True).stdout)["rows"])
    expected_bars = 0
    for layer in layers:
        expected_bars += layer["traffic_bytes"] is not None
        expected_bars += sum(layer["baselines"][b] not in (None, 0) for b in SHOWN_BASELINES)
        expected_bars += layer["lower_bound_bytes"] > 0

    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
        from selenium.webdriver.common.by import By
    except ImportError:
        fail("python3-selenium is missing: run scripts/install-deps.sh")
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for arg in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1400,1000"]:
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    service = Service(executable_path="/usr/bin/chromedriver")
    driver = webdriver.Chrome(options=options, service=service)
    try:
        driver.get("file://" + os.path.abspath(html))
        count = lambda css: len(driver.find_elements(By.CSS_SELECTOR, css))
        if count("#curve path.series") != 3:
            fail("expected 3 series (optimum, compulsory, lower bound) in the curve, found %d"
                 % count("#curve path.series"))
        points = count("#curve circle.point")
        if points != 3 * curve_points:
            fail("expected %d curve points, found %d" % (3 * curve_points, points))
        if count("#layer-bars rect.bar") != expected_bars:
            fail("expected %d bars per layer chart, found %d"
                 % (expected_bars, count("#layer-bars rect.bar")))
        fits = sum(layer["traffic_bytes"] is not None for layer in layers)
        if count("#buffer-split rect.bar") > 3 * fits or count("#buffer-split rect.bar") < fits:
            fail("buffer split bars: %d for %d layers" % (count("#buffer-split rect.bar"), fits))
        rows = count("#layer-table tbody tr")
        if rows != len(layers):
            fail("expected %d table rows, found %d" % (len(layers), rows))
        if count("details.nest") != len(layers):
            fail("expected one loop nest per layer")

        # Sorting: click "traffic B" (column 4): ascending, then descending.
        header = driver.find_elements(By.CSS_SELECTOR, "#layer-table thead th")[4]
        if header.text.strip() != "traffic B":
            fail("column 4 is %r, not 'traffic B'" % header.text)
        column = lambda: [float(td.get_attribute("data-v")) for td in driver.find_elements(
            By.CSS_SELECTOR, "#layer-table tbody tr td:nth-child(5)")]
        before = column()
        header.click()
        ascending = column()
        if ascending != sorted(before):
            fail("one click did not sort ascending: %s" % ascending[:6])
        header.click()
        if column() != sorted(before, reverse=True):
            fail("a second click did not sort descending")
        if "sorted-desc" not in header.get_attribute("class"):
            fail("the sorted header is not marked")

        # Opening a loop nest shows it.
        first = driver.find_elements(By.CSS_SELECTOR, "details.nest summary")[0]
        first.click()
        nest = driver.find_elements(By.CSS_SELECTOR, "details.nest pre")[0]
        if "for " not in nest.text:
            fail("the first loop nest does not show its loops")

        errors = [e for e in driver.get_log("browser") if e.get("level") == "SEVERE"]
        if errors:
            fail("console errors: %s" % errors)

        height = driver.execute_script("return document.body.scrollHeight")
        driver.set_window_size(1400, min(int(height) + 40, 8000))
        driver.save_screenshot(png)

        # On a machine file: latency and energy bars and a roofline point per layer.
        accel_html = os.path.join(out_dir, "report-accel.html")
        subprocess.run([spad, "report", "--model", MODEL, "--machine", MACHINE, "--objective",
                        "latency", "--sweep", "16KiB..1MiB:x4", "-o", accel_html], check=True,
                       stdout=subprocess.DEVNULL)
        driver.set_window_size(1400, 1000)
        driver.get("file://" + os.path.abspath(accel_html))
        if count("#roofline circle.point[data-series='layers']") != len(layers):
            fail("expected %d roofline points, found %d" % (
                len(layers), count("#roofline circle.point[data-series='layers']")))
        if count("#latency-bars rect.bar") < len(layers):
            fail("latency bars missing")
        if count("#energy-bars rect.bar") < len(layers):
            fail("energy bars missing")
        errors = [e for e in driver.get_log("browser") if e.get("level") == "SEVERE"]
        if errors:
            fail("console errors on the accelerator report: %s" % errors)
        height = driver.execute_script("return document.body.scrollHeight")
        driver.set_window_size(1400, min(int(height) + 40, 8000))
        driver.save_screenshot(os.path.join(out_dir, "report-accel.png"))
        print("ok: %d layers, %d bars, sorted; screenshots %s, report-accel.png"
              % (rows, expected_bars, png))
    finally:
        driver.quit()


if __name__ == "__main__":
    main()
