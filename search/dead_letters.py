"""Documents an engine refused: parked with the engine's reason so the rest of the outbox flows.

An engine refuses a document for what it holds (a value its mapping cannot parse, a field
too large), not because it is down: sending it again would fail the same way, and rolling
its whole batch back on every drain would stop that backend's indexing for good.
"""

import json

from django.db.models import F
from django.utils import timezone

from .models import RejectedDocument

# Per-item answers of a bulk request that mean "not applied, and it never will be as it is".
# 409: an older version than the indexed one (refused on purpose, see search/indexing.py);
# 404: a delete of a document that was never indexed. Neither is an error.
IGNORED_STATUSES = {404, 409}


class EngineBusy(Exception):
    """An item refused for the engine's own state (429, 5xx): the batch waits for a retry."""


def engine_reason(error) -> str:
    if isinstance(error, dict):
        cause = error.get("caused_by") or {}
        parts = [error.get("type", ""), error.get("reason", ""), cause.get("reason", "")]
        text = " — ".join(part for part in parts if part)
        return text or json.dumps(error, ensure_ascii=False)
    return str(error)


def refused_items(errors) -> list[tuple[str, str, str]]:
    """(index, document id, reason) of the items to park; raises EngineBusy for the others."""
    refused = []
    for item in errors:
        ((_op, outcome),) = item.items()
        status = int(outcome.get("status", 0))
        if status in IGNORED_STATUSES:
            continue
        if status == 429 or status >= 500:
            raise EngineBusy(engine_reason(outcome.get("error")))
        refused.append(
            (
                outcome.get("_index", ""),
                str(outcome.get("_id")),
                engine_reason(outcome.get("error")),
            )
        )
    return refused


def park(backend_alias: str, content_type_id: int, object_id: str, reason: str) -> None:
    updated = RejectedDocument.objects.filter(
        backend=backend_alias, content_type_id=content_type_id, object_id=object_id
    ).update(reason=reason, rejections=F("rejections") + 1, last_rejected_at=timezone.now())
    if not updated:
        RejectedDocument.objects.create(
            backend=backend_alias,
            content_type_id=content_type_id,
            object_id=object_id,
            reason=reason,
        )


def forget_accepted(backend_alias: str, content_type_id: int, object_ids) -> None:
    """Objects the engine took (or removed) leave the list of refused documents."""
    RejectedDocument.objects.filter(
        backend=backend_alias, content_type_id=content_type_id, object_id__in=list(object_ids)
    ).delete()


def count() -> int:
    return RejectedDocument.objects.count()
