"""sitemap.xml with every language's pages, each listing its translations as hreflang alternates.

Wagtail's own sitemap only walks the default site's root page, which is the French home page.
"""

from collections import defaultdict

from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Locale, Page


class LocalisedSitemap(Sitemap):
    def items(self):
        roots = self.get_wagtail_site().root_page.get_translations(inclusive=True)
        in_a_tree = Q()
        for root in roots:
            in_a_tree |= Q(path__startswith=root.path)
        return (
            Page.objects.filter(in_a_tree)
            .live()
            .public()
            .order_by("path")
            .defer_streamfields()
            .specific()
        )

    def _urls(self, page, protocol, domain):
        languages = {locale.pk: locale.language_code for locale in Locale.objects.all()}
        urls = []
        entries = []
        translations = defaultdict(list)
        for item in self.paginator.page(page).object_list:
            for url_info in item.get_sitemap_urls(self.request):
                entries.append((item, url_info))
                translations[item.translation_key].append(
                    {"lang_code": languages[item.locale_id], "location": url_info["location"]}
                )
        for item, url_info in entries:
            alternates = translations[item.translation_key]
            if len(alternates) > 1:
                url_info["alternates"] = alternates
            urls.append(url_info)
        return urls
