"""The shoppers of bench/load.py: a realistic mix of pages, searches and autocompletion.

LOAD_URLS (JSON, written by load.py) names the demo's pages; weights say how often each is
visited. Every request is named by its endpoint, so locust reports p50/p95 per endpoint.
"""

import json
import os
import random

from locust import FastHttpUser, between, task

URLS = json.loads(os.environ.get("LOAD_URLS", "{}"))
WORDS = ["miel", "chocolat", "livre", "fromage", "savon", "jouet", "bougie", "vin", "the"]
PREFIXES = ["mi", "cho", "lib", "fro", "sav", "jou", "bou", "tou", "orl"]


class Shopper(FastHttpUser):
    # A person reads a page for a moment before the next click.
    wait_time = between(0.5, 1.5)

    def page(self, name):
        with self.client.get(random.choice(URLS[name]), name=name, catch_response=True) as r:
            if r.status_code != 200:
                r.failure(f"HTTP {r.status_code}")

    @task(4)
    def home(self):
        self.page("home")

    @task(2)
    def campaign(self):
        self.page("campaign")

    @task(3)
    def town(self):
        self.page("town")

    @task(2)
    def guide(self):
        self.page("guide")

    @task(3)
    def shop(self):
        self.page("shop")

    @task(3)
    def product(self):
        self.page("product")

    @task(2)
    def search(self):
        self.client.get(f"/fr/recherche/?q={random.choice(WORDS)}", name="search")

    @task(3)
    def autocomplete(self):
        self.client.get(f"/api/autocomplete/?q={random.choice(PREFIXES)}", name="autocomplete")
