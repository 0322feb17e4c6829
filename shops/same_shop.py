"""One shop, shown once: which records are the same business, and which one shoppers see.

Two partner marketplaces often list the same business. Two records are the same shop when
a merge proposal joins them (`propose_merges`: two different marketplaces, and the same
SIRET, or the same folded name and address in one town, or the same folded name in one
town) and no editor dismissed it; a merge an editor confirmed joins them too. Partners'
SIRETs and addresses are often missing or stale, while two independent shops of one town
rarely share a name: namesakes (a chain's two stores) are what editors dismiss.

The proposal's kept shop is the listing: the other record points to it by `duplicate_of`,
leaves every listing (town and sector pages, search, maps, open data, sitemaps) and is
named beside it ("aussi sur …"); its products stay listed and are shown on the listing's
page with their marketplace.

The links are derived from the proposals each time they may have changed (after an import,
after an editor's decision), so that dismissing a proposal shows the two records again, and a
listing that leaves its feed no longer hides the record still sold elsewhere.
"""

from collections import defaultdict

from django.db import transaction

from search.outbox import record_changes_with_dependants

from .models import MergeProposal, Shop
from .models.catalogue import fold_name
from .signals import announce_catalogue_change


def propose_merges() -> int:
    """Propose merging records of different marketplaces that look like one business, the
    strongest reason first (a pair keeps the first reason it was proposed for)."""
    Reason = MergeProposal.Reason
    groups: dict[tuple, list[tuple[int, int | None]]] = defaultdict(list)
    records = (
        Shop.objects.filter(duplicate_of__isnull=True, is_active=True)
        .order_by("marketplace_id", "pk")
        .values_list("pk", "marketplace_id", "siret", "match_key", "name", "town_id")
    )
    for pk, marketplace_id, siret, match_key, name, town_id in records.iterator():
        record = (pk, marketplace_id)
        if siret:
            groups[(0, Reason.SIRET, siret)].append(record)
        if match_key:
            groups[(1, Reason.NAME_ADDRESS, match_key)].append(record)
        groups[(2, Reason.NAME_TOWN, f"{fold_name(name)}|{town_id}")].append(record)
    created = 0
    for (_rank, reason, _key), shops in sorted(groups.items(), key=lambda item: item[0][0]):
        kept, kept_marketplace = shops[0]
        for duplicate, marketplace_id in shops[1:]:
            if marketplace_id == kept_marketplace:
                continue  # one partner listing a business twice is its own business
            _, made = MergeProposal.objects.get_or_create(
                shop_id=kept, duplicate_id=duplicate, defaults={"reason": reason}
            )
            created += made
    return created


def wanted_links() -> tuple[dict[int, int], set[int]]:
    """(duplicate → listing) from the proposals, and every record a proposal names."""
    named: set[int] = set()
    links: dict[int, int] = {}
    proposals = MergeProposal.objects.order_by("created_at", "pk").values_list(
        "shop_id", "duplicate_id", "status", "shop__is_active", "shop__is_hidden"
    )
    for shop_id, duplicate_id, status, shop_active, shop_hidden in proposals:
        named.update((shop_id, duplicate_id))
        if status == MergeProposal.Status.DISMISSED or not shop_active or shop_hidden:
            continue
        links.setdefault(duplicate_id, shop_id)
    # A listing is never itself listed under another record: follow the chain to its end.
    for duplicate_id, shop_id in list(links.items()):
        seen = {duplicate_id}
        while shop_id in links and shop_id not in seen:
            seen.add(shop_id)
            shop_id = links[shop_id]
        links[duplicate_id] = shop_id if shop_id != duplicate_id else None
    return {d: s for d, s in links.items() if s is not None}, named


@transaction.atomic
def link_same_shops() -> int:
    """Point each duplicate record at its listing as the proposals say; returns how many
    records changed. Links an editor set by hand, outside any proposal, are left alone."""
    links, named = wanted_links()
    current = dict(
        Shop.objects.filter(pk__in=named).values_list("pk", "duplicate_of_id").iterator()
    )
    relinked, changed = [], []
    for pk, listing in current.items():
        wanted = links.get(pk)
        if listing == wanted:
            continue
        if wanted is None and listing is not None and listing not in named:
            continue  # set by an editor in the shop's form, not by a proposal
        Shop.objects.filter(pk=pk).update(duplicate_of_id=wanted)
        relinked.append(pk)
        changed += [pk, listing, wanted]
    changed = sorted({pk for pk in changed if pk})
    if changed:
        # The records themselves and their listings ("aussi sur"), and their products.
        record_changes_with_dependants(Shop, changed)
        announce_catalogue_change()
    return len(relinked)
