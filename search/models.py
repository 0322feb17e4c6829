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
        indexes = [models.Index(fields=["backend", "id"])]
        verbose_name = _("changement à indexer")
        verbose_name_plural = _("changements à indexer")

    def __str__(self):
        return f"{self.content_type_id}:{self.object_id}"
