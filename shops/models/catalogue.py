"""Shops and products: imported from partners or added by merchants who join directly."""

import re
import unicodedata
from collections.abc import Callable

from django.db import models
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.search import index

from ..french import glued_forms
from .geography import Sector, Town
from .imports import Marketplace


class FeedProvenance(models.Model):
    """Where an imported record comes from, and what the sync last saw of it."""

    marketplace = models.ForeignKey(
        Marketplace,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("place de marché"),
        help_text=_("Vide pour un commerce inscrit directement sur le portail."),
    )
    external_id = models.CharField(_("identifiant chez le partenaire"), max_length=255, blank=True)
    first_seen = models.DateTimeField(_("vu la première fois"), null=True, blank=True)
    last_seen = models.DateTimeField(_("vu la dernière fois"), null=True, blank=True)
    content_hash = models.CharField(_("empreinte du contenu"), max_length=64, blank=True)
    is_active = models.BooleanField(
        _("actif"), default=True, help_text=_("Décoché quand la fiche disparaît du flux.")
    )
    # Fields an editor corrected in the admin: later imports leave them as the editor set them.
    locked_fields = models.JSONField(_("champs corrigés par un éditeur"), default=list, blank=True)
    is_hidden = models.BooleanField(_("masqué"), default=False)
    is_featured = models.BooleanField(_("mis en avant"), default=False)

    class Meta:
        abstract = True

    @property
    def is_imported(self) -> bool:
        return self.marketplace_id is not None


def fold_name(name: str) -> str:
    """Lower case, no accents, single spaces: how a typed name is compared with a shop's."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


# Filter fields that shops and products share under the same names, so that one search
# spans both indexes with the same facets (town, département, sector), boosts and distance.
SEARCH_FACET_FIELDS = {
    "town_code": {},
    "departement_code": {},
    "sector_slugs": {},
    "is_promoted": {"type": "BooleanField"},
    "location": {"es_extra": {"type": "geo_point"}},
}


# Shop and product addresses are reversed once per language and filled in after: search
# results build twenty per request. Slugs other than plain ASCII go through reverse().
PLAIN_SLUG = re.compile(r"[-a-zA-Z0-9_]+")
SLUG_MARK, PK_MARK = "slug-mark", 987654321
_url_templates: dict[tuple, str] = {}


def catalogue_urls(name: str, with_pk: bool = False) -> Callable[..., str]:
    """`make(slug, pk=None)`, the addresses of a shop or product URL name in the current
    language and prefix, looked up once for the many addresses of a search answer."""
    key = (name, get_language(), get_script_prefix(), get_urlconf())
    template = _url_templates.get(key)
    if template is None:
        marks = {"pk": PK_MARK, "slug": SLUG_MARK} if with_pk else {"slug": SLUG_MARK}
        template = _url_templates[key] = reverse(name, kwargs=marks)

    def make(slug: str, pk: int | None = None) -> str:
        if not PLAIN_SLUG.fullmatch(slug):
            return reverse(name, kwargs={"slug": slug} if pk is None else {"pk": pk, "slug": slug})
        # The number first: a slug may contain digits, never the other way round.
        return template.replace(str(PK_MARK), str(pk)).replace(SLUG_MARK, slug)

    return make


def shop_urls() -> Callable[..., str]:
    """`make(slug)`: shops' pages, also from plain rows (search results)."""
    return catalogue_urls("shops:shop")


def product_urls() -> Callable[..., str]:
    """`make(slug, pk)`: products' pages."""
    return catalogue_urls("shops:product", with_pk=True)


def shop_url(slug: str) -> str:
    return shop_urls()(slug)


def product_url(pk: int, slug: str) -> str:
    return product_urls()(slug, pk)


# Columns of a product and of its shop that no search document reads (see
# Product.get_indexed_objects; tests/search/test_engine_backends.py checks none is read).
_BOOKKEEPING = ["external_id", "first_seen", "last_seen", "content_hash", "locked_fields"]
INDEXING_SKIPPED_COLUMNS = [
    *_BOOKKEEPING,
    "image_url",
    "marketplace_url",
    "gtin",
    "created_at",
    "updated_at",
    *(
        f"shop__{name}"
        for name in [
            *_BOOKKEEPING,
            "siret",
            "address",
            "description",
            "opening_hours",
            "pickup_instructions",
            "marketplace_url",
            "website",
            "phone",
            "email",
            "photo",
            "match_key",
            "created_at",
            "updated_at",
        ]
    ),
]


# A shop's place in its documents (and its products'): the town's and the département's names.
WHERE_FIELDS = [
    index.SearchField("name"),
    index.RelatedFields("departement", [index.SearchField("name")]),
]


class Shop(index.Indexed, FeedProvenance):
    name = models.CharField(_("nom"), max_length=255)
    slug = models.SlugField(_("slug"), max_length=255, unique=True)
    siret = models.CharField(_("SIRET"), max_length=14, blank=True, db_index=True)
    address = models.CharField(_("adresse"), max_length=255, blank=True)
    postal_code = models.CharField(_("code postal"), max_length=5, blank=True)
    town = models.ForeignKey(
        Town, on_delete=models.PROTECT, related_name="shops", verbose_name=_("commune")
    )
    sectors = models.ManyToManyField(
        Sector, through="ShopSector", related_name="shops", blank=True, verbose_name=_("secteurs")
    )
    description = models.TextField(_("description"), blank=True)  # sanitised HTML
    opening_hours = models.TextField(_("horaires d'ouverture"), blank=True)
    click_and_collect = models.BooleanField(
        _("retrait en boutique (click and collect)"), default=False
    )
    delivery = models.BooleanField(_("livraison"), default=False)
    pickup_instructions = models.TextField(_("consignes de retrait"), blank=True)
    marketplace_url = models.URLField(_("page sur la place de marché"), max_length=500, blank=True)
    website = models.URLField(_("site web"), max_length=500, blank=True)
    phone = models.CharField(_("téléphone"), max_length=30, blank=True)
    email = models.EmailField(_("courriel"), blank=True)
    # The merchant's own photo of their shop (merchants/photos.py), shown on its page.
    photo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("photo"),
    )
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    # Folded name, address and town: two shops with the same key are proposed for merging.
    match_key = models.CharField(max_length=400, blank=True, db_index=True, editable=False)
    duplicate_of = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="duplicates",
        verbose_name=_("doublon de"),
        help_text=_(
            "La fiche sous laquelle ce commerce est listé (même SIRET, ou même nom et même "
            "adresse sur une autre place de marché, ou fusion par un éditeur) : celle-ci "
            "n'est plus listée seule, ses produits le sont sous l'autre fiche."
        ),
    )
    created_at = models.DateTimeField(_("créé le"), auto_now_add=True)
    updated_at = models.DateTimeField(_("modifié le"), auto_now=True)

    search_fields = [
        index.SearchField("name", boost=4),
        index.AutocompleteField("name"),
        index.SearchField("glued_elisions", boost=2),
        index.SearchField("description"),
        index.SearchField("address"),
        index.SearchField("postal_code"),
        index.RelatedFields("town", WHERE_FIELDS),
        index.RelatedFields("sectors", [index.SearchField("name"), index.SearchField("name_en")]),
        index.FilterField("town_id"),
        index.FilterField("marketplace_id"),
        index.FilterField("click_and_collect"),
        index.FilterField("is_active"),
        index.FilterField("is_hidden"),
        index.FilterField("is_featured"),
        *[index.FilterField(name, **options) for name, options in SEARCH_FACET_FIELDS.items()],
        # The folded name: an exact shop-name match is always the first result.
        index.FilterField("exact_name"),
        # Stored for search results, which are shown from the index (search/results.py).
        index.FilterField("slug"),
        index.FilterField("other_marketplace_ids"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("commerce")
        verbose_name_plural = _("commerces")
        constraints = [
            models.UniqueConstraint(
                fields=["marketplace", "external_id"],
                condition=models.Q(marketplace__isnull=False),
                name="unique_shop_per_marketplace",
            )
        ]
        indexes = [models.Index(fields=["marketplace", "is_active", "last_seen"])]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return shop_url(self.slug)

    @classmethod
    def get_indexed_objects(cls):
        # Only what visitors may find is indexed: deactivating a shop removes it.
        return (
            super()
            .get_indexed_objects()
            .filter(is_active=True, is_hidden=False, duplicate_of__isnull=True)
            .select_related("town__departement")
            # Each document names the other marketplaces where the shop sells.
            .prefetch_related(
                models.Prefetch("duplicates", queryset=cls.objects.select_related("marketplace"))
            )
        )

    @property
    def coordinates(self) -> tuple[float, float] | None:
        """The shop's own position, else its town's."""
        if self.latitude is not None and self.longitude is not None:
            return self.latitude, self.longitude
        if self.town.latitude is not None and self.town.longitude is not None:
            return self.town.latitude, self.town.longitude
        return None

    @property
    def is_listed(self) -> bool:
        return self.is_active and not self.is_hidden and self.duplicate_of_id is None

    @property
    def listing(self) -> "Shop":
        """The record shoppers see for this business (shops/same_shop.py)."""
        return self.duplicate_of if self.duplicate_of_id else self

    @property
    def other_records(self) -> list["Shop"]:
        """The business's other visible records, each from another marketplace; use
        `shops.queries.with_other_records` to read them with the listing in one query."""
        return [
            record for record in self.duplicates.all() if record.is_active and not record.is_hidden
        ]

    @property
    def other_marketplaces(self) -> list[Marketplace]:
        """Marketplaces where this business also sells ("aussi sur …"), its own first."""
        seen = {self.marketplace_id}
        found = []
        for record in self.other_records:
            if record.marketplace_id not in seen:
                seen.add(record.marketplace_id)
                found.append(record.marketplace)
        return [marketplace for marketplace in found if marketplace is not None]

    @property
    def other_marketplace_ids(self) -> list[int]:
        return [marketplace.pk for marketplace in self.other_marketplaces]

    @classmethod
    def indexed_dependants(cls, pks):
        """Documents that copy these shops' fields (a product is found and shown with its
        shop's name, town and listing; a listing names its duplicates' marketplaces), to
        index again with them
        (`search.outbox.record_changes_with_dependants`)."""
        listings = cls.objects.filter(pk__in=pks, duplicate_of__isnull=False)
        return [
            (Product, Product.objects.filter(shop_id__in=pks).values_list("pk", flat=True)),
            # A listing's document names its other records' marketplaces ("aussi sur").
            (cls, listings.values_list("duplicate_of_id", flat=True)),
        ]

    # Values of SEARCH_FACET_FIELDS, for the search index.
    @property
    def town_code(self) -> str:
        return self.town.insee_code

    @property
    def departement_code(self) -> str:
        return self.town.departement_id

    @property
    def sector_slugs(self) -> list[str]:
        return [sector.slug for sector in self.sectors.all()]

    @property
    def is_promoted(self) -> bool:
        # Until campaigns name their featured shops, the editor's "featured" flag stands in.
        return self.is_featured

    @property
    def location(self) -> dict | None:
        coordinates = self.coordinates
        return {"lat": coordinates[0], "lon": coordinates[1]} if coordinates else None

    @property
    def exact_name(self) -> str:
        return fold_name(self.name)

    @property
    def glued_elisions(self) -> str:
        # "L'Atelier" is also found as typed without the apostrophe (search/elisions.py).
        return glued_forms(fold_name, self.name)


class ShopSector(models.Model):
    shop = models.ForeignKey(Shop, on_delete=models.CASCADE)
    sector = models.ForeignKey(Sector, on_delete=models.CASCADE)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["shop", "sector"], name="unique_shop_sector")
        ]

    def __str__(self):
        return f"{self.shop_id} → {self.sector_id}"


class Availability(models.TextChoices):
    IN_STOCK = "in_stock", _("En stock")
    OUT_OF_STOCK = "out_of_stock", _("Épuisé")
    PREORDER = "preorder", _("Sur commande")
    UNKNOWN = "unknown", _("Disponibilité à vérifier")


class Product(index.Indexed, FeedProvenance):
    shop = models.ForeignKey(
        Shop, on_delete=models.CASCADE, related_name="products", verbose_name=_("commerce")
    )
    title = models.CharField(_("titre"), max_length=255)
    slug = models.SlugField(_("slug"), max_length=255)
    description = models.TextField(_("description"), blank=True)  # sanitised HTML
    price = models.DecimalField(
        _("prix (€)"), max_digits=10, decimal_places=2, null=True, blank=True
    )
    availability = models.CharField(
        _("disponibilité"),
        max_length=20,
        choices=Availability.choices,
        default=Availability.UNKNOWN,
    )
    stock = models.PositiveIntegerField(
        _("stock"), null=True, blank=True, help_text=_("Pour le retrait en boutique.")
    )
    image_url = models.URLField(_("adresse de l'image"), max_length=1000, blank=True)
    image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("image"),
    )
    marketplace_url = models.URLField(_("page sur la place de marché"), max_length=1000, blank=True)
    categories = models.CharField(_("catégories du partenaire"), max_length=500, blank=True)
    sector = models.ForeignKey(
        Sector,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="products",
        verbose_name=_("secteur"),
    )
    brand = models.CharField(_("marque"), max_length=150, blank=True)
    gtin = models.CharField(_("GTIN"), max_length=14, blank=True)
    created_at = models.DateTimeField(_("créé le"), auto_now_add=True)
    updated_at = models.DateTimeField(_("modifié le"), auto_now=True)

    search_fields = [
        index.SearchField("title", boost=3),
        index.AutocompleteField("title"),
        index.SearchField("glued_elisions", boost=2),
        index.SearchField("description"),
        index.SearchField("brand"),
        index.SearchField("categories"),
        # Where it is sold, so that "miel bourges" finds honey sold in Bourges, every word
        # required (the engine's and the database's text span all of a document's fields).
        index.RelatedFields(
            "shop",
            [
                index.SearchField("name"),
                index.SearchField("postal_code"),
                index.RelatedFields("town", WHERE_FIELDS),
                index.FilterField("town_id"),
            ],
        ),
        index.RelatedFields("sector", [index.SearchField("name"), index.SearchField("name_en")]),
        index.FilterField("shop_id"),
        index.FilterField("sector_id"),
        index.FilterField("marketplace_id"),
        index.FilterField("availability"),
        index.FilterField("price"),
        index.FilterField("is_active"),
        index.FilterField("is_hidden"),
        index.FilterField("click_and_collect", type="BooleanField"),
        *[index.FilterField(name, **options) for name, options in SEARCH_FACET_FIELDS.items()],
        index.FilterField("slug"),
    ]

    class Meta:
        ordering = ["title"]
        verbose_name = _("produit")
        verbose_name_plural = _("produits")
        constraints = [
            models.UniqueConstraint(
                fields=["marketplace", "external_id"],
                condition=models.Q(marketplace__isnull=False),
                name="unique_product_per_marketplace",
            )
        ]
        indexes = [models.Index(fields=["marketplace", "is_active", "last_seen"])]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return product_url(self.pk, self.slug)

    @classmethod
    def get_indexed_objects(cls):
        return (
            super()
            .get_indexed_objects()
            .filter(
                is_active=True,
                is_hidden=False,
                shop__is_active=True,
                shop__is_hidden=False,
            )
            .select_related("shop__town__departement", "sector")
            # Bookkeeping and contact columns no document reads: a third of the columns,
            # most of the time spent reading 100,000 rows while the outbox is drained.
            .defer(*INDEXING_SKIPPED_COLUMNS)
        )

    @property
    def is_listed(self) -> bool:
        # A duplicate record's products stay listed, shown under the shop's listing.
        shop = self.shop
        return self.is_active and not self.is_hidden and shop.is_active and not shop.is_hidden

    # Values of SEARCH_FACET_FIELDS, for the search index: a product is found where its shop is.
    @property
    def town_code(self) -> str:
        return self.shop.town.insee_code

    @property
    def departement_code(self) -> str:
        return self.shop.town.departement_id

    @property
    def sector_slugs(self) -> list[str]:
        return [self.sector.slug] if self.sector else []

    @property
    def click_and_collect(self) -> bool:
        return self.shop.click_and_collect

    @property
    def is_promoted(self) -> bool:
        return self.is_featured or self.shop.is_featured

    @property
    def location(self) -> dict | None:
        return self.shop.location

    @property
    def glued_elisions(self) -> str:
        return glued_forms(fold_name, self.title, self.shop.name)
