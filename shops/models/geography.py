"""Départements, towns and sectors: the reference data every shop is filed under."""

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.search import index


class Departement(models.Model):
    code = models.CharField(_("code"), max_length=3, primary_key=True)
    name = models.CharField(_("nom"), max_length=100)

    class Meta:
        ordering = ["code"]
        verbose_name = _("département")
        verbose_name_plural = _("départements")

    def __str__(self):
        return f"{self.name} ({self.code})"


class Town(index.Indexed, models.Model):
    """A commune, from the official geographic code (see shops/reference/)."""

    insee_code = models.CharField(_("code INSEE"), max_length=5, unique=True)
    name = models.CharField(_("nom"), max_length=150, db_index=True)
    slug = models.SlugField(_("slug"), max_length=160, unique=True)
    departement = models.ForeignKey(
        Departement, on_delete=models.PROTECT, related_name="towns", verbose_name=_("département")
    )
    # Space-separated: a commune can have several postal codes (Tours: 37000 37100 37200).
    postal_codes = models.CharField(_("codes postaux"), max_length=120, blank=True)
    population = models.PositiveIntegerField(_("population"), default=0)
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)

    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.FilterField("departement_id"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("commune")
        verbose_name_plural = _("communes")

    def __str__(self):
        return f"{self.name} ({self.departement_id})"

    @property
    def postal_code_list(self) -> list[str]:
        return self.postal_codes.split()


class Sector(models.Model):
    """A trade (toys, bookshops, florists…), editable by the communications team."""

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    name = models.CharField(_("nom"), max_length=100)
    name_en = models.CharField(_("nom en anglais"), max_length=100, blank=True)
    # Partner category words that map to this sector, one per line ("jouets", "toys"…).
    keywords = models.TextField(
        _("mots-clés des partenaires"),
        blank=True,
        help_text=_("Un mot ou une catégorie de partenaire par ligne, rattachés à ce secteur."),
    )
    sort_order = models.PositiveSmallIntegerField(_("ordre"), default=100)

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("secteur")
        verbose_name_plural = _("secteurs")

    def __str__(self):
        return self.label

    @property
    def label(self) -> str:
        """The name in the language of the page being shown."""
        if (get_language() or "fr").startswith("en") and self.name_en:
            return self.name_en
        return self.name

    @property
    def keyword_list(self) -> list[str]:
        return [line.strip() for line in self.keywords.splitlines() if line.strip()]
