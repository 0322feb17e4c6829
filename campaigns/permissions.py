"""Who edits what: the communications team edits and publishes every page; a town editor edits
only their town's pages and sends them for review. Idempotent, run by ensure_site and the demo.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from shops.town_names import town_phrases

COMMUNICATIONS_GROUP = "Équipe communication"
TOWN_EDITORS_GROUP = "Éditeurs {of_town}"  # "Éditeurs de Tours", "Éditeurs d'Orléans"
REVIEW_WORKFLOW = "Relecture par l'équipe communication"

PUBLISHER_PAGE_PERMISSIONS = [
    "add_page",
    "change_page",
    "publish_page",
    "bulk_delete_page",
    "lock_page",
    "unlock_page",
]
# No publish_page: a town editor's changes go through the communications team's review.
TOWN_EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page"]
PUBLISHER_IMAGE_PERMISSIONS = ["add_image", "change_image", "choose_image"]
TOWN_EDITOR_IMAGE_PERMISSIONS = ["add_image", "choose_image"]


def town_editors_group_name(town_name: str) -> str:
    return TOWN_EDITORS_GROUP.format(of_town=town_phrases(town_name)["of_town"])


def _permission(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _grant_pages(group, page, codenames):
    for codename in codenames:
        GroupPagePermission.objects.get_or_create(
            group=group, page=page, permission=_permission("wagtailcore", codename)
        )


def _grant_images(group, codenames):
    root = Collection.get_first_root_node()
    for codename in codenames:
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=root, permission=_permission("wagtailimages", codename)
        )


@transaction.atomic
def ensure_communications_group() -> Group:
    group, _created = Group.objects.get_or_create(name=COMMUNICATIONS_GROUP)
    group.permissions.add(
        _permission("wagtailadmin", "access_admin"),
        _permission("wagtail_localize", "submit_translation"),
        *Permission.objects.filter(content_type__app_label="home", codename__endswith="navigation"),
        *Permission.objects.filter(content_type__app_label="wagtailredirects"),
        # The region's results (reporting/): merchants, partners, search, visits, pickups.
        _permission("reporting", "view_dashboard"),
        # The catalogue: found and corrected by the team (an editor's correction survives the
        # next import), never created or deleted by hand; imports, quarantine, merges and
        # marketplaces stay with the administrators.
        *(
            _permission("shops", f"{action}_{model}")
            for model in ("shop", "product")
            for action in ("view", "change")
        ),
    )
    # Granted on the tree's root, so every language's pages are covered.
    _grant_pages(group, Page.get_first_root_node(), PUBLISHER_PAGE_PERMISSIONS)
    _grant_images(group, PUBLISHER_IMAGE_PERMISSIONS)
    return group


@transaction.atomic
def ensure_review_workflow(home_pages) -> Workflow:
    """Pages under the home pages are reviewed by the communications team before going live."""
    reviewers = ensure_communications_group()
    task = GroupApprovalTask.objects.filter(name=REVIEW_WORKFLOW).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=REVIEW_WORKFLOW)
        task.groups.set([reviewers])
    workflow, _created = Workflow.objects.get_or_create(name=REVIEW_WORKFLOW)
    # WorkflowTask is a ParentalKey child: saved directly, not through the cluster's manager.
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    for home in home_pages:
        WorkflowPage.objects.update_or_create(page=home, defaults={"workflow": workflow})
    return workflow


@transaction.atomic
def ensure_town_editor_group(town_page) -> Group:
    """The group whose members edit this town's page in every language, and nothing else."""
    group, _created = Group.objects.get_or_create(name=town_editors_group_name(town_page.town.name))
    group.permissions.add(_permission("wagtailadmin", "access_admin"))
    for translation in town_page.get_translations(inclusive=True):
        _grant_pages(group, translation, TOWN_EDITOR_PAGE_PERMISSIONS)
    _grant_images(group, TOWN_EDITOR_IMAGE_PERMISSIONS)
    return group
