#!/usr/bin/env python3
"""Prints the strong-scaling table of a compare --format json file as Markdown: per schedule, one row
per strategy, its median in ms and its speed-up over sequential at each thread count.

    python3 bench/device/table.py OUT/strong-scaling.json
"""
import json
import sys


def main(path):
    doc = json.load(open(path))
    rows = [r for r in doc["results"] if r.get("identical") and r["strategy"] != "sequential"]
    threads = sorted({r["threads"] for r in rows})
    by = {(r["strategy"], r["schedule"], r["threads"]): r for r in rows}
    sequential = [r for r in doc["results"] if r["strategy"] == "sequential"]
    if sequential:
        print("sequential: %.1f ms" % sequential[0]["median_ms"])
    for schedule in sorted({r["schedule"] for r in rows}):
        print("\n`%s`, median ms (speed-up)\n" % schedule)
        print("| strategy | " + " | ".join("%dT" % t for t in threads) + " |")
        print("|---|" + "---:|" * len(threads))
        for strategy in sorted({r["strategy"] for r in rows}):
            cells = []
            for t in threads:
                r = by.get((strategy, schedule, t))
                cells.append("" if r is None else "%.1f (%.2f)" % (r["median_ms"], r["speedup"] or float("nan")))
            print("| %s | %s |" % (strategy, " | ".join(cells)))
    wrong = [r for r in doc["results"] if not r.get("identical")]
    print("\nall results identical to the reference" if not wrong else "\nNOT IDENTICAL: %d rows" % len(wrong))


if __name__ == "__main__":
    main(sys.argv[1])
