"""Every URL pattern of the admin, the API and the merchant space, read from the resolver.

New patterns (a viewset, the merchant space of another branch) are walked as soon as they are
routed; `reverse` fills each pattern's parameters with real objects of a small world.
"""

import re
from dataclasses import dataclass

from django.urls import NoReverseMatch, URLPattern, URLResolver, get_resolver, reverse

# The areas walked: what lies behind a login, and the machine-readable API.
WALKED_PREFIXES = ("admin/", "api/", "fr/espace-commercant/", "en/merchant-space/")
# A parameter whose object the world has none of gets an id that matches nothing (a 404).
MISSING_ID = 999_999


@dataclass(frozen=True)
class Route:
    name: str  # "namespace:name", the key of the expectations table
    pattern: str
    parameters: tuple[str, ...]


def walk(resolver=None, prefix="", namespace=None):
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            inner = namespace
            if entry.namespace:
                inner = f"{namespace}:{entry.namespace}" if namespace else entry.namespace
            # i18n_patterns: the language prefix is not in the pattern's text.
            text = str(entry.pattern)
            if entry.pattern.__class__.__name__ == "LocalePrefixPattern":
                text = "fr/"
            yield from walk(entry, prefix + text, inner)
        elif isinstance(entry, URLPattern):
            pattern = prefix + str(entry.pattern)
            name = entry.name or ""
            full = f"{namespace}:{name}" if namespace and name else name
            yield Route(full, pattern, tuple(parameter_names(entry)))


def parameter_names(entry: URLPattern) -> list[str]:
    regex = entry.pattern.regex
    return list(regex.groupindex) or [f"_{i}" for i in range(regex.groups)]


def walked_routes() -> list[Route]:
    return sorted(
        {route for route in walk() if route.pattern.lstrip("^").startswith(WALKED_PREFIXES)},
        key=lambda route: (route.pattern, route.name),
    )


def snippet_model(namespace: str):
    """wagtailsnippets_shops_shop → shops.Shop (choosers too)."""
    from django.apps import apps

    match = re.match(r"wagtailsnippet(?:s|choosers)_(\w+?)_(\w+)$", namespace)
    if not match:
        return None
    try:
        return apps.get_model(match[1], match[2])
    except LookupError:
        return None


def object_for(namespace: str, world: dict):
    """The object a `pk` parameter names, by the namespace of the view."""
    model = snippet_model(namespace)
    if model is not None:
        return model.objects.order_by("pk").first()
    return world["by_namespace"].get(namespace)


def url_for(route: Route, world: dict) -> str | None:
    """The route's URL with real objects, or None when it cannot be built."""
    if not route.name:
        # An unnamed plain route is requested as written; a regular expression is not.
        plain = not route.parameters and re.fullmatch(r"[\w/.-]+", route.pattern)
        return "/" + route.pattern if plain else "/admin/no-such-area/"
    namespace = route.name.rsplit(":", 1)[0] if ":" in route.name else ""
    values = {}
    for parameter in route.parameters:
        if parameter in ("pk", "object_id", "_0"):
            obj = object_for(namespace, world)
            values[parameter] = str(obj.pk) if obj is not None else str(MISSING_ID)
        elif parameter in world["by_parameter"]:
            values[parameter] = str(world["by_parameter"][parameter])
        else:
            values[parameter] = str(MISSING_ID)
    if namespace.startswith("wagtailsnippet") and "app_label" in values:
        model = snippet_model(namespace)
        values.update(app_label=model._meta.app_label, model_name=model._meta.model_name)
    try:
        if route.parameters and route.parameters[0].startswith("_"):
            return reverse(route.name, args=list(values.values()))
        return reverse(route.name, kwargs=values)
    except NoReverseMatch:
        return None
