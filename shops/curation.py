"""What editors decide about imported records: held deactivations and duplicate shops."""

from django.db import transaction

from .models import ImportRun, MergeProposal, Product, Shop
from .signals import announce_catalogue_change
from .sync import deactivate


class CurationError(Exception):
    pass


@transaction.atomic
def confirm_held_deactivations(run: ImportRun, user) -> int:
    """An editor confirms that the records missing from a shrunken feed are really gone."""
    latest = run.marketplace.runs.order_by("-started_at").first()
    if latest != run or not run.held_deactivations:
        raise CurationError("Seul le dernier import en attente peut être confirmé.")
    marketplace = run.marketplace
    count = deactivate(
        Shop.objects.filter(marketplace=marketplace, is_active=True, last_seen__lt=run.started_at),
        Product.objects.filter(
            marketplace=marketplace, is_active=True, last_seen__lt=run.started_at
        ),
    )
    run.deactivated += count
    run.held_deactivations = 0
    run.deactivations_confirmed_by = user
    run.save(update_fields=["deactivated", "held_deactivations", "deactivations_confirmed_by"])
    return count


@transaction.atomic
def merge_shops(proposal: MergeProposal, user) -> None:
    """Keep `proposal.shop`; the duplicate stays in the database, out of every listing."""
    if proposal.status != MergeProposal.Status.PROPOSED:
        raise CurationError("Cette proposition a déjà été traitée.")
    duplicate = proposal.duplicate
    duplicate.duplicate_of = proposal.shop
    # The sync never writes duplicate_of, so a later import cannot undo the merge.
    duplicate.save(update_fields=["duplicate_of"])  # its products leave the index with it
    announce_catalogue_change()
    proposal.status = MergeProposal.Status.MERGED
    proposal.decided_by = user
    proposal.save(update_fields=["status", "decided_by"])


def dismiss_proposal(proposal: MergeProposal, user) -> None:
    proposal.status = MergeProposal.Status.DISMISSED
    proposal.decided_by = user
    proposal.save(update_fields=["status", "decided_by"])
