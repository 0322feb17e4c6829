"""A merchant's application: duplicates, confirmation, and the editor's decision."""

import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import slugify

from shops.html import text_as_html
from shops.models import Shop, ShopSector
from shops.sync import shop_match_key

from . import emails
from .logins import login_link
from .models import MERCHANTS_GROUP, MerchantAccount, MerchantApplication
from .photos import store_photo
from .validation import hours_text

Status = MerchantApplication.Status


class WrongState(Exception):
    """The application is no longer in a state that allows this step."""


class AlreadyTaken(Exception):
    """The email already manages a shop, or the claimed shop already has its merchant."""


def matching_imported_shop(application: MerchantApplication) -> Shop | None:
    """A marketplace shop with the same SIRET, or the same folded name, address and town."""
    key = shop_match_key(application.business_name, application.address, application.town_id)
    match = Q(siret=application.siret)
    if key:
        match |= Q(match_key=key)
    return (
        Shop.objects.filter(match, marketplace__isnull=False, duplicate_of__isnull=True)
        .exclude(merchant__isnull=False)
        .order_by("pk")
        .first()
    )


def localised_url(name: str, language: str, **kwargs) -> str:
    with translation.override(language):
        return reverse(name, kwargs=kwargs)


def submit(application: MerchantApplication, base_url: str) -> None:
    application.claimed_shop = matching_imported_shop(application)
    application.save()
    emails.send(
        "application_confirm",
        application.email,
        {
            "application": application,
            "link": base_url
            + localised_url("merchants:confirm", application.language, token=application.token),
        },
        application.language,
    )


def confirm(application: MerchantApplication, claim: bool) -> None:
    """The merchant followed the emailed link: the application joins the moderation queue."""
    if application.status != Status.UNCONFIRMED:
        return  # A second click on the link changes nothing.
    application.status = Status.PENDING
    application.confirmed_at = timezone.now()
    application.claim_requested = claim and application.claimed_shop_id is not None
    application.save(update_fields=["status", "confirmed_at", "claim_requested"])
    emails.send(
        "application_received",
        application.email,
        {"application": application},
        application.language,
    )


def resubmit(application: MerchantApplication) -> None:
    application.status = Status.PENDING
    application.claimed_shop = matching_imported_shop(application)
    application.save()


@transaction.atomic
def approve(application: MerchantApplication, editor, message: str, base_url: str) -> Shop:
    """Create the shop (or attach the claimed one) and the merchant's account, then tell them."""
    application = MerchantApplication.objects.select_for_update().get(pk=application.pk)
    if application.status not in (Status.PENDING, Status.CHANGES_REQUESTED):
        raise WrongState(application.status)
    email = application.email.strip().lower()
    if MerchantAccount.objects.filter(user__username=email).exists():
        raise AlreadyTaken("email")
    if application.claim_requested and application.claimed_shop_id:
        if MerchantAccount.objects.filter(shop_id=application.claimed_shop_id).exists():
            raise AlreadyTaken("shop")
        shop = application.claimed_shop
    else:
        shop = create_shop(application)
    user = merchant_user(application)
    MerchantAccount.objects.create(
        user=user, shop=shop, phone=application.phone, opening_hours=application.opening_hours
    )
    application.shop = shop
    application.status = Status.APPROVED
    application.moderation_message = message
    application.decided_at = timezone.now()
    application.decided_by = editor
    application.save()
    emails.send(
        "application_approved",
        application.email,
        {"application": application, "link": base_url + login_link(user, application.language)},
        application.language,
    )
    return shop


def create_shop(application: MerchantApplication) -> Shop:
    shop = Shop.objects.create(
        name=application.business_name,
        slug=f"{slugify(application.business_name)[:200] or 'commerce'}-{secrets.token_hex(4)}",
        siret=application.siret,
        address=application.address,
        postal_code=application.postal_code,
        town=application.town,
        description=text_as_html(application.description),
        opening_hours=hours_text(application.opening_hours),
        click_and_collect=application.click_and_collect,
        delivery=application.delivery,
        phone=application.phone,
        email=application.email,
        match_key=shop_match_key(
            application.business_name, application.address, application.town_id
        ),
        first_seen=timezone.now(),
    )
    ShopSector.objects.create(shop=shop, sector=application.sector)
    if application.photo:
        # The photo sent with the sign-up becomes the shop's, with renditions for its page.
        with application.photo.open("rb") as upload:
            shop.photo = store_photo(upload, shop.name)
    # The sector is a related field of the index: save again so the outbox sees it.
    shop.save(update_fields=["updated_at", "photo"])
    return shop


def merchant_user(application: MerchantApplication):
    User = get_user_model()
    email = application.email.strip().lower()
    user, created = User.objects.get_or_create(
        username=email,
        defaults={"email": email, "first_name": application.contact_name[:150]},
    )
    if created:
        # No password yet: the first login is by the emailed link, then they may set one.
        user.set_unusable_password()
        user.save()
    group, _ = Group.objects.get_or_create(name=MERCHANTS_GROUP)
    user.groups.add(group)
    return user


def reject(application: MerchantApplication, editor, reason: str) -> None:
    decide(application, editor, Status.REJECTED, reason, "application_rejected")


def request_changes(application: MerchantApplication, editor, message: str, base_url: str) -> None:
    decide(
        application,
        editor,
        Status.CHANGES_REQUESTED,
        message,
        "application_changes",
        link=base_url
        + localised_url("merchants:amend", application.language, token=application.token),
    )


def decide(application, editor, status, message, template, **context) -> None:
    if application.status not in (Status.PENDING, Status.CHANGES_REQUESTED):
        raise WrongState(application.status)
    application.status = status
    application.moderation_message = message
    application.decided_at = timezone.now()
    application.decided_by = editor
    application.save()
    emails.send(
        template,
        application.email,
        {"application": application, **context},
        application.language,
    )
