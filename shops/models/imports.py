"""Partner marketplaces and the record of every import from them."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

FEED_FORMATS = [
    ("google_merchant", _("Google Merchant Center (XML RSS 2.0)")),
    ("google_merchant_tsv", _("Google Merchant Center (texte tabulé)")),
    ("shopify", _("Shopify (products.json)")),
    ("woocommerce", _("WooCommerce (API REST)")),
    ("csv", _("CSV avec correspondance de colonnes")),
    ("native_json", _("Flux JSON Local d'abord !")),
]


class MarketplaceKind(models.TextChoices):
    TOWN = "town", _("Place de marché d'une ville")
    CHAMBER = "chamber", _("Chambre de commerce ou des métiers")
    PRODUCE = "produce", _("Annuaire de producteurs")
    PLATFORM = "platform", _("Plateforme commerciale")
    OTHER = "other", _("Autre")


class Marketplace(models.Model):
    """A partner marketplace whose shops and products the portal imports on a schedule."""

    name = models.CharField(_("nom"), max_length=150)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    kind = models.CharField(
        _("type"), max_length=20, choices=MarketplaceKind.choices, default=MarketplaceKind.OTHER
    )
    website = models.URLField(_("site web"), blank=True)
    feed_format = models.CharField(_("format du flux"), max_length=30, choices=FEED_FORMATS)
    feed_url = models.URLField(_("adresse du flux"), max_length=500, blank=True)
    feed_file = models.FileField(
        _("fichier du flux"),
        upload_to="feeds/",
        blank=True,
        help_text=_("À la place d'une adresse : un fichier déposé, réimporté à chaque passage."),
    )
    auth_username = models.CharField(_("identifiant d'accès"), max_length=150, blank=True)
    auth_secret = models.CharField(
        _("clé ou mot de passe d'accès"),
        max_length=255,
        blank=True,
        help_text=_("Clé d'API (WooCommerce : consumer secret) ; jamais affichée aux visiteurs."),
    )
    connector_options = models.JSONField(
        _("options du connecteur"),
        default=dict,
        blank=True,
        help_text=_(
            "Par exemple, pour un CSV : "
            '{"mapping": {"external_id": "ref", "title": "Désignation"}, "delimiter": ";"}.'
        ),
    )
    schedule = models.CharField(
        _("planification (cron)"),
        max_length=100,
        default="0 3 * * *",
        help_text=_("Minute, heure, jour du mois, mois, jour de la semaine. Exemple : 0 3 * * *"),
    )
    shrink_threshold = models.PositiveSmallIntegerField(
        _("seuil de baisse (%)"),
        default=30,
        help_text=_(
            "Si le flux perd plus que ce pourcentage de fiches, rien n'est désactivé avant "
            "la confirmation d'un éditeur."
        ),
    )
    is_active = models.BooleanField(_("actif"), default=True)
    contact_name = models.CharField(_("contact"), max_length=150, blank=True)
    contact_email = models.EmailField(_("courriel du contact"), blank=True)
    created_at = models.DateTimeField(_("créé le"), auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("place de marché partenaire")
        verbose_name_plural = _("places de marché partenaires")

    def __str__(self):
        return self.name

    @property
    def last_run(self):
        return self.runs.order_by("-started_at").first()


class ImportStatus(models.TextChoices):
    RUNNING = "running", _("En cours")
    SUCCESS = "success", _("Réussi")
    PARTIAL = "partial", _("Partiel (fiches en quarantaine)")
    FAILED = "failed", _("Échec")


class ImportRun(models.Model):
    """One pass over a marketplace's feed, with what it did."""

    marketplace = models.ForeignKey(
        Marketplace,
        on_delete=models.CASCADE,
        related_name="runs",
        verbose_name=_("place de marché"),
    )
    status = models.CharField(
        _("statut"), max_length=20, choices=ImportStatus.choices, default=ImportStatus.RUNNING
    )
    started_at = models.DateTimeField(_("début"), default=timezone.now, db_index=True)
    finished_at = models.DateTimeField(_("fin"), null=True, blank=True)
    seen = models.PositiveIntegerField(_("fiches lues"), default=0)
    created = models.PositiveIntegerField(_("créées"), default=0)
    updated = models.PositiveIntegerField(_("mises à jour"), default=0)
    unchanged = models.PositiveIntegerField(_("inchangées"), default=0)
    deactivated = models.PositiveIntegerField(_("désactivées"), default=0)
    quarantined = models.PositiveIntegerField(_("en quarantaine"), default=0)
    # Set when the feed shrank past the threshold: the missing records wait for an editor.
    held_deactivations = models.PositiveIntegerField(_("désactivations en attente"), default=0)
    deactivations_confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("désactivations confirmées par"),
    )
    errors = models.TextField(_("erreurs"), blank=True)

    class Meta:
        ordering = ["-started_at"]
        verbose_name = _("import")
        verbose_name_plural = _("imports")

    def __str__(self):
        return f"{self.marketplace} — {self.started_at:%Y-%m-%d %H:%M}"

    @property
    def duration(self):
        return (self.finished_at - self.started_at) if self.finished_at else None

    def counts(self) -> dict:
        names = ["seen", "created", "updated", "unchanged", "deactivated", "quarantined"]
        counts = {name: getattr(self, name) for name in names}
        counts["held_deactivations"] = self.held_deactivations
        return counts


class QuarantinedRecord(models.Model):
    """A feed record that could not be imported, kept with its reason for editors to review."""

    class Kind(models.TextChoices):
        SHOP = "shop", _("Commerce")
        PRODUCT = "product", _("Produit")
        UNKNOWN = "unknown", _("Illisible")

    marketplace = models.ForeignKey(
        Marketplace,
        on_delete=models.CASCADE,
        related_name="quarantine",
        verbose_name=_("place de marché"),
    )
    run = models.ForeignKey(
        ImportRun, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("import")
    )
    kind = models.CharField(_("type"), max_length=10, choices=Kind.choices)
    external_id = models.CharField(_("identifiant chez le partenaire"), max_length=255)
    reason = models.CharField(_("motif"), max_length=500)
    raw = models.TextField(_("extrait de la fiche"), blank=True)
    last_seen = models.DateTimeField(_("vu le"), default=timezone.now)

    class Meta:
        ordering = ["-last_seen"]
        verbose_name = _("fiche en quarantaine")
        verbose_name_plural = _("fiches en quarantaine")
        constraints = [
            models.UniqueConstraint(
                fields=["marketplace", "kind", "external_id"], name="unique_quarantined_record"
            )
        ]

    def __str__(self):
        return f"{self.external_id}: {self.reason}"


class MergeProposal(models.Model):
    """Two shops that look like the same business, for an editor to merge or dismiss."""

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Proposée")
        MERGED = "merged", _("Fusionnée")
        DISMISSED = "dismissed", _("Écartée")

    class Reason(models.TextChoices):
        SIRET = "siret", _("Même SIRET")
        NAME_ADDRESS = "name_address", _("Même nom et même adresse")
        NAME_TOWN = "name_town", _("Même nom dans la même commune")

    shop = models.ForeignKey(
        "shops.Shop", on_delete=models.CASCADE, related_name="+", verbose_name=_("commerce gardé")
    )
    duplicate = models.ForeignKey(
        "shops.Shop", on_delete=models.CASCADE, related_name="+", verbose_name=_("doublon")
    )
    reason = models.CharField(_("motif"), max_length=20, choices=Reason.choices)
    status = models.CharField(
        _("statut"), max_length=20, choices=Status.choices, default=Status.PROPOSED
    )
    created_at = models.DateTimeField(_("proposée le"), auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("proposition de fusion")
        verbose_name_plural = _("propositions de fusion")
        constraints = [
            models.UniqueConstraint(fields=["shop", "duplicate"], name="unique_merge_proposal")
        ]

    def __str__(self):
        return f"{self.shop} ⇄ {self.duplicate}"
