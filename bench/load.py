"""Load test (issue 8): 200 shoppers for 60 s on gunicorn, PostgreSQL, Redis and OpenSearch.

Run by hand only, never as a test, on the loopback (see bench/README.md):

    .venv/bin/python bench/load.py [--users 200] [--run-time 60s] [--workers 3]

Starts gunicorn with the production settings (page cache on, as in production) on the demo
data, then locust headless (FastHttpUser) with the mix of bench/locustfile.py: home,
campaign, town, guide, shop, product, search page and autocomplete. Prints requests/s,
failures and p50/p95 per endpoint; any failure is an error of the run.
"""

import argparse
import csv
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.server import collect_static, free_port, gunicorn, production_env  # noqa: E402

HERE = Path(__file__).resolve().parent
LOCUST = str(Path(sys.executable).with_name("locust"))


def demo_url_lists(count: int = 20) -> dict[str, list[str]]:
    """Several pages of each kind, so the mix is not one page served from the cache."""
    import django  # noqa: PLC0415

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.base")
    django.setup()
    from campaigns.models import CampaignPage, SeasonalGuidePage, TownPage  # noqa: PLC0415
    from shops.queries import listed_products, listed_shops  # noqa: PLC0415

    def pages(model):
        return [page.url for page in model.objects.live().order_by("pk")[:count]]

    return {
        "home": ["/fr/", "/en/"],
        "campaign": pages(CampaignPage),
        "town": pages(TownPage),
        "guide": pages(SeasonalGuidePage),
        "shop": [s.get_absolute_url() for s in listed_shops().order_by("?")[: count * 5]],
        "product": [p.get_absolute_url() for p in listed_products().order_by("?")[: count * 5]],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=200)
    parser.add_argument("--spawn-rate", type=int, default=50)
    parser.add_argument("--run-time", default="60s")
    parser.add_argument("--workers", type=int, default=3)
    args = parser.parse_args()
    urls = demo_url_lists()
    port = free_port()
    collect_static(production_env(port))
    # Every simulated shopper comes from 127.0.0.1: the per-address limits of the search API,
    # autocompletion and the search page (meant for one visitor) would turn most of them away
    # with 429s.
    unlimited = {
        f"{name}_RATE": "1000000/m" for name in ("SEARCH_API", "AUTOCOMPLETE", "SEARCH_PAGE")
    }
    with tempfile.TemporaryDirectory() as tmp, gunicorn(port, args.workers, **unlimited) as base:
        env = dict(os.environ, LOAD_URLS=json.dumps(urls))
        subprocess.run(
            [
                LOCUST,
                "-f",
                str(HERE / "locustfile.py"),
                "--headless",
                "--host",
                base,
                "--users",
                str(args.users),
                "--spawn-rate",
                str(args.spawn_rate),
                "--run-time",
                args.run_time,
                "--csv",
                f"{tmp}/load",
                "--only-summary",
                "--loglevel",
                "WARNING",
            ],
            env=env,
            check=False,
        )
        with open(f"{tmp}/load_stats.csv", newline="") as handle:
            rows = list(csv.DictReader(handle))
    print(
        f"\nConditions: {os.cpu_count()} cores, gunicorn {args.workers} sync workers, "
        f"{args.users} users for {args.run_time}, page cache on"
    )
    print(
        f"{'endpoint':14} {'requests':>9} {'failures':>9} {'req/s':>8} {'p50 ms':>7} {'p95 ms':>7}"
    )
    failures = 0
    for row in rows:
        failures += int(row["Failure Count"]) if row["Name"] != "Aggregated" else 0
        print(
            f"{row['Name']:14} {row['Request Count']:>9} {row['Failure Count']:>9} "
            f"{float(row['Requests/s']):8.1f} {row['50%']:>7} {row['95%']:>7}"
        )
    print("errors: none" if failures == 0 else f"ERRORS: {failures} failed requests")


if __name__ == "__main__":
    main()
