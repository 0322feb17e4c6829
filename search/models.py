"""What the search app stores: the outbox of index changes still to apply."""

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class IndexOutbox(models.Model):
    """A change to an indexed object, written in the transaction that made it.

    Rows are applied to the search engines in bulk by `search.indexing.drain_outbox`
    and deleted once every engine has them, so an engine that is down only delays
    them: nothing is lost.
    """

    # One row per search backend, so an engine that is down never holds back the others.
    backend = models.CharField(max_length=50, default="default")
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.CharField(max_length=64)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["id"]
        indexes = [
            models.Index(fields=["backend", "id"]),
            # Search results ask whether their objects changed since they were indexed.
            models.Index(fields=["backend", "object_id"]),
        ]
        verbose_name = _("changement à indexer")
        verbose_name_plural = _("changements à indexer")

    def __str__(self):
        return f"{self.content_type_id}:{self.object_id}"


class RejectedDocument(models.Model):
    """A document the engine refused (a value its mapping cannot take), kept with its reason.

    The drain applies the rest of the batch and parks the refused object here instead of
    retrying it for ever; it leaves this list when a later change of the object is accepted.
    Counted in /healthz, listed in the admin (Rapports > Documents refusés par la recherche).
    """

    backend = models.CharField(_("moteur"), max_length=50)
    content_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, related_name="+", verbose_name=_("type")
    )
    object_id = models.CharField(_("identifiant"), max_length=64)
    reason = models.TextField(_("motif donné par le moteur"))
    rejections = models.PositiveIntegerField(_("refus"), default=1)
    first_rejected_at = models.DateTimeField(_("premier refus"), auto_now_add=True)
    last_rejected_at = models.DateTimeField(_("dernier refus"), auto_now=True)

    class Meta:
        ordering = ["-last_rejected_at"]
        verbose_name = _("document refusé par la recherche")
        verbose_name_plural = _("documents refusés par la recherche")
        constraints = [
            models.UniqueConstraint(
                fields=["backend", "content_type", "object_id"], name="one_rejection_per_document"
            )
        ]

    def __str__(self):
        return f"{self.content_type.name} {self.object_id}"

    @property
    def document(self):
        """The refused object, or None if it no longer exists."""
        model = self.content_type.model_class()
        return model.objects.filter(pk=self.object_id).first() if model else None


class SynonymGroup(models.Model):
    """Words shoppers use for the same thing ("jouet, jeu"), kept by editors in the admin.

    A query containing one word of a group also looks for the others (search/synonyms.py),
    on the engine and on the database fallback alike, from the next search on.
    """

    terms = models.CharField(
        _("mots équivalents"),
        max_length=500,
        help_text=_("Séparés par des virgules : « bijouterie, bijoutier, joaillier »."),
    )
    is_active = models.BooleanField(_("actif"), default=True)
    note = models.CharField(_("remarque"), max_length=255, blank=True)
    updated_at = models.DateTimeField(_("modifié le"), auto_now=True)

    class Meta:
        ordering = ["terms"]
        verbose_name = _("groupe de synonymes")
        verbose_name_plural = _("synonymes")

    def __str__(self):
        return self.terms

    @property
    def term_list(self) -> list[str]:
        return [term.strip() for term in self.terms.split(",") if term.strip()]


class SearchQueryStat(models.Model):
    """How often a query was typed on a day, and how often it found nothing.

    Only the folded query text and counters: no IP, no user, no time of day, so nothing
    links a row to a person.
    """

    day = models.DateField(_("jour"))
    query = models.CharField(_("recherche"), max_length=200)
    searches = models.PositiveIntegerField(_("recherches"), default=0)
    zero_results = models.PositiveIntegerField(_("sans résultat"), default=0)

    class Meta:
        ordering = ["-day", "-searches"]
        verbose_name = _("statistique de recherche")
        verbose_name_plural = _("statistiques de recherche")
        constraints = [
            models.UniqueConstraint(fields=["day", "query"], name="unique_query_per_day")
        ]

    def __str__(self):
        return f"{self.day} {self.query}"
