"""The dependency audit of `make test`: which pip-audit findings fail the build."""

import importlib.util
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "deploy" / "ci" / "audit_dependencies.py"
spec = importlib.util.spec_from_file_location("audit_dependencies", SCRIPT)
audit = importlib.util.module_from_spec(spec)
spec.loader.exec_module(audit)


def report(*dependencies):
    return {"dependencies": list(dependencies), "fixes": []}


FIXABLE = {
    "name": "django",
    "version": "5.2.1",
    "vulns": [{"id": "PYSEC-2025-1", "aliases": ["CVE-2025-1"], "fix_versions": ["5.2.2"]}],
}
UNFIXED = {
    "name": "ijson",
    "version": "3.3",
    "vulns": [{"id": "GHSA-xxxx", "aliases": [], "fix_versions": []}],
}
CLEAN = {"name": "nh3", "version": "0.3.0", "vulns": []}


def test_a_vulnerability_with_a_fix_fails_the_audit():
    found = audit.fixable_vulnerabilities(report(FIXABLE, UNFIXED, CLEAN), ignored={})
    assert found == ["django 5.2.1: PYSEC-2025-1 (fixed in 5.2.2)"]


def test_a_reviewed_exception_is_ignored_by_id_or_alias():
    assert audit.fixable_vulnerabilities(report(FIXABLE), ignored={"CVE-2025-1": "why"}) == []
    assert audit.fixable_vulnerabilities(report(FIXABLE), ignored={"PYSEC-2025-1": "why"}) == []


def test_packages_the_advisory_service_did_not_answer_for_are_reported():
    skipped = {"name": "celery", "skip_reason": "Dependency not found on PyPI"}
    own = {"name": "local-dabord", "skip_reason": "Dependency not found on PyPI"}
    assert audit.unaudited_packages(report(CLEAN, skipped, own)) == [
        "celery: Dependency not found on PyPI"
    ]


def test_every_exception_must_give_its_reason(tmp_path):
    ignore = tmp_path / "audit-ignore.txt"
    ignore.write_text("# header\n\nGHSA-aaaa  # only reachable through the admin\n")
    assert audit.reviewed_exceptions(ignore) == {"GHSA-aaaa": "only reachable through the admin"}
    ignore.write_text("GHSA-bbbb\n")
    with pytest.raises(SystemExit, match="needs a reason"):
        audit.reviewed_exceptions(ignore)


def test_the_reviewed_exceptions_file_is_valid():
    audit.reviewed_exceptions()


def test_an_audit_that_cannot_look_fails_only_where_it_is_required(monkeypatch, capsys):
    monkeypatch.delenv("AUDIT_REQUIRED", raising=False)
    assert audit.impossible("no advisory data.") == 0
    assert "WARNING" in capsys.readouterr().err
    monkeypatch.setenv("AUDIT_REQUIRED", "1")
    assert audit.impossible("no advisory data.") == 2
