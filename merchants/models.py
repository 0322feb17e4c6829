"""Merchants who join the portal directly, their applications and the pickup requests they take."""

import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from shops.models import Product, Sector, Shop, Town

MERCHANTS_GROUP = "Commerçants"


def new_token() -> str:
    return secrets.token_urlsafe(32)


class MerchantApplication(models.Model):
    """A sign-up, from the public form to the editor's decision."""

    class Status(models.TextChoices):
        UNCONFIRMED = "unconfirmed", _("Courriel à confirmer")
        PENDING = "pending", _("En attente de modération")
        CHANGES_REQUESTED = "changes_requested", _("Modifications demandées")
        APPROVED = "approved", _("Acceptée")
        REJECTED = "rejected", _("Refusée")

    status = models.CharField(
        _("état"), max_length=20, choices=Status.choices, default=Status.UNCONFIRMED
    )
    business_name = models.CharField(_("nom du commerce"), max_length=255)
    siret = models.CharField(_("SIRET"), max_length=14)
    sector = models.ForeignKey(Sector, on_delete=models.PROTECT, verbose_name=_("secteur"))
    address = models.CharField(_("adresse"), max_length=255)
    postal_code = models.CharField(_("code postal"), max_length=5)
    town = models.ForeignKey(Town, on_delete=models.PROTECT, verbose_name=_("commune"))
    contact_name = models.CharField(_("personne à contacter"), max_length=150)
    email = models.EmailField(_("courriel"))
    phone = models.CharField(_("téléphone"), max_length=30)
    description = models.TextField(_("description"))
    # {"0": ["09:00", "19:00"], …}: weekday (Monday = 0) to opening and closing times.
    opening_hours = models.JSONField(_("horaires d'ouverture"), default=dict)
    click_and_collect = models.BooleanField(_("retrait en boutique"), default=True)
    delivery = models.BooleanField(_("livraison"), default=False)
    photo = models.ImageField(_("photo"), upload_to="merchants/photos/", blank=True)
    terms_accepted_at = models.DateTimeField(_("conditions acceptées le"))
    language = models.CharField(_("langue"), max_length=5, default="fr")
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    # A shop imported from a marketplace that looks like this business: the merchant may claim it.
    claimed_shop = models.ForeignKey(
        Shop,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="claims",
        verbose_name=_("commerce revendiqué"),
    )
    claim_requested = models.BooleanField(
        _("revendication demandée"),
        default=False,
        help_text=_("Le commerçant demande à gérer la fiche existante plutôt qu'en créer une."),
    )
    moderation_message = models.TextField(_("message du modérateur"), blank=True)
    shop = models.ForeignKey(
        Shop,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("commerce créé ou rattaché"),
    )
    created_at = models.DateTimeField(_("reçue le"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("courriel confirmé le"), null=True, blank=True)
    decided_at = models.DateTimeField(_("décidée le"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("décidée par"),
    )

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("demande d'inscription")
        verbose_name_plural = _("demandes d'inscription")

    def __str__(self):
        return f"{self.business_name} ({self.get_status_display()})"


class MerchantAccount(models.Model):
    """The link between a merchant's login and the one shop they manage."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="merchant"
    )
    shop = models.OneToOneField(Shop, on_delete=models.CASCADE, related_name="merchant")
    phone = models.CharField(_("téléphone"), max_length=30, blank=True)
    opening_hours = models.JSONField(_("horaires d'ouverture"), default=dict)
    pickup_delay_hours = models.PositiveSmallIntegerField(
        _("délai de préparation (heures)"),
        default=2,
        help_text=_("Temps minimum entre la demande et le retrait."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("compte commerçant")
        verbose_name_plural = _("comptes commerçants")

    def __str__(self):
        return f"{self.user} → {self.shop}"


class ShopViewCount(models.Model):
    """Views of a shop's page and its products' pages, one row per shop and day."""

    shop = models.ForeignKey(Shop, on_delete=models.CASCADE, related_name="+")
    day = models.DateField()
    views = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["shop", "day"], name="unique_shop_view_day")]

    def __str__(self):
        return f"{self.shop_id} {self.day}: {self.views}"


class PickupRequest(models.Model):
    """A shopper's reservation of products in one shop, paid at pickup."""

    class Status(models.TextChoices):
        PENDING = "pending", _("En attente")
        ACCEPTED = "accepted", _("Acceptée")
        DECLINED = "declined", _("Refusée")
        READY = "ready", _("Prête")
        COLLECTED = "collected", _("Retirée")
        EXPIRED = "expired", _("Expirée")

    OPEN_STATUSES = (Status.PENDING, Status.ACCEPTED, Status.READY)

    shop = models.ForeignKey(
        Shop, on_delete=models.CASCADE, related_name="pickup_requests", verbose_name=_("commerce")
    )
    status = models.CharField(
        _("état"), max_length=20, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    shopper_name = models.CharField(_("nom"), max_length=150)
    shopper_email = models.EmailField(_("courriel"))
    shopper_phone = models.CharField(_("téléphone"), max_length=30)
    language = models.CharField(max_length=5, default="fr")
    slot = models.DateTimeField(_("créneau de retrait"))
    decline_reason = models.TextField(_("motif du refus"), blank=True)
    created_at = models.DateTimeField(_("créée le"), auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(_("modifiée le"), auto_now=True)
    # Set when the shopper's personal data was erased after the retention period.
    purged_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("demande de retrait")
        verbose_name_plural = _("demandes de retrait")

    def __str__(self):
        return f"#{self.pk} {self.shop} ({self.get_status_display()})"

    @property
    def expires_at(self):
        return self.created_at + timedelta(hours=settings.PICKUP_EXPIRY_HOURS)

    @property
    def total(self):
        return sum((line.subtotal for line in self.lines.all()), start=0)

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN_STATUSES

    def is_expired_now(self) -> bool:
        return self.status == self.Status.PENDING and timezone.now() >= self.expires_at


class PickupLine(models.Model):
    request = models.ForeignKey(PickupRequest, on_delete=models.CASCADE, related_name="lines")
    product = models.ForeignKey(Product, on_delete=models.SET_NULL, null=True, related_name="+")
    title = models.CharField(_("produit"), max_length=255)
    unit_price = models.DecimalField(max_digits=10, decimal_places=2, null=True)
    quantity = models.PositiveSmallIntegerField(_("quantité"))

    def __str__(self):
        return f"{self.quantity} × {self.title}"

    @property
    def subtotal(self):
        return (self.unit_price or 0) * self.quantity
