"""The product and shop choosers of the page editor: enough to tell forty "Forestines de
Bourges" apart (shop, town, price, availability), filterable by département, town and sector.

They offer only what the public sees (`shops.queries`): a hidden or inactive record picked
for a guide would never be shown there. Searching goes through the database like the admin
listings (`shops.admin_search`), so a GTIN or a town's name finds a product too.
"""

from django import forms
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.admin.ui.tables import Column
from wagtail.snippets.views.chooser import ChooseResultsView, ChooseView, SnippetChooserViewSet

from .admin_search import search_records
from .models import Departement, Sector, Town
from .queries import listed_products, listed_shops

PRODUCT_SEARCH_LOOKUPS = ["title", "gtin", "brand", "shop__name", "shop__town__name"]
SHOP_SEARCH_LOOKUPS = ["name", "siret", "address", "postal_code", "town__name"]


class CatalogueFilterForm(BaseFilterForm):
    """Words, then where (département, town) and what (sector)."""

    # Set by subclasses: the ORM paths searched, the town and the sector of a record.
    search_lookups: list[str] = []
    town_path = ""
    sector_path = ""

    q = forms.CharField(
        label=_("Rechercher"),
        required=False,
        widget=forms.TextInput(attrs={"placeholder": _("Nom, commune, SIRET ou GTIN")}),
    )
    departement = forms.ModelChoiceField(
        Departement.objects.all(),
        required=False,
        label=_("Département"),
        empty_label=_("Tous les départements"),
    )
    town = forms.ModelChoiceField(
        Town.objects.none(), required=False, label=_("Commune"), empty_label=_("Toutes")
    )
    sector = forms.ModelChoiceField(
        Sector.objects.all(), required=False, label=_("Secteur"), empty_label=_("Tous")
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Only towns that have a listed shop: a few hundred rather than the region's 1,754.
        self.fields["town"].queryset = Town.objects.filter(
            pk__in=listed_shops().values("town_id")
        ).order_by("name")

    def filter(self, objects):
        data = self.cleaned_data
        if data.get("departement"):
            objects = objects.filter(**{f"{self.town_path}__departement": data["departement"]})
        if data.get("town"):
            objects = objects.filter(**{self.town_path: data["town"]})
        if data.get("sector"):
            objects = objects.filter(**{self.sector_path: data["sector"]})
        if data.get("q"):
            self.is_searching = True
            self.search_query = data["q"]
            objects = search_records(objects, data["q"], self.search_lookups)
        return objects


class ProductFilterForm(CatalogueFilterForm):
    search_lookups = PRODUCT_SEARCH_LOOKUPS
    town_path = "shop__town"
    sector_path = "sector"


class ShopFilterForm(CatalogueFilterForm):
    search_lookups = SHOP_SEARCH_LOOKUPS
    town_path = "town"
    sector_path = "sectors"


def product_price(product) -> str:
    return f"{number_format(product.price, 2)} €" if product.price is not None else "—"


def shop_sectors(shop) -> str:
    return ", ".join(sector.label for sector in shop.sectors.all())


class ProductChooserMixin:
    filter_form_class = ProductFilterForm

    def get_object_list(self):
        return listed_products().order_by("title", "shop__name", "pk")

    @property
    def columns(self):
        return [
            *super().columns,
            Column("shop", label=_("Commerce"), accessor=lambda p: p.shop.name),
            Column("town", label=_("Commune"), accessor=lambda p: p.shop.town),
            Column("price", label=_("Prix"), accessor=product_price),
            Column("availability", label=_("Disponibilité"), accessor="get_availability_display"),
        ]


class ShopChooserMixin:
    filter_form_class = ShopFilterForm

    def get_object_list(self):
        # Filtering by sector crosses the many-to-many: one row per shop all the same.
        return listed_shops().prefetch_related("sectors").distinct().order_by("name", "pk")

    @property
    def columns(self):
        return [
            *super().columns,
            Column("town", label=_("Commune"), accessor="town"),
            Column("sectors", label=_("Secteurs"), accessor=shop_sectors),
        ]


class ProductChooseView(ProductChooserMixin, ChooseView):
    pass


class ProductChooseResultsView(ProductChooserMixin, ChooseResultsView):
    pass


class ShopChooseView(ShopChooserMixin, ChooseView):
    pass


class ShopChooseResultsView(ShopChooserMixin, ChooseResultsView):
    pass


class ProductChooserViewSet(SnippetChooserViewSet):
    choose_view_class = ProductChooseView
    choose_results_view_class = ProductChooseResultsView


class ShopChooserViewSet(SnippetChooserViewSet):
    choose_view_class = ShopChooseView
    choose_results_view_class = ShopChooseResultsView
