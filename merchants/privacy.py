"""A merchant's own data: export on request, and deletion of the account and its traces."""

from django.db import transaction
from django.forms.models import model_to_dict

from . import emails
from .models import MerchantAccount, MerchantApplication, PickupRequest
from .pickups import release_stock


def export_merchant(account: MerchantAccount) -> dict:
    shop = account.shop
    return {
        "account": {
            "email": account.user.email,
            "name": account.user.get_full_name(),
            "phone": account.phone,
            "opening_hours": account.opening_hours,
            "pickup_delay_hours": account.pickup_delay_hours,
        },
        "applications": [
            model_to_dict(a, exclude=["photo", "token", "decided_by"])
            for a in MerchantApplication.objects.filter(email__iexact=account.user.email)
        ],
        "shop": model_to_dict(shop, exclude=["sectors"]),
        "products": [model_to_dict(p) for p in shop.products.all()],
        "pickup_requests": [
            {
                **model_to_dict(r, exclude=["token"]),
                "lines": [model_to_dict(line) for line in r.lines.all()],
            }
            for r in PickupRequest.objects.filter(shop=shop).prefetch_related("lines")
        ],
    }


@transaction.atomic
def delete_merchant(user) -> None:
    """Remove the login, the applications and a directly-joined shop with everything in it.

    Shoppers whose pickup request is still open are told first: nobody will answer it now
    (the email is sent once the deletion commits). A claimed marketplace shop stays on the
    portal (its partner publishes it); only the link between the merchant and it goes, and
    its open requests, which nobody can answer either, go with their reserved stock back.
    """
    account = user.merchant
    shop = account.shop
    open_requests = list(
        PickupRequest.objects.filter(shop=shop, status__in=PickupRequest.OPEN_STATUSES)
        .select_related("shop")
        .prefetch_related("lines")
    )
    for pickup in open_requests:
        tell_shopper_the_shop_left(pickup)
    MerchantApplication.objects.filter(email__iexact=user.email).delete()
    account.delete()
    if shop.is_imported:
        for pickup in open_requests:
            release_stock(pickup)
            pickup.delete()
    else:
        shop.delete()  # Products and pickup requests cascade; delete signals update the index.
    user.delete()


def tell_shopper_the_shop_left(pickup: PickupRequest) -> None:
    # No status link: the request is deleted with the merchant.
    emails.send("pickup_cancelled", pickup.shopper_email, {"pickup": pickup}, pickup.language)
