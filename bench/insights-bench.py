#!/usr/bin/env python3
"""ATS and matching benchmark (issue 7).

Generates N job postings (default 1,000) from the fixture postings of five fields, with
varied titles, companies, cities and shuffled lines, imports them into a fresh replica
with one `folio jobs import`, then times:

  - `folio match --resume RESUME --jobs all`: ranking every posting against one resume
    (target: under 1 s), as wall time of the whole command (process start, reading the
    postings from SQLite, analysing and ranking them), plus the in-process split that
    FOLIO_TIMINGS=1 prints;
  - `folio ats RESUME --job POSTING` on one posting file (target: under 100 ms), wall time.

Usage: bench/insights-bench.py FOLIO_BINARY [--postings N] [--runs R]
Not a test: nothing here fails on a time.
"""
import argparse
import os
import random
import re
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(HERE, "..", "Tests", "FolioInsightsTests", "Fixtures")
TEXT_POSTINGS = ["software-backend.txt", "software-frontend.md", "teaching-elementary.txt"]
CITIES = ["Berlin", "Chicago", "Austin, TX", "Hyderabad", "London", "Remote", "New York, NY", "Toronto", "Pune", "Madrid"]
COMPANIES = ["Acme", "Globex", "Initech", "Umbrella", "Hooli", "Stark", "Wayne", "Tyrell", "Cyberdyne", "Soylent"]


def sources():
    """Plain-text bodies of the fixture postings: text files as they are, the rest through folio."""
    texts = []
    for name in TEXT_POSTINGS:
        with open(os.path.join(FIXTURES, "postings", name), encoding="utf-8") as f:
            texts.append(f.read())
    return texts


def posting(i, bodies, rng):
    body = rng.choice(bodies).splitlines()
    head, rest = body[0], body[1:]
    rng.shuffle(rest)
    title = head.split(" at ")[0].split(" - ")[0]
    return f"{title} {i} at {rng.choice(COMPANIES)} {i}\nLocation: {rng.choice(CITIES)}\n" + "\n".join(rest) + "\n"


def run(cmd, env=None):
    start = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True, env=env)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed:\n{done.stderr}")
    return elapsed, done


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folio")
    parser.add_argument("--postings", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    rng = random.Random(7)
    resume = os.path.join(FIXTURES, "resumes", "software.json")
    with tempfile.TemporaryDirectory() as work:
        store = os.path.join(work, "replica.sqlite")
        bodies = sources()
        files = []
        for i in range(args.postings):
            path = os.path.join(work, f"posting-{i:04d}.txt")
            with open(path, "w", encoding="utf-8") as f:
                f.write(posting(i, bodies, rng))
            files.append(path)
        imported, _ = run([args.folio, "jobs", "import", "--store", store] + files)
        env = dict(os.environ, FOLIO_TIMINGS="1")
        walls, splits = [], []
        for _ in range(args.runs):
            wall, done = run([args.folio, "match", "--resume", resume, "--jobs", "all", "--limit", "5", "--store", store], env)
            walls.append(wall)
            found = re.search(r"analyse (\d+) postings\s+([\d.]+) ms, rank\s+([\d.]+) ms", done.stderr)
            if found:
                splits.append((float(found.group(2)), float(found.group(3))))
        ats = []
        job = os.path.join(FIXTURES, "postings", "software-backend.txt")
        for _ in range(args.runs * 2):
            wall, _ = run([args.folio, "ats", resume, "--job", job, "--store", store])
            ats.append(wall)
    best = min(walls)
    print(f"Insights benchmark: {args.postings} postings, best of {args.runs} runs")
    print(f"  folio jobs import of {args.postings} files (one command): {imported * 1000:.0f} ms")
    print(f"  folio match --resume --jobs all, wall: {best * 1000:.0f} ms  (target < 1000 ms: {best / 1.0:.2f} of the budget)")
    if splits:
        load, rank = min(splits)
        print(f"    in process: read and analyse {load:.0f} ms, score and rank {rank:.0f} ms")
    best_ats = min(ats)
    print(f"  folio ats RESUME --job FILE, wall: {best_ats * 1000:.1f} ms  (target < 100 ms: {best_ats / 0.1:.2f} of the budget)")


if __name__ == "__main__":
    main()
