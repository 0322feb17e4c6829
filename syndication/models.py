"""What newspapers link to: partners, short links to guides and campaigns, and visit counters.

Visits are aggregates (partner, page, day → count): no IP, no user agent, no cookie, so no row
can be linked to a person.
"""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class Partner(models.Model):
    """A newspaper or partner site; its slug is the utm_source of its tracked links."""

    name = models.CharField(_("nom"), max_length=150)
    slug = models.SlugField(
        _("identifiant de suivi"),
        max_length=60,
        unique=True,
        help_text=_(
            "Utilisé dans les liens suivis et comme utm_source, ex. « nouvelle-republique »."
        ),
    )
    website = models.URLField(_("site web"), blank=True)
    created_at = models.DateTimeField(_("créé le"), auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("partenaire de presse")
        verbose_name_plural = _("partenaires de presse")

    def __str__(self):
        return self.name


class ShortLink(models.Model):
    """/g/<slug>: bound to the page itself, not to its address, so it survives renames and moves."""

    slug = models.SlugField(_("lien court"), max_length=80, unique=True)
    page = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        related_name="short_links",
        verbose_name=_("page"),
    )
    created_at = models.DateTimeField(_("créé le"), auto_now_add=True)

    class Meta:
        ordering = ["slug"]
        verbose_name = _("lien court")
        verbose_name_plural = _("liens courts")

    def __str__(self):
        return f"/g/{self.slug}"

    def get_absolute_url(self):
        return reverse("short_link", kwargs={"slug": self.slug})

    def tracked_url(self, partner: Partner) -> str:
        return reverse("tracked_short_link", kwargs={"slug": self.slug, "partner": partner.slug})


class VisitCount(models.Model):
    """How many visits a page received through short links on a day, per partner."""

    day = models.DateField(_("jour"))
    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+", verbose_name=_("page")
    )
    # Empty for the plain short link, shared without a partner.
    partner = models.ForeignKey(
        Partner,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="visit_counts",
        verbose_name=_("partenaire"),
    )
    # A tracked link whose partner slug is not (yet) registered: counted apart from the plain
    # short link, so that editors see a newspaper to register rather than losing its readers.
    unknown_partner = models.BooleanField(_("partenaire inconnu"), default=False)
    visits = models.PositiveIntegerField(_("visites"), default=0)

    class Meta:
        ordering = ["-day"]
        verbose_name = _("visites par jour")
        verbose_name_plural = _("visites par jour")
        constraints = [
            models.UniqueConstraint(
                fields=["day", "page", "partner", "unknown_partner"],
                name="unique_visit_count",
                nulls_distinct=False,
            )
        ]

    def __str__(self):
        return f"{self.day} {self.page_id} {self.partner_id}: {self.visits}"
