"""Pickup requests: reserving stock atomically, the merchant's answers, expiry and purge."""

import logging
from datetime import timedelta
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from django.conf import settings
from django.db import transaction
from django.db.models import Case, F, Value, When
from django.urls import reverse
from django.utils import timezone, translation

from search.outbox import record_changes
from shops.models import Availability, Product
from shops.signals import announce_catalogue_change

from . import emails
from .models import MerchantAccount, PickupLine, PickupRequest

Status = PickupRequest.Status
logger = logging.getLogger(__name__)

# Which answer moves a request from which state.
TRANSITIONS = {
    Status.ACCEPTED: {Status.PENDING},
    Status.DECLINED: {Status.PENDING, Status.ACCEPTED},
    Status.READY: {Status.ACCEPTED},
    Status.COLLECTED: {Status.READY},
    Status.EXPIRED: {Status.PENDING},
}
RELEASES_STOCK = {Status.DECLINED, Status.EXPIRED}
TRACKING = {"utm_source": "localdabord", "utm_medium": "referral", "utm_campaign": "portail"}


class OutOfStock(Exception):
    def __init__(self, product_id: int):
        super().__init__(product_id)
        self.product_id = product_id


class WrongState(Exception):
    pass


def reservable_products(shop):
    return Product.objects.filter(
        shop=shop,
        marketplace__isnull=True,
        is_active=True,
        is_hidden=False,
        stock__gt=0,
    ).exclude(availability=Availability.OUT_OF_STOCK)


@transaction.atomic
def create_request(account: MerchantAccount, data: dict, language: str, base_url: str):
    """Take the quantities from stock and record the request; OutOfStock if someone was faster."""
    pickup = PickupRequest.objects.create(
        shop=account.shop,
        shopper_name=data["shopper_name"],
        shopper_email=data["shopper_email"],
        shopper_phone=data["shopper_phone"],
        slot=data["slot"],
        language=language,
    )
    products = Product.objects.in_bulk(list(data["quantities"]))
    for product_id, quantity in sorted(data["quantities"].items()):
        # One conditional UPDATE: of two shoppers wanting the last item, only one matches.
        taken = (
            reservable_products(account.shop)
            .filter(pk=product_id, stock__gte=quantity)
            .update(
                stock=F("stock") - quantity,
                availability=Case(
                    When(stock=quantity, then=Value(Availability.OUT_OF_STOCK)),
                    default=F("availability"),
                ),
                updated_at=timezone.now(),
            )
        )
        if not taken:
            raise OutOfStock(product_id)
        product = products[product_id]
        PickupLine.objects.create(
            request=pickup,
            product=product,
            title=product.title,
            unit_price=product.price,
            quantity=quantity,
        )
    stock_changed(list(data["quantities"]))
    notify(pickup, base_url)
    if account.shop.email or account.user.email:
        emails.send(
            "pickup_new_merchant",
            account.user.email or account.shop.email,
            {"pickup": pickup, "link": base_url + reverse("merchants:pickup_list")},
        )
    return pickup


def release_stock(pickup: PickupRequest) -> None:
    pks = []
    for line in pickup.lines.exclude(product=None):
        Product.objects.filter(pk=line.product_id).update(
            stock=F("stock") + line.quantity,
            availability=Case(
                When(availability=Availability.OUT_OF_STOCK, then=Value(Availability.IN_STOCK)),
                default=F("availability"),
            ),
            updated_at=timezone.now(),
        )
        pks.append(line.product_id)
    stock_changed(pks)


def stock_changed(product_ids: list[int]) -> None:
    """update() sends no signal: the index hears of the new stock through the outbox, and the
    cached shop and product pages ("En stock", "Épuisé") through the catalogue's signal."""
    record_changes(Product, product_ids)
    if product_ids:
        announce_catalogue_change()


@transaction.atomic
def move(pickup: PickupRequest, status: str, base_url: str, reason: str = "") -> PickupRequest:
    pickup = PickupRequest.objects.select_for_update().get(pk=pickup.pk)
    if pickup.status not in TRANSITIONS[status]:
        raise WrongState(pickup.status)
    pickup.status = status
    if reason:
        pickup.decline_reason = reason
    pickup.save(update_fields=["status", "decline_reason", "updated_at"])
    if status in RELEASES_STOCK:
        release_stock(pickup)
    notify(pickup, base_url)
    return pickup


def status_url(pickup: PickupRequest) -> str:
    """The shopper's secret status page, in the language they asked in."""
    with translation.override(pickup.language):
        return reverse("merchants:pickup_status", kwargs={"token": pickup.token})


def notify(pickup: PickupRequest, base_url: str) -> None:
    emails.send(
        f"pickup_{pickup.status}",
        pickup.shopper_email,
        {"pickup": pickup, "link": base_url + status_url(pickup)},
        pickup.language,
    )


def expire_overdue(now=None) -> int:
    """Pending requests older than PICKUP_EXPIRY_HOURS expire and give their stock back.

    Each request in its own transaction: one that fails is logged and left for the next run,
    never holding back the stock of the others.
    """
    now = now or timezone.now()
    cutoff = now - timedelta(hours=settings.PICKUP_EXPIRY_HOURS)
    expired = 0
    for pk in PickupRequest.objects.filter(
        status=Status.PENDING, created_at__lte=cutoff
    ).values_list("pk", flat=True):
        try:
            move(PickupRequest(pk=pk), Status.EXPIRED, settings.WAGTAILADMIN_BASE_URL)
        except WrongState:
            continue  # Answered by the merchant meanwhile.
        except Exception:
            logger.exception("Pickup request %s could not expire; retried at the next run", pk)
            continue
        expired += 1
    return expired


def purge_shoppers(now=None) -> int:
    """Erase shoppers' personal data from requests closed longer than the retention period."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.SHOPPER_DATA_RETENTION_DAYS)
    return (
        PickupRequest.objects.filter(purged_at__isnull=True, updated_at__lte=cutoff)
        .exclude(status__in=PickupRequest.OPEN_STATUSES)
        .update(
            shopper_name="", shopper_email="", shopper_phone="", decline_reason="", purged_at=now
        )
    )


def marketplace_link(url: str) -> str:
    """The partner's page with parameters that tell them the visit came from the portal."""
    parts = urlsplit(url)
    query = [(k, v) for k, v in parse_qsl(parts.query) if k not in TRACKING]
    return urlunsplit(parts._replace(query=urlencode([*query, *TRACKING.items()])))
