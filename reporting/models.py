"""No table: only the permission that opens the region's dashboard."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Dashboard(models.Model):
    class Meta:
        managed = False
        default_permissions = ()
        permissions = [("view_dashboard", _("Peut consulter le tableau de bord de la Région"))]
        verbose_name = _("tableau de bord")

    def __str__(self):
        return str(self._meta.verbose_name)
