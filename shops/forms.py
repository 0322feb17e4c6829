"""Admin forms of the catalogue."""

from wagtail.admin.forms import WagtailAdminModelForm

# Fields an editor may correct on an imported record; the correction then survives imports.
CORRECTABLE_FIELDS = {"name", "title", "town", "sectors", "sector", "description", "address"}


class ImportedRecordForm(WagtailAdminModelForm):
    def save(self, commit=True):
        instance = super().save(commit=False)
        if instance.marketplace_id:
            corrected = CORRECTABLE_FIELDS.intersection(self.changed_data)
            instance.locked_fields = sorted(set(instance.locked_fields or []) | corrected)
        if commit:
            instance.save()
            self.save_m2m()
        return instance
