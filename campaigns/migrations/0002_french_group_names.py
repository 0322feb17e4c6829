"""Groups named in French only: Wagtail's own "Moderators" and "Editors", and the town editors'
groups with "de" elided before a vowel ("Éditeurs d'Orléans", not "Éditeurs de Orléans")."""

from django.db import migrations

from shops.town_names import town_phrases

WAGTAIL_GROUPS = {"Moderators": "Modérateurs", "Editors": "Éditeurs"}
OLD_TOWN_PREFIX = "Éditeurs de "


def renames(Group):
    """(old name, new name) of every group this migration renames."""
    pairs = list(WAGTAIL_GROUPS.items())
    for name in Group.objects.filter(name__startswith=OLD_TOWN_PREFIX).values_list(
        "name", flat=True
    ):
        town = name.removeprefix(OLD_TOWN_PREFIX)
        pairs.append((name, f"Éditeurs {town_phrases(town)['of_town']}"))
    return [(old, new) for old, new in pairs if old != new]


def rename(Group, pairs):
    for old, new in pairs:
        if not Group.objects.filter(name=new).exists():
            Group.objects.filter(name=old).update(name=new)


def forwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    rename(Group, renames(Group))


def backwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    rename(Group, [(new, old) for old, new in WAGTAIL_GROUPS.items()])
    for group in Group.objects.filter(name__startswith="Éditeurs d"):
        for article in ("d'", "du ", "des "):
            if group.name.startswith(f"Éditeurs {article}"):
                town = group.name.removeprefix(f"Éditeurs {article}")
                town = {"du ": "Le ", "des ": "Les "}.get(article, "") + town
                Group.objects.filter(pk=group.pk).update(name=OLD_TOWN_PREFIX + town)


class Migration(migrations.Migration):
    dependencies = [
        ("campaigns", "0001_initial"),
        ("wagtailcore", "0002_initial_data"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
