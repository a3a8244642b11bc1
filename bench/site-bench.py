#!/usr/bin/env python3
"""Site benchmark: Folio vs Hugo on the same generated Markdown pages.

Generates N pages (front matter with title, date, tags; headings, a list, a table, a
code block, links), builds them with `folio build` and with Hugo over an equivalent
minimal layout (base, page, list with pagination, tags, RSS, sitemap), and prints
pages/s, the ratio, peak memory, and the time of a rebuild after editing one page.

Usage: bench/site-bench.py FOLIO_BINARY [--pages N] [--runs R] [--workdir DIR]

pages/s is source pages (N) per second of wall time, the same measure for both tools
(Hugo also writes page/1/ redirect pages, so their HTML counts differ). --workdir puts
the sites elsewhere, e.g. on a tmpfs (/dev/shm/folio-bench) to leave the disk out.
Not a test: nothing here fails on a time.
"""
import argparse
import os
import random
import resource
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
WORK = os.path.join(HERE, "work")
TAGS = ["swift", "go", "rust", "python", "databases", "career", "design", "testing", "linux", "cloud",
        "kubernetes", "sql", "frontend", "backend", "security", "devops", "writing", "talks", "hiring", "ml"]
SECTIONS = ["posts", "notes", "projects", "talks"]


def page_text(i, rng):
    tags = rng.sample(TAGS, 3)
    day = 1 + i % 28
    month = 1 + (i // 28) % 12
    year = 2015 + (i // 336) % 10
    other = rng.randrange(max(1, i))
    return f"""---
title: "Page number {i}: notes on {tags[0]} and {tags[1]}"
date: {year:04d}-{month:02d}-{day:02d}
tags: [{", ".join(tags)}]
summary: "A short summary of page {i} about {tags[0]}."
---
An opening paragraph for page {i} with *emphasis*, **strong text**, `inline code` and a
[link to another page](/{SECTIONS[other % len(SECTIONS)]}/p{other}/). It talks about {tags[0]}, {tags[1]} and {tags[2]}.

## Background

Some background that runs for a few sentences so that the page has realistic length.
The quick brown fox jumps over the lazy dog. Pack my box with five dozen liquor jugs.

- first point about {tags[0]}
- second point with a [link](https://example.com/{i})
- third point

## Details

| Metric | Before | After |
|--------|-------:|------:|
| Latency | {i % 100} ms | {i % 50} ms |
| Errors | {i % 7} | 0 |

```swift
func page{i}() -> Int {{
    let values = [1, 2, 3]
    return values.reduce(0, +) + {i}
}}
```

### Conclusion

A closing paragraph that links back [home](/) and ends the page.
"""


def generate(root, n, with_folio_config):
    rng = random.Random(42)
    if os.path.exists(root):
        shutil.rmtree(root)
    for s in SECTIONS:
        os.makedirs(os.path.join(root, "content", s))
        with open(os.path.join(root, "content", s, "_index.md"), "w") as f:
            f.write(f"---\ntitle: {s.title()}\n---\nAll {s}.\n")
    with open(os.path.join(root, "content", "_index.md" if not with_folio_config else "index.md"), "w") as f:
        f.write("---\ntitle: Bench\n---\nThe home page.\n")
    for i in range(n):
        section = SECTIONS[i % len(SECTIONS)]
        with open(os.path.join(root, "content", section, f"p{i}.md"), "w") as f:
            f.write(page_text(i, rng))
    if with_folio_config:
        with open(os.path.join(root, "folio.yaml"), "w") as f:
            f.write("title: Bench\nbaseURL: https://bench.example/\ntheme: bench\npaginate: 10\n")
        shutil.copytree(os.path.join(HERE, "theme"), os.path.join(root, "themes", "bench"))
    else:
        with open(os.path.join(root, "config.toml"), "w") as f:
            f.write('baseURL = "https://bench.example/"\ntitle = "Bench"\npaginate = 10\n')
        shutil.copytree(os.path.join(HERE, "hugo", "layouts"), os.path.join(root, "layouts"))


def run(cmd, cwd=None):
    """Runs cmd in a fresh child; returns (seconds, peak RSS in MiB of that child)."""
    wrapper = [sys.executable, "-c",
               "import resource,subprocess,sys,time;t=time.perf_counter();"
               "r=subprocess.run(sys.argv[1:],stdout=subprocess.DEVNULL,stderr=subprocess.PIPE);"
               "e=time.perf_counter()-t;"
               "m=resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss;"
               "sys.stderr.write(r.stderr.decode()[-2000:]) if r.returncode else None;"
               "print(e,m,r.returncode)"] + cmd
    out = subprocess.run(wrapper, cwd=cwd, capture_output=True, text=True)
    seconds, rss_kib, code = out.stdout.split()
    if code != "0":
        sys.exit(f"command failed: {' '.join(cmd)}\n{out.stderr}")
    return float(seconds), int(rss_kib) / 1024


def count_pages(public):
    return sum(1 for _, _, files in os.walk(public) for f in files if f.endswith(".html"))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folio")
    parser.add_argument("--pages", type=int, default=10000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--workdir", default=WORK, help="where to generate and build the sites (default: bench/work)")
    args = parser.parse_args()
    hugo = shutil.which("hugo")
    if not hugo:
        sys.exit("hugo is not installed (make bench installs it: apt-get install hugo)")

    folio_site = os.path.join(args.workdir, "folio-site")
    hugo_site = os.path.join(args.workdir, "hugo-site")
    generate(folio_site, args.pages, True)
    generate(hugo_site, args.pages, False)
    fs = subprocess.run(["df", "--output=fstype", args.workdir], capture_output=True, text=True).stdout.split()[-1]
    print(f"Site benchmark: {args.pages} Markdown pages, {os.cpu_count()} cores, best of {args.runs} runs, {fs} at {args.workdir}")
    print(f"  {subprocess.run([hugo, 'version'], capture_output=True, text=True).stdout.split()[1]} vs folio {args.folio}")

    def best(label, prepare, cmd, cwd=None):
        results = []
        for _ in range(args.runs):
            prepare()
            results.append(run(cmd, cwd))
        seconds = min(r[0] for r in results)
        peak = max(r[1] for r in results)
        return seconds, peak

    def clean_folio():
        shutil.rmtree(os.path.join(folio_site, "public"), ignore_errors=True)
        shutil.rmtree(os.path.join(folio_site, ".folio-cache"), ignore_errors=True)

    def clean_hugo():
        shutil.rmtree(os.path.join(hugo_site, "public"), ignore_errors=True)
        shutil.rmtree(os.path.join(hugo_site, "resources"), ignore_errors=True)

    hugo_s, hugo_mem = best("hugo", clean_hugo, [hugo, "--quiet", "--source", hugo_site])
    hugo_pages = count_pages(os.path.join(hugo_site, "public"))
    folio_s, folio_mem = best("folio", clean_folio, [args.folio, "build", folio_site, "--no-gzip"])
    folio_pages = count_pages(os.path.join(folio_site, "public"))
    gz_s, gz_mem = best("folio+gz", clean_folio, [args.folio, "build", folio_site])

    # Rebuild after editing one page (output and cache from the previous build kept).
    edited = os.path.join(folio_site, "content", "posts", "p0.md")
    original = open(edited).read()
    counter = [0]

    def edit():
        counter[0] += 1
        with open(edited, "w") as f:
            f.write(original.replace("An opening paragraph", f"An edited ({counter[0]}) opening paragraph"))
    rebuild_s, rebuild_mem = best("rebuild", edit, [args.folio, "build", folio_site])
    with open(edited, "w") as f:
        f.write(original)

    n = args.pages
    print(f"  {'':30} {'seconds':>8} {'pages/s':>9} {'HTML files':>10} {'peak MiB':>9}")
    print(f"  {'hugo':30} {hugo_s:8.2f} {n / hugo_s:9.0f} {hugo_pages:10d} {hugo_mem:9.0f}")
    print(f"  {'folio build --no-gzip':30} {folio_s:8.2f} {n / folio_s:9.0f} {folio_pages:10d} {folio_mem:9.0f}")
    print(f"  {'folio build (also writes .gz)':30} {gz_s:8.2f} {n / gz_s:9.0f} {folio_pages:10d} {gz_mem:9.0f}")
    print(f"  {'folio rebuild, 1 page edited':30} {rebuild_s:8.2f} {'':9} {'':10} {rebuild_mem:9.0f}")
    print(f"  speed folio/hugo (like for like, no .gz): {hugo_s / folio_s:.2f}x  (target >= 1, aim 2)")
    print(f"  peak memory folio/hugo: {folio_mem / hugo_mem:.2f}  (target <= 1)")
    print(f"  rebuild / full build (both with .gz): {100 * rebuild_s / gz_s:.1f}%  (target < 10%)")


if __name__ == "__main__":
    main()
