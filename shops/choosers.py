"""A snippet chooser for internal records, opened only to those who may manage them.

Wagtail opens every snippet's chooser to anyone with admin access, so that editors can pick a
shop or a town in a page. Import runs, quarantined records, merge proposals and synonym groups
are never picked in a page, and they show partners' raw data: their choosers follow the
model's own permissions instead.
"""

from wagtail.admin.auth import permission_denied
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.views import chooser

MANAGING_ACTIONS = ["add", "change", "delete", "view"]


class ManagersOnlyMixin:
    def dispatch(self, request, *args, **kwargs):
        policy = ModelPermissionPolicy(self.model_class)
        if not policy.user_has_any_permission(request.user, MANAGING_ACTIONS):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)


class ChooseView(ManagersOnlyMixin, chooser.ChooseView):
    pass


class ChooseResultsView(ManagersOnlyMixin, chooser.ChooseResultsView):
    pass


class ChosenView(ManagersOnlyMixin, chooser.SnippetChosenView):
    pass


class ChosenMultipleView(ManagersOnlyMixin, chooser.SnippetChosenMultipleView):
    pass


class CreateView(ManagersOnlyMixin, chooser.SnippetCreateView):
    pass


class ManagersOnlyChooserViewSet(chooser.SnippetChooserViewSet):
    choose_view_class = ChooseView
    choose_results_view_class = ChooseResultsView
    chosen_view_class = ChosenView
    chosen_multiple_view_class = ChosenMultipleView
    create_view_class = CreateView
