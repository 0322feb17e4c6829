"""A PostgreSQL text search configuration for French without accents: "epicerie" finds
"Épicerie" and "fleurs" finds "fleur" when the database backend answers.

PostgreSQL's `french` configuration stems but keeps accents; this copy removes them
first (the `unaccent` extension, trusted since PostgreSQL 13: the database's owner may
create it). The portal's settings use it as the database backend's SEARCH_CONFIG.
"""

from django.db import migrations

CONFIGURATION = "french_unaccent"

CREATE = f"""
CREATE EXTENSION IF NOT EXISTS unaccent;
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = '{CONFIGURATION}') THEN
        CREATE TEXT SEARCH CONFIGURATION {CONFIGURATION} (COPY = pg_catalog.french);
        ALTER TEXT SEARCH CONFIGURATION {CONFIGURATION}
            ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;
    END IF;
END
$$;
"""
DROP = f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {CONFIGURATION};"


def create_configuration(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def drop_configuration(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("search", "0004_initial_synonyms")]

    operations = [migrations.RunPython(create_configuration, drop_configuration)]
