#!/usr/bin/env python3
"""`make fuzz`, report part: reads fuzz/run.sh's results (target, wall milliseconds, exit status,
crash files) and each target's libFuzzer log, and writes the section `## Reliability (make fuzz)`
of docs/BENCHMARKS.md, replacing that section where it is and appending it otherwise. The archive
bench, which rewrites the file, keeps this section.
Usage: fuzz_report.py RESULTS.tsv LOG_DIR BENCHMARKS.md"""
import json
import os
import platform
import re
import sys

HEADING = "## Reliability (make fuzz)"


def figures(log):
    """Executions, libFuzzer's own seconds, edges covered and corpus size from a target's log."""
    text = open(log, encoding="utf-8", errors="replace").read() if os.path.exists(log) else ""
    execs = re.findall(r"stat::number_of_executed_units:\s*(\d+)", text)
    if not execs:  # a crash can cut the final stats short: take the last status line.
        execs = re.findall(r"^#(\d+)\s", text, re.M)
    done = re.findall(r"^Done (\d+) runs in (\d+) second", text, re.M)
    cov = re.findall(r"\bcov: (\d+) ft: (\d+) corp: (\d+)/", text)
    return {
        "execs": int(execs[-1]) if execs else 0,
        "seconds": int(done[-1][1]) if done else None,
        "cov": cov[-1] if cov else ("-", "-", "-"),
    }


def kept():
    """How many crashing inputs tests/fixtures/fuzz keeps."""
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fixtures", "fuzz", "expect.json")
    with open(path, encoding="utf-8") as f:
        return len(json.load(f))


def section(rows, logs):
    lines = [
        HEADING,
        "",
        "Every cargo-fuzz target (fuzz/, libFuzzer, coverage-guided, no sanitizer) run for a set time, "
        "one after another, seeded from tests/fixtures and fuzz/seeds. A crash is any panic inside laoke-core "
        "or an answer that is neither a value nor a coded error; each one found is fixed and kept in "
        "tests/fixtures/fuzz/, which `cargo test -p laoke-core` replays.",
        "",
        f"Machine: {platform.machine()}, {os.cpu_count()} cores. Inputs kept in tests/fixtures/fuzz after their fix: "
        f"{kept()} (see its README.md). Seconds are libFuzzer's own; for a run a crash cut short, the wall time "
        "(build included). Edges, features and corpus are libFuzzer's last figures; the corpus (fuzz/corpus/, not "
        "committed) grows from run to run.",
        "",
        "| target | executions | seconds | executions/s | edges | features | corpus | crashes |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for target, wall_ms, status, crashes in rows:
        f = figures(os.path.join(logs, target + ".log"))
        secs = f["seconds"] if f["seconds"] else int(wall_ms) / 1000
        rate = f["execs"] / secs if secs else 0
        found = int(crashes) if int(crashes) or status == "0" else max(int(crashes), 1)
        cov, ft, corp = f["cov"]
        lines.append(f"| {target} | {f['execs']:,} | {secs:g} | {rate:,.0f} | {cov} | {ft} | {corp} | {found} |")
    return "\n".join(lines) + "\n"


def replace(doc, new):
    """`doc` with its reliability section (up to the next `## ` heading) replaced by `new`, or `new` appended."""
    start = doc.find(HEADING)
    if start < 0:
        return doc.rstrip("\n") + "\n\n" + new if doc.strip() else new
    nxt = doc.find("\n## ", start + len(HEADING))
    rest = doc[nxt + 1:] if nxt >= 0 else ""
    return doc[:start] + new + ("\n" + rest if rest else "")


def main():
    results, logs, out = sys.argv[1:4]
    with open(results, encoding="utf-8") as f:
        rows = [line.rstrip("\n").split("\t") for line in f if line.strip()]
    doc = open(out, encoding="utf-8").read() if os.path.exists(out) else ""
    new = section(rows, logs)
    with open(out, "w", encoding="utf-8") as f:
        f.write(replace(doc, new))
    print(new)


if __name__ == "__main__":
    main()
