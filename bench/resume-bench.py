#!/usr/bin/env python3
"""Resume rendering benchmark.

Renders one resume (default: Sites/example/resume.yaml) to HTML, DOCX, TXT, MD, JSON and
YAML in one process, several times, and prints the in-process time of all of them
together (target: under 50 ms in a release build), the PDF separately (dominated by
Chromium's start), and the wall time of the whole command.

Usage: bench/resume-bench.py FOLIO_BINARY [--resume FILE] [--runs N]
Not a test: nothing here fails on a time.
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folio")
    parser.add_argument("--resume", default=os.path.join(HERE, "..", "Sites", "example", "resume.yaml"))
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    env = dict(os.environ, FOLIO_TIMINGS="1")
    rendered, pdf, wall = [], [], []
    for _ in range(args.runs):
        with tempfile.TemporaryDirectory() as out:
            start = time.perf_counter()
            run = subprocess.run([args.folio, "resume", "render", args.resume, "--all", "-o", out],
                                 capture_output=True, text=True, env=env)
            wall.append(time.perf_counter() - start)
            if run.returncode != 0:
                sys.exit(run.stderr)
            rendered.append(float(re.search(r"all but pdf\s+([\d.]+) ms", run.stderr).group(1)))
            found = re.search(r"pdf\s+([\d.]+) ms", run.stderr)
            if found:
                pdf.append(float(found.group(1)))
    best = min(rendered)
    print(f"Resume benchmark: {os.path.relpath(args.resume)}, best of {args.runs} runs")
    print(f"  html+docx+txt+md+json+yaml in one process: {best:.2f} ms  (target < 50 ms: {best / 50:.2f} of the budget)")
    if pdf:
        print(f"  pdf (headless Chromium):                   {min(pdf):.0f} ms")
    else:
        print("  pdf: skipped, Chromium is not installed")
    print(f"  whole command, wall time (all formats{', pdf included' if pdf else ''}): {min(wall) * 1000:.0f} ms")


if __name__ == "__main__":
    main()
