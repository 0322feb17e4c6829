"""What post_migrate creates (content types, permissions), restored for a transactional journey:
a transactional test run before it flushed them, and the admin and the dashboard need them."""

from django.apps import apps
from django.contrib.auth.management import create_permissions
from django.contrib.contenttypes.management import create_contenttypes


def restore_post_migrate_data() -> None:
    for app_config in apps.get_app_configs():
        create_contenttypes(app_config, verbosity=0)
        create_permissions(app_config, verbosity=0)
