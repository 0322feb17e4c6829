"""Pieces of the catalogue's admin screens that say things in the editors' words: yes/no
columns rather than "True/False", corrected fields by their labels rather than `['sectors']`,
"Ajouter un commerce" rather than Wagtail's "Ajouter un(e) commerce", and no "add" offered
for records only an import writes (runs, quarantined records, merge proposals).
"""

from django.core.exceptions import FieldDoesNotExist
from django.utils.text import capfirst
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.tables import BooleanColumn
from wagtail.permission_policies import ModelPermissionPolicy


class YesNoColumn(BooleanColumn):
    cell_template_name = "shops/admin/yes_no_cell.html"


def yes_no(model, field_name: str) -> YesNoColumn:
    label = capfirst(model._meta.get_field(field_name).verbose_name)
    return YesNoColumn(field_name, label=label, sort_key=field_name)


def field_labels(model, names) -> str:
    """ "Secteurs, nom" for ["sectors", "name"]: the labels the editor saw in the form."""
    labels = []
    for name in names or []:
        try:
            labels.append(str(model._meta.get_field(name).verbose_name))
        except FieldDoesNotExist:
            labels.append(name)
    return capfirst(", ".join(labels)) or "—"


class CorrectedFieldsPanel(FieldPanel):
    """The read-only list of fields an editor corrected, by their labels."""

    def format_value_for_display(self, value):
        return field_labels(self.model, value)


class ImportWrittenPolicy(ModelPermissionPolicy):
    """Records that only an import creates: nobody adds one by hand."""

    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)


class AddLabelMixin:
    """A viewset's "add" button in words that agree with the model's gender."""

    add_item_label = None

    def get_index_view_kwargs(self, **kwargs):
        if self.add_item_label:
            kwargs["add_item_label"] = self.add_item_label
        return super().get_index_view_kwargs(**kwargs)
