"""The demo catalogue: fictional partner marketplaces, their bundled feeds, and bench feeds."""
