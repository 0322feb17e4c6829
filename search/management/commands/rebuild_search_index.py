"""manage.py rebuild_search_index: rebuild the engine's indexes without interrupting search."""

from django.core.management.base import BaseCommand, CommandError

from search.backends import engine_is_up, uses_external_engine
from search.rebuild import rebuild_engine_indexes, reconcile


class Command(BaseCommand):
    help = "Rebuild the search engine's indexes behind an alias, then queue any difference."

    def add_arguments(self, parser):
        parser.add_argument(
            "--check", action="store_true", help="Only compare the indexes with the database."
        )
        parser.add_argument("--chunk-size", type=int, default=1000)

    def handle(self, *args, check=False, chunk_size=1000, **options):
        if not uses_external_engine():
            raise CommandError("No search engine is configured: the database backend is current.")
        if not engine_is_up():
            raise CommandError("The search engine does not answer.")
        queued = reconcile() if check else rebuild_engine_indexes(chunk_size)
        self.stdout.write(f"{queued} object(s) queued for indexing.")
