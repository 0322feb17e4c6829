from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SyndicationConfig(AppConfig):
    name = "syndication"
    verbose_name = _("Liens, widgets et flux pour la presse")

    def ready(self):
        from . import signals  # noqa: F401
