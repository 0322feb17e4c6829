"""Benchmark: requests/s and p50/p95 of the editorial pages, uncached then from the page cache.

Run by hand, never as a test (see bench/README.md). It starts gunicorn on the loopback with
the production settings on the services of the environment (PostgreSQL, Redis, OpenSearch)
and the demo data (`manage.py load_demo`), then drives it with wrk (apt install wrk), a C
load generator that does not itself become the bottleneck on a 2-core machine:

    .venv/bin/python bench/pages.py [--workers 3] [--seconds 10] [--connections 16]

Targets (issue 4): a guide page at ≥ 150 requests/s uncached and ≥ 1,000 requests/s cached.
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.server import collect_static, demo_urls, free_port, gunicorn, production_env  # noqa: E402

HERE = Path(__file__).resolve().parent
PAGES = ("home", "campaign", "town", "guide")
TARGETS = {"uncached": 150, "cached": 1000}


def wrk(url: str, seconds: int, connections: int, threads: int) -> dict:
    output = subprocess.run(
        [
            "wrk",
            f"-t{threads}",
            f"-c{connections}",
            f"-d{seconds}s",
            "--timeout",
            "10s",
            "-s",
            str(HERE / "wrk_report.lua"),
            url,
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=seconds + 30,
    ).stdout
    line = next(line for line in output.splitlines() if line.startswith("WRK "))
    result = json.loads(line[4:])
    result["rps"] = result["requests"] / (result["duration_us"] / 1e6)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--threads", type=int, default=1)
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is missing: apt-get install wrk")
    for name in ("DATABASE_URL", "REDIS_URL", "SEARCH_URL"):
        if not os.environ.get(name):
            raise SystemExit(f"{name} is not set: the benchmark runs on the real services")

    urls = demo_urls()
    port = free_port()
    collect_static(production_env(port))
    from shops.models import Product, Shop  # noqa: PLC0415

    print(
        f"Conditions: {os.cpu_count()} cores, gunicorn {args.workers} sync workers, wrk "
        f"{args.threads} thread(s) x {args.connections} connections x {args.seconds} s per "
        f"page; {Shop.objects.count()} shops, {Product.objects.count()} products; "
        f"search {os.environ.get('SEARCH_ENGINE')}"
    )
    results = {}
    for mode, enabled in (("uncached", "false"), ("cached", "true")):
        with gunicorn(port, args.workers, PAGE_CACHE_ENABLED=enabled) as base:
            for page in PAGES:
                url = base + urls[page]
                # Warm-up: the worker's imports, Wagtail's site lookup and, cached, the entry.
                for _ in range(3 * args.workers):
                    with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310
                        state = response.headers.get("X-Page-Cache", "-")
                result = wrk(url, args.seconds, args.connections, args.threads)
                results[(mode, page)] = result
                errors = result["socket_errors"] + result["http_errors"]
                print(
                    f"{mode:9} {page:9} {result['rps']:8,.0f} req/s  p50 "
                    f"{result['p50_us'] / 1000:6.1f} ms  p95 {result['p95_us'] / 1000:6.1f} ms  "
                    f"errors {errors}  (X-Page-Cache: {state}, {urls[page]})"
                )
    for mode, target in TARGETS.items():
        rps = results[(mode, "guide")]["rps"]
        verdict = "met" if rps >= target else "MISSED"
        print(f"target guide {mode} >= {target} req/s: {rps:,.0f} -> {verdict}")


if __name__ == "__main__":
    main()
