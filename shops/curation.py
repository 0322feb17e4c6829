"""What editors decide about imported records: held deactivations and duplicate shops."""

from django.db import transaction

from .models import ImportRun, MergeProposal, Product, Shop
from .same_shop import link_same_shops
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
    link_same_shops()  # a listing gone from its feed: its other records are listed again
    run.deactivated += count
    run.held_deactivations = 0
    run.deactivations_confirmed_by = user
    run.save(update_fields=["deactivated", "held_deactivations", "deactivations_confirmed_by"])
    return count


@transaction.atomic
def merge_shops(proposal: MergeProposal, user) -> None:
    """Keep `proposal.shop` as the listing; the duplicate stays in the database, named beside
    it ("aussi sur …"), its products shown under it (shops/same_shop.py)."""
    if proposal.status != MergeProposal.Status.PROPOSED:
        raise CurationError("Cette proposition a déjà été traitée.")
    proposal.status = MergeProposal.Status.MERGED
    proposal.decided_by = user
    proposal.save(update_fields=["status", "decided_by"])
    # The sync never writes duplicate_of itself: only the proposals decide it, so a later
    # import cannot undo the merge.
    link_same_shops()


@transaction.atomic
def dismiss_proposal(proposal: MergeProposal, user) -> None:
    """Two different businesses after all: each is listed on its own again."""
    proposal.status = MergeProposal.Status.DISMISSED
    proposal.decided_by = user
    proposal.save(update_fields=["status", "decided_by"])
    link_same_shops()
