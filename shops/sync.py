"""Importing one marketplace's feed: idempotent upserts, quarantine, safe deactivation.

The data path: connector records → cleaning → bulk writes here, with the index outbox
rows written in the same transaction → search. Bulk writes skip model signals, so the
outbox rows are written explicitly.
"""

import hashlib
import logging
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from search.outbox import record_changes, record_changes_with_dependants

from .cleaning import Rejected, clean_product, clean_shop, content_hash
from .connectors.base import Connector, FeedUnavailable, ProductRecord, RejectedRecord, ShopRecord
from .lookups import SectorMatcher, TownResolver
from .models import (
    ImportRun,
    ImportStatus,
    Marketplace,
    Product,
    QuarantinedRecord,
    Shop,
    ShopSector,
)
from .same_shop import link_same_shops, propose_merges
from .sectors import fold
from .signals import announce_catalogue_change

logger = logging.getLogger(__name__)

SHOP_FIELDS = [
    "name",
    "siret",
    "address",
    "postal_code",
    "town_id",
    "description",
    "opening_hours",
    "click_and_collect",
    "delivery",
    "pickup_instructions",
    "marketplace_url",
    "website",
    "phone",
    "email",
    "latitude",
    "longitude",
]
PRODUCT_FIELDS = [
    "shop_id",
    "title",
    "slug",
    "description",
    "price",
    "availability",
    "image_url",
    "marketplace_url",
    "categories",
    "sector_id",
    "brand",
    "gtin",
]
RAW_EXCERPT = 2000


@dataclass
class Quarantine:
    kind: str
    external_id: str
    reason: str
    raw: str


@dataclass
class Batch:
    shops: dict[str, ShopRecord] = field(default_factory=dict)
    products: dict[str, ProductRecord] = field(default_factory=dict)
    rejected: list[Quarantine] = field(default_factory=list)

    def __len__(self):
        return len(self.shops) + len(self.products) + len(self.rejected)


def locked(obj, field_name: str) -> bool:
    return field_name.removesuffix("_id") in (obj.locked_fields or [])


def shop_match_key(name: str, address: str, town_id) -> str:
    return f"{fold(name)}|{fold(address)}|{town_id}"[:400] if address else ""


def shop_slug(marketplace: Marketplace, external_id: str, name: str) -> str:
    # Stable and unique without a query: the name for people, a short hash for uniqueness.
    digest = hashlib.sha1(f"{marketplace.pk}:{external_id}".encode()).hexdigest()[:8]  # noqa: S324
    return f"{slugify(name)[:200] or 'commerce'}-{digest}"


class MarketplaceImport:
    """One run of one marketplace's feed. Use `run(connector)`; it never raises for bad data."""

    def __init__(
        self,
        marketplace: Marketplace,
        *,
        batch_size: int = 1000,
        progress: Callable[[int], None] | None = None,
    ):
        self.marketplace = marketplace
        self.batch_size = batch_size
        self.progress = progress or (lambda count: None)
        self.resolve_town = TownResolver()
        self.match_sectors = SectorMatcher()
        self.shop_ids: dict[str, int] = dict(
            Shop.objects.filter(marketplace=marketplace).values_list("external_id", "pk")
        )
        self.products_with_new_images: list[int] = []
        # (kind, id) → where the record was first read in this run, to refuse repeats.
        self.first_places: dict[tuple[str, str], str] = {}
        self.quarantine_keys: set[tuple[str, str]] = set()

    # --- the run ------------------------------------------------------------------------

    def run(self, connector: Connector) -> ImportRun:
        self.import_run = run = ImportRun.objects.create(marketplace=self.marketplace)
        self.started = run.started_at
        self.active_before = sum(records.count() for records in self.active_records())
        complete = False
        batch = Batch()
        try:
            for position, record in enumerate(connector.records(), start=1):
                run.seen += 1
                self.add(batch, record, place(record, position))
                if len(batch) >= self.batch_size:
                    self.flush(batch)
                    self.progress(len(batch))
                    batch = Batch()
            complete = True
        except FeedUnavailable as error:
            run.errors = str(error)
            # Not stored: tells the task whether trying again later can help.
            run.retryable = error.retryable
            logger.warning("Feed of %s unavailable: %s", self.marketplace.slug, error)
        finally:
            # What was read before a failure is valid and kept; only deactivation waits.
            if len(batch):
                self.flush(batch)
                self.progress(len(batch))
        if complete:
            self.deactivate_missing()
            propose_merges()
            link_same_shops()
        run.finished_at = timezone.now()
        check_accounts(run, self.marketplace)
        if not complete:
            run.status = ImportStatus.FAILED
        elif run.quarantined:
            run.status = ImportStatus.PARTIAL
        else:
            run.status = ImportStatus.SUCCESS
        run.save()
        if run.created or run.updated or run.deactivated:
            announce_catalogue_change()
        return run

    def add(self, batch: Batch, record, where: str) -> None:
        """Put a record in the batch: the first of each id is kept, a repeat is quarantined."""
        if isinstance(record, RejectedRecord):
            digest = hashlib.sha1(record.raw.encode("utf-8", "replace")).hexdigest()[:12]  # noqa: S324
            external_id = record.external_id or f"illisible-{digest}"
            batch.rejected.append(
                self.quarantined("unknown", external_id, record.reason, record.raw, where)
            )
            return
        kind, records = (
            ("shop", batch.shops) if isinstance(record, ShopRecord) else ("product", batch.products)
        )
        external_id = record.external_id
        if external_id:
            first = self.first_places.setdefault((kind, external_id), where)
            if first != where:
                # Keyed by where it is: the id itself is the first record's, online.
                batch.rejected.append(
                    self.quarantined(
                        kind,
                        f"{external_id} ({where})",
                        f"identifiant en double, déjà vu {first}",
                        excerpt(record),
                        where,
                    )
                )
                return
            records[external_id] = record
        else:
            # Without an id it cannot be imported (nor stored twice under one key).
            batch.rejected.append(
                self.quarantined(kind, "", "identifiant manquant", excerpt(record), where)
            )

    def quarantined(
        self, kind: str, external_id: str, reason: str, raw: str, where: str
    ) -> Quarantine:
        """A quarantine entry whose key no other entry of this run has: each record counts.

        The key is the record's id; a second entry under the same id (a repeat, a record
        without id) is told apart by where it is in the feed, which stays the same from one
        run to the next while the feed does.
        """
        key = external_id or "sans-identifiant"
        if (kind, key) in self.quarantine_keys:
            key = f"{key} ({where})"
        self.quarantine_keys.add((kind, key))
        return Quarantine(kind, key, reason, raw[:RAW_EXCERPT])

    def flush(self, batch: Batch) -> None:
        with transaction.atomic():
            if batch.shops:
                self.upsert_shops(batch)
            if batch.products:
                self.upsert_products(batch)
            self.quarantine(batch)

    def active_records(self):
        return (
            Product.objects.filter(marketplace=self.marketplace, is_active=True),
            Shop.objects.filter(marketplace=self.marketplace, is_active=True),
        )

    # --- shops --------------------------------------------------------------------------

    def upsert_shops(self, batch: Batch) -> None:
        now = timezone.now()
        existing = {
            shop.external_id: shop
            for shop in Shop.objects.filter(
                marketplace=self.marketplace, external_id__in=list(batch.shops)
            )
        }
        to_create, to_update, seen_ids, sector_changes = [], [], [], {}
        for external_id, record in batch.shops.items():
            digest = content_hash(record)
            shop = existing.get(external_id)
            if shop is not None and shop.content_hash == digest and shop.is_active:
                seen_ids.append(shop.pk)
                self.import_run.unchanged += 1
                continue
            try:
                values = clean_shop(record, self.resolve_town, self.match_sectors)
            except Rejected as error:
                batch.rejected.append(self.rejection("shop", record, error))
                if shop is not None:
                    seen_ids.append(shop.pk)  # keep the last good version online
                continue
            sector_ids = values.pop("sector_ids")
            if shop is None:
                shop = Shop(
                    marketplace=self.marketplace,
                    external_id=external_id,
                    first_seen=now,
                    slug=shop_slug(self.marketplace, external_id, values["name"]),
                    **values,
                )
                to_create.append(shop)
            else:
                for name, value in values.items():
                    if not locked(shop, name):
                        setattr(shop, name, value)
                to_update.append(shop)
            shop.content_hash = digest
            shop.last_seen = now
            shop.updated_at = now  # bulk_update skips auto_now: the open data's mis_a_jour
            shop.is_active = True
            shop.match_key = shop_match_key(shop.name, shop.address, shop.town_id)
            if not locked(shop, "sectors"):
                sector_changes[external_id] = sector_ids
        Shop.objects.bulk_create(to_create)
        Shop.objects.bulk_update(
            to_update,
            [*SHOP_FIELDS, "content_hash", "last_seen", "is_active", "match_key", "updated_at"],
        )
        Shop.objects.filter(pk__in=seen_ids).update(last_seen=now)
        changed = to_create + to_update
        self.shop_ids.update({shop.external_id: shop.pk for shop in changed})
        self.set_sectors({self.shop_ids[eid]: ids for eid, ids in sector_changes.items()})
        self.import_run.created += len(to_create)
        self.import_run.updated += len(to_update)
        self.mark_imported("shop", [shop.external_id for shop in changed])
        # Created shops have no product yet: only the updated ones' products are queued.
        record_changes_with_dependants(Shop, [shop.pk for shop in changed])

    def set_sectors(self, sectors_by_shop: dict[int, list[int]]) -> None:
        if not sectors_by_shop:
            return
        ShopSector.objects.filter(shop_id__in=list(sectors_by_shop)).delete()
        ShopSector.objects.bulk_create(
            [
                ShopSector(shop_id=shop_id, sector_id=sector_id)
                for shop_id, sector_ids in sectors_by_shop.items()
                for sector_id in sector_ids
            ]
        )

    # --- products -----------------------------------------------------------------------

    def upsert_products(self, batch: Batch) -> None:
        now = timezone.now()
        known = {
            external_id: (pk, digest, is_active)
            for pk, external_id, digest, is_active in Product.objects.filter(
                marketplace=self.marketplace, external_id__in=list(batch.products)
            ).values_list("pk", "external_id", "content_hash", "is_active")
        }
        seen_ids, changed_values, new_values = [], {}, {}
        for external_id, record in batch.products.items():
            digest = content_hash(record)
            current = known.get(external_id)
            if current is not None and current[1] == digest and current[2]:
                seen_ids.append(current[0])
                self.import_run.unchanged += 1
                continue
            shop_id = self.shop_ids.get(record.shop_external_id)
            try:
                values = clean_product(record, shop_id, self.match_sectors)
            except Rejected as error:
                batch.rejected.append(self.rejection("product", record, error))
                if current is not None:
                    seen_ids.append(current[0])
                continue
            values["content_hash"] = digest
            if current is None:
                new_values[external_id] = values
            else:
                changed_values[current[0]] = values
        created = Product.objects.bulk_create(
            [
                Product(
                    marketplace=self.marketplace,
                    external_id=external_id,
                    first_seen=now,
                    last_seen=now,
                    **values,
                )
                for external_id, values in new_values.items()
            ]
        )
        updated = list(Product.objects.in_bulk(list(changed_values)).values())
        for product in updated:
            old_image = product.image_url
            for name, value in changed_values[product.pk].items():
                if not locked(product, name):
                    setattr(product, name, value)
            product.last_seen = now
            product.updated_at = now  # bulk_update skips auto_now (the rebuild reads it)
            product.is_active = True
            if product.image_url != old_image:
                product.image_id = None
                self.products_with_new_images.append(product.pk)
        Product.objects.bulk_update(
            updated,
            [*PRODUCT_FIELDS, "content_hash", "last_seen", "is_active", "image", "updated_at"],
        )
        Product.objects.filter(pk__in=seen_ids).update(last_seen=now)
        self.products_with_new_images.extend(p.pk for p in created if p.image_url)
        self.import_run.created += len(created)
        self.import_run.updated += len(updated)
        changed = created + updated
        self.mark_imported("product", [product.external_id for product in changed])
        record_changes(Product, [product.pk for product in changed])

    # --- quarantine and deactivation ----------------------------------------------------

    def rejection(self, kind: str, record, error: Rejected) -> Quarantine:
        # Records without id never reach here (`add` quarantines them): the id is the key.
        return self.quarantined(kind, record.external_id, str(error), excerpt(record), "")

    def quarantine(self, batch: Batch) -> None:
        if not batch.rejected:
            return
        now = timezone.now()
        rows = {
            (item.kind, item.external_id): QuarantinedRecord(
                marketplace=self.marketplace,
                run=self.import_run,
                kind=item.kind,
                external_id=item.external_id[:255],
                reason=item.reason[:500],
                raw=item.raw,
                last_seen=now,
            )
            for item in batch.rejected
        }
        QuarantinedRecord.objects.bulk_create(
            list(rows.values()),
            update_conflicts=True,
            unique_fields=["marketplace", "kind", "external_id"],
            update_fields=["run", "reason", "raw", "last_seen"],
        )
        self.import_run.quarantined += len(rows)

    def mark_imported(self, kind: str, external_ids: Iterable[str]) -> None:
        """A record that imports cleanly leaves the quarantine."""
        QuarantinedRecord.objects.filter(
            marketplace=self.marketplace, kind=kind, external_id__in=list(external_ids)
        ).delete()

    def deactivate_missing(self) -> None:
        products, shops = self.active_records()
        missing_products = products.filter(last_seen__lt=self.started)
        missing_shops = shops.filter(last_seen__lt=self.started)
        missing = missing_products.count() + missing_shops.count()
        threshold = self.marketplace.shrink_threshold
        if self.active_before and missing * 100 > threshold * self.active_before:
            # A feed that suddenly shrank is more likely broken than emptied: ask an editor.
            self.import_run.held_deactivations = missing
            return
        self.import_run.deactivated = deactivate(missing_shops, missing_products)


def place(record, position: int) -> str:
    """Where a record is in its feed, as an editor looks for it: its line, else its rank."""
    line = getattr(record, "line", 0)
    return f"ligne {line}" if line else f"fiche n° {position}"


def excerpt(record) -> str:
    values = asdict(record)
    values.pop("line", None)
    return repr({k: v for k, v in values.items() if v not in ("", [], None)})[:RAW_EXCERPT]


def check_accounts(run: ImportRun, marketplace: Marketplace) -> None:
    """Every record read is created, updated, unchanged or quarantined: a run whose
    figures do not add up lost records without a trace, which is a bug of ours."""
    accounted = run.created + run.updated + run.unchanged + run.quarantined
    if accounted == run.seen:
        return
    message = (
        f"comptes incohérents : {run.seen} fiches lues, {accounted} comptées "
        f"({run.created} créées, {run.updated} mises à jour, {run.unchanged} inchangées, "
        f"{run.quarantined} en quarantaine)"
    )
    logger.error("Import of %s: %s", marketplace.slug, message)
    run.errors = f"{run.errors}\n{message}".strip()


def deactivate(shops, products) -> int:
    """Deactivate (never delete) the given records and tell search, in one transaction."""
    with transaction.atomic():
        shop_ids = list(shops.values_list("pk", flat=True))
        product_ids = list(products.values_list("pk", flat=True))
        # update() skips auto_now: a deactivation is a change the open data and rebuild see.
        now = timezone.now()
        Shop.objects.filter(pk__in=shop_ids).update(is_active=False, updated_at=now)
        Product.objects.filter(pk__in=product_ids).update(is_active=False, updated_at=now)
        record_changes(Shop, shop_ids)
        # The products of a closed shop leave the index with it; its listing's document no
        # longer names it (shops/same_shop.py).
        affected = set(product_ids)
        for model, pks in Shop.indexed_dependants(shop_ids):
            if model is Product:
                affected.update(pks)
            else:
                record_changes(model, list(pks))
        record_changes(Product, sorted(affected))
        if shop_ids or product_ids:
            announce_catalogue_change()
    return len(shop_ids) + len(product_ids)
