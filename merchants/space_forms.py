"""Forms of the merchant's space: their own shop and their products, with photos."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from portal.decimal_input import LocalizedDecimalField
from shops.html import text_as_html
from shops.models import Availability, Product, Shop

from .description_text import html_as_text
from .forms import PHONE, OpeningHoursMixin
from .models import MerchantAccount
from .photos import apply_photo, clean_photo, photo_field, remove_photo_field

MAX_STOCK = 100_000


class DescriptionAsTextMixin(forms.ModelForm):
    """The `description` (stored as HTML) edited as plain text."""

    def show_description_as_text(self):
        if self.instance.pk and not self.is_bound:
            self.initial["description"] = html_as_text(self.instance.description)
        self.fields["description"].help_text = _(
            "Texte simple ; laissez une ligne vide entre deux paragraphes."
        )

    def clean_description(self):
        return text_as_html(self.cleaned_data["description"])


class PhotoMixin(forms.Form):
    """A photo to upload, and once there is one, a box to remove it."""

    def add_photo_fields(self, label, current):
        self.fields["photo_upload"] = photo_field(label)
        if current:
            self.fields["remove_photo"] = remove_photo_field()

    def clean_photo_upload(self):
        return clean_photo(self.cleaned_data.get("photo_upload"))


class ShopForm(DescriptionAsTextMixin, PhotoMixin, OpeningHoursMixin, forms.ModelForm):
    """What a merchant edits of their own shop."""

    pickup_delay_hours = forms.IntegerField(
        label=_("Délai de préparation (heures)"), min_value=0, max_value=168
    )
    website = forms.URLField(
        label=_("Site web"), required=False, max_length=500, assume_scheme="https"
    )

    class Meta:
        model = Shop
        fields = [
            "description",
            "address",
            "phone",
            "email",
            "website",
            "click_and_collect",
            "delivery",
            "pickup_instructions",
        ]
        widgets = {"description": forms.Textarea(attrs={"rows": 5})}

    def __init__(self, *args, account: MerchantAccount, **kwargs):
        super().__init__(*args, **kwargs)
        self.account = account
        self.fields["pickup_delay_hours"].initial = account.pickup_delay_hours
        self.add_photo_fields(_("Photo du commerce"), self.instance.photo)
        self.add_hours_fields(account.opening_hours)
        self.fields["phone"].validators.append(PHONE)
        self.fields["phone"].widget.attrs.update(type="tel", autocomplete="tel")
        self.show_description_as_text()

    def clean(self):
        cleaned = super().clean()
        cleaned["opening_hours"] = self.clean_hours()
        return cleaned

    def save(self, commit=True):
        shop = super().save(commit=False)
        apply_photo(shop, "photo", self.cleaned_data, shop.name)
        if commit:
            shop.save()
        return shop


class ProductForm(DescriptionAsTextMixin, PhotoMixin, forms.ModelForm):
    class Meta:
        model = Product
        fields = ["title", "description", "price", "stock", "availability", "sector", "is_hidden"]
        field_classes = {"price": LocalizedDecimalField}
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["price"].required = True
        self.fields["price"].help_text = _("En euros, par exemple 34,50.")
        self.fields["stock"].required = True
        self.fields["stock"].widget.attrs.update(min="0", max=str(MAX_STOCK), inputmode="numeric")
        self.fields["stock"].max_value = MAX_STOCK
        self.fields["availability"].choices = [
            (value, label) for value, label in Availability.choices if value != "unknown"
        ]
        self.fields["is_hidden"].label = _("Masquer ce produit")
        self.fields["title"].label = _("Nom du produit")
        self.add_photo_fields(_("Photo du produit"), self.instance.image)
        self.order_fields([*self.Meta.fields[:2], "photo_upload", "remove_photo"])
        self.show_description_as_text()

    def clean_price(self):
        price = self.cleaned_data["price"]
        if price is not None and (price < 0 or price > settings.PRODUCT_MAX_PRICE):
            raise ValidationError(
                _("Le prix doit être compris entre 0 et %(max)s €."),
                params={"max": settings.PRODUCT_MAX_PRICE},
            )
        return price

    def clean_stock(self):
        stock = self.cleaned_data["stock"]
        if stock is not None and stock > MAX_STOCK:
            raise ValidationError(_("Le stock ne peut dépasser 100 000."))
        return stock

    def save(self, commit=True):
        product = super().save(commit=False)
        apply_photo(product, "image", self.cleaned_data, product.title)
        if commit:
            product.save()
        return product
