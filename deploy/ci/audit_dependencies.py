"""Fail when an installed package has a known vulnerability that a newer release fixes.

Runs pip-audit on the environment (`make test` calls it after ruff) and reads its JSON report:
pip-audit can fail on every known vulnerability, not only on those with a fix, and a
vulnerability nobody can fix yet should not block the project. Reviewed exceptions live in
deploy/ci/audit-ignore.txt, one advisory id per line followed by `#` and the reason.

If the advisory service (PyPI's per-release JSON API) cannot be reached, the audit says so
loudly and, with AUDIT_REQUIRED=1 (a CI runner that has the access), fails. Without it the
build goes on: some networks, this project's own build machines included, reach PyPI's
package index but not its advisory data, and an audit that cannot look must not stop every
other check.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

IGNORE_FILE = Path(__file__).with_name("audit-ignore.txt")
# The project itself is installed in the environment but is not published on PyPI.
OWN_PACKAGES = {"local-dabord"}


def reviewed_exceptions(path: Path = IGNORE_FILE) -> dict[str, str]:
    """Advisory id → reason; a line without a reason is refused, so every exception is argued."""
    exceptions = {}
    for number, line in enumerate(path.read_text().splitlines(), start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        advisory, _, reason = (part.strip() for part in line.partition("#"))
        if not reason:
            raise SystemExit(f"{path}:{number}: {advisory} needs a reason after '#'")
        exceptions[advisory] = reason
    return exceptions


def fixable_vulnerabilities(report: dict, ignored: dict[str, str]) -> list[str]:
    found = []
    for dependency in report.get("dependencies", []):
        for vulnerability in dependency.get("vulns", []):
            ids = {vulnerability["id"], *vulnerability.get("aliases", [])}
            if not vulnerability.get("fix_versions") or ids & ignored.keys():
                continue
            found.append(
                f"{dependency['name']} {dependency['version']}: {vulnerability['id']} "
                f"(fixed in {', '.join(vulnerability['fix_versions'])})"
            )
    return found


def unaudited_packages(report: dict) -> list[str]:
    """Packages pip-audit skipped: the advisory service had no answer for them.

    A mirror or proxy that lacks PyPI's per-release JSON makes every package "not found on
    PyPI"; passing then would mean passing without having looked.
    """
    return [
        f"{dependency['name']}: {dependency['skip_reason']}"
        for dependency in report.get("dependencies", [])
        if "skip_reason" in dependency and dependency["name"] not in OWN_PACKAGES
    ]


def impossible(message: str) -> int:
    required = os.environ.get("AUDIT_REQUIRED") == "1"
    print(
        ("" if required else "WARNING — not checked: ")
        + message
        + ("" if required else " Set AUDIT_REQUIRED=1 to make this an error."),
        file=sys.stderr,
    )
    return 2 if required else 0


def main() -> int:
    ignored = reviewed_exceptions()
    result = subprocess.run(
        [sys.executable, "-m", "pip_audit", "--format", "json", "--progress-spinner", "off"],
        capture_output=True,
        text=True,
        check=False,
    )
    try:
        report = json.loads(result.stdout)
    except json.JSONDecodeError:
        return impossible(
            "Dependency audit impossible: pip-audit could not query the advisory service "
            "(PyPI). Check the network.\n" + result.stderr.strip()
        )
    unaudited = unaudited_packages(report)
    if unaudited:
        for line in unaudited[:5]:
            print(f"  {line}", file=sys.stderr)
        return impossible(
            f"Dependency audit impossible for {len(unaudited)} packages: the advisory service "
            "(PyPI's JSON API, https://pypi.org/pypi/<name>/<version>/json) did not answer "
            "for them. Check that it is reachable from this machine."
        )
    found = fixable_vulnerabilities(report, ignored)
    audited = sum(1 for dependency in report.get("dependencies", []) if "vulns" in dependency)
    if found:
        print("Known vulnerabilities with a fix available — upgrade these pins:", file=sys.stderr)
        for line in found:
            print(f"  {line}", file=sys.stderr)
        return 1
    print(f"Dependency audit: {audited} packages, no fixable known vulnerability.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
