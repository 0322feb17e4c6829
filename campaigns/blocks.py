"""StreamField blocks of the editorial pages; each renders through templates/components/blocks/.

Blocks that show catalogue rows fetch them in one query through campaigns.queries, so a body
with many shops costs the same number of queries as a body with one.
"""

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks import StructBlockValidationError
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from . import queries
from .models.base import BODY_FEATURES

HAND_PICKED = "hand_picked"
BY_RULE = "rule"


class FeaturedShopsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("titre"), required=False)
    shops = blocks.ListBlock(SnippetChooserBlock("shops.Shop"), label=_("commerces"))

    class Meta:
        icon = "home"
        label = _("Commerces à la une")
        template = "components/blocks/featured_shops.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["shops"] = queries.shops_in_order([shop.pk for shop in value["shops"] if shop])
        return context


class FeaturedProductsBlock(blocks.StructBlock):
    """Products picked by hand, or chosen by a rule the catalogue keeps up to date."""

    heading = blocks.CharBlock(label=_("titre"), required=False)
    selection = blocks.ChoiceBlock(
        choices=[(HAND_PICKED, _("Choisis à la main")), (BY_RULE, _("Selon une règle"))],
        default=HAND_PICKED,
        label=_("sélection"),
        help_text=_(
            "Selon une règle : les produits en vente qui répondent aux critères ci-dessous, "
            "un par commerce à tour de rôle (commerces mis en avant d'abord, puis les "
            "nouveautés), jusqu'au nombre maximum."
        ),
    )
    # No slot until the editor adds one (a ListBlock starts with one empty child otherwise),
    # and an empty slot is left out rather than refused: a rule needs none.
    products = blocks.ListBlock(
        SnippetChooserBlock("shops.Product", required=False),
        label=_("produits choisis"),
        required=False,
        default=[],
    )
    sector = SnippetChooserBlock("shops.Sector", required=False, label=_("secteur"))
    town = SnippetChooserBlock("shops.Town", required=False, label=_("commune"))
    marketplace = SnippetChooserBlock(
        "shops.Marketplace", required=False, label=_("place de marché")
    )
    click_and_collect_only = blocks.BooleanBlock(
        required=False, label=_("seulement le retrait en boutique")
    )
    limit = blocks.IntegerBlock(default=8, min_value=1, max_value=24, label=_("nombre maximum"))

    class Meta:
        icon = "tag"
        label = _("Produits à la une")
        template = "components/blocks/featured_products.html"

    def clean(self, value):
        value = super().clean(value)
        value["products"] = [product for product in value["products"] if product]
        if value["selection"] == HAND_PICKED and not value["products"]:
            raise StructBlockValidationError(
                block_errors={"products": ValidationError(_("Choisissez au moins un produit."))}
            )
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        if value["selection"] == HAND_PICKED:
            ids = [product.pk for product in value["products"] if product]
            context["products"] = queries.products_in_order(ids)[: value["limit"]]
        else:
            context["products"] = queries.products_by_rule(
                sector=value["sector"],
                town=value["town"],
                marketplace=value["marketplace"],
                click_and_collect_only=value["click_and_collect_only"],
                limit=value["limit"],
            )
        return context


class ShopMapBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("titre"), required=False)
    town = SnippetChooserBlock("shops.Town", required=False, label=_("commune"))
    sector = SnippetChooserBlock("shops.Sector", required=False, label=_("secteur"))

    class Meta:
        icon = "site"
        label = _("Carte des commerces")
        template = "components/blocks/shop_map.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        shops = queries.shops_matching(town=value["town"], sector=value["sector"])
        context["map_points"] = queries.map_points(shops)
        # Pages pass the stream child's id, so two maps on one page get distinct element ids.
        block_id = parent_context.get("block_id") if parent_context else None
        context["map_id"] = f"map-{block_id or 'block'}"
        return context


class CountdownBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("titre"))
    target = blocks.DateTimeBlock(label=_("date visée"))
    finished_message = blocks.CharBlock(label=_("message une fois la date passée"), required=False)

    class Meta:
        icon = "time"
        label = _("Compte à rebours")
        template = "components/blocks/countdown.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        remaining = value["target"] - timezone.now() if value["target"] else None
        context["days_left"] = remaining.days if remaining and remaining.total_seconds() > 0 else 0
        context["is_over"] = remaining is None or remaining.total_seconds() <= 0
        return context


class TestimonialBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("citation"))
    author = blocks.CharBlock(label=_("auteur"))
    role = blocks.CharBlock(label=_("qualité"), required=False)
    portrait = ImageChooserBlock(label=_("portrait"), required=False)

    class Meta:
        icon = "openquote"
        label = _("Témoignage")
        template = "components/blocks/testimonial.html"


class PartnerBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("nom"))
    logo = ImageChooserBlock(label=_("logo"))
    url = blocks.URLBlock(label=_("site web"), required=False)


class PartnerLogosBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("titre"), required=False)
    partners = blocks.ListBlock(PartnerBlock(), label=_("partenaires"))

    class Meta:
        icon = "group"
        label = _("Logos des partenaires")
        template = "components/blocks/partner_logos.html"


class ButtonBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("texte du bouton"))
    page = blocks.PageChooserBlock(required=False, label=_("page du site"))
    url = blocks.URLBlock(required=False, label=_("ou adresse externe"))

    class Meta:
        icon = "link"
        label = _("Bouton")
        template = "components/blocks/button.html"

    def clean(self, value):
        value = super().clean(value)
        if not value["page"] and not value["url"]:
            raise StructBlockValidationError(
                block_errors={"page": ValidationError(_("Choisissez une page ou une adresse."))}
            )
        return value


class VideoBlock(blocks.StructBlock):
    """Loaded only when the visitor asks: no request to the video host before that."""

    title = blocks.CharBlock(label=_("titre de la vidéo"))
    video = EmbedBlock(label=_("adresse de la vidéo"))
    transcript = blocks.TextBlock(label=_("transcription"), required=False)

    class Meta:
        icon = "media"
        label = _("Vidéo")
        template = "components/blocks/video.html"


class CampaignBodyBlock(blocks.StreamBlock):
    rich_text = blocks.RichTextBlock(
        features=BODY_FEATURES, label=_("Texte"), template="components/blocks/rich_text.html"
    )
    featured_shops = FeaturedShopsBlock()
    featured_products = FeaturedProductsBlock()
    shop_map = ShopMapBlock()
    countdown = CountdownBlock()
    testimonial = TestimonialBlock()
    partner_logos = PartnerLogosBlock()
    button = ButtonBlock()
    video = VideoBlock()


class GuideProductBlock(blocks.StructBlock):
    product = SnippetChooserBlock("shops.Product", label=_("produit"))
    note = blocks.TextBlock(label=_("note de la rédaction"), required=False)

    class Meta:
        icon = "tag"
        label = _("Produit")
        template = "components/blocks/guide_entry.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["entry"] = queries.GuideEntry("product", value["product"], value["note"])
        return context


class GuideShopBlock(blocks.StructBlock):
    shop = SnippetChooserBlock("shops.Shop", label=_("commerce"))
    note = blocks.TextBlock(label=_("note de la rédaction"), required=False)

    class Meta:
        icon = "home"
        label = _("Commerce")
        template = "components/blocks/guide_entry.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["entry"] = queries.GuideEntry("shop", value["shop"], value["note"])
        return context


class GuideSelectionBlock(blocks.StreamBlock):
    product = GuideProductBlock()
    shop = GuideShopBlock()
