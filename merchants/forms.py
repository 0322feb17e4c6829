"""Forms of the merchants' area: sign-up, the merchant's shop and products, pickup requests."""

from datetime import datetime, timedelta

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from shops.lookups import fold_town_name
from shops.models import Sector, Town
from shops.opening_hours import WEEKDAYS

from .models import MerchantAccount, MerchantApplication
from .validation import REGION_DEPARTEMENTS, check_photo, check_town, clean_siret, parse_hours

PHONE = RegexValidator(
    r"^\+?[\d\s.\-()]{10,20}$", _("Saisissez un numéro de téléphone, par exemple 02 47 00 00 00.")
)
POSTAL_CODE = RegexValidator(r"^\d{5}$", _("Le code postal compte 5 chiffres."))


class HoneypotMixin(forms.Form):
    """A field people never see nor fill; robots that fill every field are turned away."""

    website_url = forms.CharField(
        label=_("Laissez ce champ vide"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def clean_website_url(self):
        if self.cleaned_data.get("website_url"):
            raise ValidationError(_("Ce champ doit rester vide."), code="honeypot")
        return ""


class OpeningHoursMixin(forms.Form):
    """Opening and closing time for each weekday; a day with neither is closed."""

    def add_hours_fields(self, initial: dict):
        hours = parse_hours(initial)
        for day, name in WEEKDAYS:
            opens, closes = hours.get(day, (None, None))
            self.fields[f"opens_{day}"] = forms.TimeField(
                label=_("%(day)s, ouverture") % {"day": name},
                required=False,
                initial=opens,
                widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            )
            self.fields[f"closes_{day}"] = forms.TimeField(
                label=_("%(day)s, fermeture") % {"day": name},
                required=False,
                initial=closes,
                widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            )

    def hours_bound_fields(self):
        return [(name, self[f"opens_{day}"], self[f"closes_{day}"]) for day, name in WEEKDAYS]

    def clean_hours(self) -> dict:
        hours = {}
        for day, _name in WEEKDAYS:
            opens = self.cleaned_data.get(f"opens_{day}")
            closes = self.cleaned_data.get(f"closes_{day}")
            if opens is None and closes is None:
                continue
            if opens is None or closes is None:
                self.add_error(
                    f"closes_{day}" if closes is None else f"opens_{day}",
                    _("Indiquez l'heure d'ouverture et l'heure de fermeture, ou aucune."),
                )
            elif opens >= closes:
                self.add_error(f"closes_{day}", _("La fermeture doit être après l'ouverture."))
            else:
                hours[str(day)] = [opens.strftime("%H:%M"), closes.strftime("%H:%M")]
        return hours


class SignupForm(HoneypotMixin, OpeningHoursMixin, forms.ModelForm):
    town_name = forms.CharField(label=_("Commune"), max_length=150)
    terms = forms.BooleanField(
        label=_("J'accepte les conditions d'utilisation du portail"),
        error_messages={"required": _("Vous devez accepter les conditions pour vous inscrire.")},
    )

    class Meta:
        model = MerchantApplication
        fields = [
            "business_name",
            "siret",
            "sector",
            "address",
            "postal_code",
            "contact_name",
            "email",
            "phone",
            "description",
            "click_and_collect",
            "delivery",
            "photo",
        ]
        widgets = {"description": forms.Textarea(attrs={"rows": 5})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["siret"].max_length = 20
        self.fields["siret"].widget.attrs.update(inputmode="numeric", maxlength="20")
        self.fields["siret"].help_text = _("14 chiffres, sur votre extrait Kbis ou avis Insee.")
        self.fields["postal_code"].validators.append(POSTAL_CODE)
        self.fields["phone"].validators.append(PHONE)
        self.fields["sector"].queryset = Sector.objects.all()
        self.fields["photo"].help_text = _("JPEG, PNG ou WebP, 5 Mo au plus.")
        self.fields["photo"].widget = forms.ClearableFileInput(
            attrs={"accept": "image/jpeg,image/png,image/webp"}
        )
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.add_hours_fields({})
        self.order_fields(
            [
                *[name for name in self.Meta.fields if name != "photo"],
                "town_name",
                "photo",
                *[f"{kind}_{day}" for day, _name in WEEKDAYS for kind in ("opens", "closes")],
                "terms",
                "website_url",
            ]
        )

    def clean_siret(self):
        return clean_siret(self.cleaned_data["siret"])

    def clean_description(self):
        return " ".join(self.cleaned_data["description"].split(" ")).strip()

    def clean_photo(self):
        photo = self.cleaned_data.get("photo")
        if photo and hasattr(photo, "size"):
            check_photo(photo)
        return photo

    def clean(self):
        cleaned = super().clean()
        cleaned["opening_hours"] = self.clean_hours()
        postal_code = cleaned.get("postal_code")
        name = cleaned.get("town_name")
        if postal_code and name:
            town = find_town(name, postal_code)
            if town is None:
                self.add_error(
                    "town_name",
                    _("Commune inconnue dans les six départements du Centre-Val de Loire."),
                )
            else:
                try:
                    check_town(town, postal_code)
                except ValidationError as error:
                    self.add_error(
                        "postal_code" if error.code == "postal_code_mismatch" else "town_name",
                        error,
                    )
                else:
                    cleaned["town"] = town
        return cleaned

    def save(self, commit=True):
        application = super().save(commit=False)
        application.town = self.cleaned_data["town"]
        application.opening_hours = self.cleaned_data["opening_hours"]
        application.terms_accepted_at = timezone.now()
        if commit:
            application.save()
        return application


def find_town(name: str, postal_code: str) -> Town | None:
    """The region's town with this name, preferring the one with this postal code."""
    folded = fold_town_name(name)
    if not folded:
        return None
    # About 1,800 communes: folding them in Python matches "St-Avertin" with "Saint-Avertin".
    candidates = [
        (pk, postal_codes.split())
        for pk, town_name, postal_codes in Town.objects.filter(
            departement_id__in=REGION_DEPARTEMENTS
        ).values_list("pk", "name", "postal_codes")
        if fold_town_name(town_name) == folded
    ]
    if not candidates:
        return None
    best = next((pk for pk, codes in candidates if postal_code in codes), candidates[0][0])
    return Town.objects.get(pk=best)


class PickupForm(HoneypotMixin, forms.Form):
    """A shopper's request: quantities of the shop's products, a slot, how to reach them."""

    slot_date = forms.DateField(
        label=_("Jour de retrait"), widget=forms.DateInput(attrs={"type": "date"})
    )
    slot_time = forms.TimeField(
        label=_("Heure de retrait"), widget=forms.TimeInput(attrs={"type": "time"})
    )
    shopper_name = forms.CharField(
        label=_("Votre nom"), max_length=150, widget=forms.TextInput(attrs={"autocomplete": "name"})
    )
    shopper_email = forms.EmailField(
        label=_("Votre courriel"), widget=forms.EmailInput(attrs={"autocomplete": "email"})
    )
    shopper_phone = forms.CharField(
        label=_("Votre téléphone"),
        max_length=30,
        validators=[PHONE],
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
    )

    def __init__(self, *args, account: MerchantAccount, products, now=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.account = account
        self.products = list(products)
        self.now = now
        for product in self.products:
            self.fields[f"quantity_{product.pk}"] = forms.IntegerField(
                label=product.title,
                min_value=0,
                max_value=999,
                required=False,
                initial=0,
                widget=forms.NumberInput(attrs={"min": "0", "max": str(product.stock or 0)}),
            )
        self.order_fields([f"quantity_{p.pk}" for p in self.products])

    def quantity_fields(self):
        return [(product, self[f"quantity_{product.pk}"]) for product in self.products]

    def clean(self):
        cleaned = super().clean()
        quantities = {}
        for product in self.products:
            quantity = cleaned.get(f"quantity_{product.pk}") or 0
            if quantity > (product.stock or 0):
                self.add_error(
                    f"quantity_{product.pk}",
                    _("Il n'en reste que %(stock)s.") % {"stock": product.stock or 0},
                )
            elif quantity:
                quantities[product.pk] = quantity
        if not quantities and not any(
            f"quantity_{product.pk}" in self.errors for product in self.products
        ):
            raise ValidationError(_("Choisissez au moins un produit."), code="empty")
        cleaned["quantities"] = quantities
        day, at = cleaned.get("slot_date"), cleaned.get("slot_time")
        if day and at:
            try:
                cleaned["slot"] = check_slot(self.account, day, at, self.now)
            except ValidationError as error:
                self.add_error("slot_time" if error.code != "slot_day" else "slot_date", error)
        return cleaned


def check_slot(account: MerchantAccount, day, at, now=None) -> datetime:
    """The slot as an aware datetime, if the shop is open then and it leaves time to prepare."""
    now = now or timezone.now()
    try:
        slot = timezone.make_aware(datetime.combine(day, at))
    except (OverflowError, ValueError):
        raise ValidationError(_("Cette date n'est pas valide."), code="slot_day") from None
    hours = parse_hours(account.opening_hours)
    if day.weekday() not in hours:
        raise ValidationError(_("Le commerce est fermé ce jour-là."), code="slot_day")
    opens, closes = hours[day.weekday()]
    if not opens <= at <= closes:
        raise ValidationError(
            _("Choisissez une heure entre %(opens)s et %(closes)s.")
            % {"opens": opens.strftime("%H:%M"), "closes": closes.strftime("%H:%M")},
            code="slot_hours",
        )
    earliest = now + timedelta(hours=account.pickup_delay_hours)
    if slot < earliest:
        raise ValidationError(
            _(
                "Le commerce a besoin de %(hours)s h pour préparer votre commande : "
                "choisissez plus tard."
            )
            % {"hours": account.pickup_delay_hours},
            code="slot_too_soon",
        )
    if slot > now + timedelta(days=settings.PICKUP_MAX_DAYS_AHEAD):
        raise ValidationError(
            _("Choisissez un jour dans les %(days)s prochains jours.")
            % {"days": settings.PICKUP_MAX_DAYS_AHEAD},
            code="slot_day",
        )
    return slot


class DeclineForm(forms.Form):
    reason = forms.CharField(
        label=_("Motif du refus"), widget=forms.Textarea(attrs={"rows": 3}), max_length=1000
    )


class ModerationForm(forms.Form):
    message = forms.CharField(
        label=_("Message au commerçant"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
    )


class EmailLoginForm(forms.Form):
    email = forms.EmailField(label=_("Votre courriel"))
