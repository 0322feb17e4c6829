"""Admin views of the catalogue: snippets for shops, products, marketplaces and import records."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .admin_search import RecordSearchIndexView
from .admin_ui import AddLabelMixin, CorrectedFieldsPanel, yes_no
from .catalogue_choosers import (
    PRODUCT_SEARCH_LOOKUPS,
    SHOP_SEARCH_LOOKUPS,
    ProductChooserViewSet,
    ShopChooserViewSet,
)
from .choosers import ManagersOnlyChooserViewSet
from .forms import ImportedRecordForm
from .models import (
    ImportRun,
    Marketplace,
    MergeProposal,
    Product,
    QuarantinedRecord,
    Sector,
    Shop,
    Town,
)

PROVENANCE_PANEL = MultiFieldPanel(
    [
        FieldPanel("marketplace", read_only=True),
        FieldPanel("external_id", read_only=True),
        FieldRowPanel(
            [FieldPanel("first_seen", read_only=True), FieldPanel("last_seen", read_only=True)]
        ),
        FieldPanel("is_active"),
        CorrectedFieldsPanel("locked_fields", read_only=True),
    ],
    heading=_("Provenance"),
)


class ShopViewSet(AddLabelMixin, SnippetViewSet):
    model = Shop
    icon = "home"
    add_item_label = _("Ajouter un commerce")
    list_display = [
        "name",
        "town",
        "marketplace",
        yes_no(Shop, "click_and_collect"),
        yes_no(Shop, "is_active"),
        yes_no(Shop, "is_hidden"),
    ]
    list_filter = {
        "town__departement": ["exact"],
        "sectors": ["exact"],
        "marketplace": ["exact"],
        "is_active": ["exact"],
        "is_hidden": ["exact"],
        "is_featured": ["exact"],
        "click_and_collect": ["exact"],
    }
    # Searched in the database, hidden and inactive shops included (shops/admin_search.py).
    index_view_class = RecordSearchIndexView
    search_fields = SHOP_SEARCH_LOOKUPS
    chooser_viewset_class = ShopChooserViewSet
    list_export = ["name", "siret", "address", "postal_code", "town", "marketplace", "is_active"]
    inspect_view_enabled = True
    edit_handler = ObjectList(
        [
            FieldPanel("name"),
            FieldPanel("slug"),
            FieldRowPanel([FieldPanel("siret"), FieldPanel("postal_code")]),
            FieldPanel("address"),
            FieldPanel("town"),
            FieldPanel("sectors"),
            FieldPanel("description"),
            FieldPanel("opening_hours"),
            FieldRowPanel([FieldPanel("click_and_collect"), FieldPanel("delivery")]),
            FieldPanel("pickup_instructions"),
            FieldRowPanel([FieldPanel("marketplace_url"), FieldPanel("website")]),
            FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]),
            FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            FieldRowPanel([FieldPanel("is_featured"), FieldPanel("is_hidden")]),
            FieldPanel("duplicate_of"),
            PROVENANCE_PANEL,
        ],
        base_form_class=ImportedRecordForm,
    )

    def get_queryset(self, request):
        return Shop.objects.select_related("town", "marketplace")


class ProductViewSet(AddLabelMixin, SnippetViewSet):
    model = Product
    icon = "tag"
    add_item_label = _("Ajouter un produit")
    list_display = [
        "title",
        "shop",
        "price",
        "availability",
        "marketplace",
        yes_no(Product, "is_active"),
        yes_no(Product, "is_hidden"),
    ]
    list_filter = {
        "sector": ["exact"],
        "marketplace": ["exact"],
        "availability": ["exact"],
        "is_active": ["exact"],
        "is_hidden": ["exact"],
        "shop__town__departement": ["exact"],
    }
    index_view_class = RecordSearchIndexView
    search_fields = PRODUCT_SEARCH_LOOKUPS
    chooser_viewset_class = ProductChooserViewSet
    inspect_view_enabled = True
    edit_handler = ObjectList(
        [
            FieldPanel("title"),
            FieldPanel("shop"),
            FieldPanel("description"),
            FieldRowPanel([FieldPanel("price"), FieldPanel("availability"), FieldPanel("stock")]),
            FieldPanel("sector"),
            FieldPanel("image"),
            FieldRowPanel([FieldPanel("image_url"), FieldPanel("marketplace_url")]),
            FieldRowPanel([FieldPanel("brand"), FieldPanel("gtin")]),
            FieldRowPanel([FieldPanel("is_featured"), FieldPanel("is_hidden")]),
            PROVENANCE_PANEL,
        ],
        base_form_class=ImportedRecordForm,
    )

    def get_queryset(self, request):
        return Product.objects.select_related("shop", "marketplace")


class MarketplaceViewSet(AddLabelMixin, SnippetViewSet):
    model = Marketplace
    icon = "globe"
    add_item_label = _("Ajouter une place de marché")
    list_display = ["name", "kind", "feed_format", "schedule", yes_no(Marketplace, "is_active")]
    list_filter = ["kind", "feed_format", "is_active"]
    search_fields = ["name", "slug"]
    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("is_active")]),
        FieldPanel("website"),
        MultiFieldPanel(
            [
                FieldPanel("feed_format"),
                FieldPanel("feed_url"),
                FieldPanel("feed_file"),
                FieldRowPanel([FieldPanel("auth_username"), FieldPanel("auth_secret")]),
                FieldPanel("connector_options"),
            ],
            heading=_("Flux"),
        ),
        FieldRowPanel([FieldPanel("schedule"), FieldPanel("shrink_threshold")]),
        FieldRowPanel([FieldPanel("contact_name"), FieldPanel("contact_email")]),
    ]


class ImportRunViewSet(SnippetViewSet):
    model = ImportRun
    chooser_viewset_class = ManagersOnlyChooserViewSet
    icon = "history"
    list_display = [
        "marketplace",
        "started_at",
        "status",
        "created",
        "updated",
        "unchanged",
        "deactivated",
        "quarantined",
        "held_deactivations",
    ]
    list_filter = ["status", "marketplace"]
    inspect_view_enabled = True
    list_export = [
        "marketplace",
        "started_at",
        "finished_at",
        "status",
        "seen",
        "created",
        "updated",
        "unchanged",
        "deactivated",
        "quarantined",
        "held_deactivations",
    ]


class QuarantinedRecordViewSet(SnippetViewSet):
    model = QuarantinedRecord
    chooser_viewset_class = ManagersOnlyChooserViewSet
    icon = "warning"
    list_display = ["external_id", "marketplace", "kind", "reason", "last_seen"]
    list_filter = ["marketplace", "kind"]
    search_fields = ["external_id", "reason"]
    inspect_view_enabled = True
    list_export = ["marketplace", "kind", "external_id", "reason", "last_seen"]


class MergeProposalViewSet(SnippetViewSet):
    model = MergeProposal
    chooser_viewset_class = ManagersOnlyChooserViewSet
    icon = "resubmit"
    list_display = ["shop", "duplicate", "reason", "status", "created_at"]
    list_filter = ["status", "reason"]
    inspect_view_enabled = True


class TownViewSet(AddLabelMixin, SnippetViewSet):
    model = Town
    icon = "site"
    add_item_label = _("Ajouter une commune")
    list_display = ["name", "insee_code", "departement", "postal_codes", "population"]
    list_filter = ["departement"]
    index_view_class = RecordSearchIndexView
    search_fields = ["name", "insee_code", "postal_codes"]


class SectorViewSet(AddLabelMixin, SnippetViewSet):
    model = Sector
    icon = "folder-open-inverse"
    add_item_label = _("Ajouter un secteur")
    list_display = ["name", "name_en", "slug", "sort_order"]


class CatalogueGroup(SnippetViewSetGroup):
    menu_label = _("Catalogue")
    menu_icon = "list-ul"
    menu_order = 200
    items = (ShopViewSet, ProductViewSet, SectorViewSet, TownViewSet)


class ImportsGroup(SnippetViewSetGroup):
    menu_label = _("Partenaires")
    menu_icon = "globe"
    menu_order = 210
    items = (MarketplaceViewSet, ImportRunViewSet, QuarantinedRecordViewSet, MergeProposalViewSet)
