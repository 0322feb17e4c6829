"""The catalogue: where shops are, what they sell, and which partner they came from."""

from .catalogue import Availability, Product, Shop, ShopSector
from .geography import Departement, Sector, Town
from .imports import (
    ImportRun,
    ImportStatus,
    Marketplace,
    MarketplaceKind,
    MergeProposal,
    QuarantinedRecord,
)

__all__ = [
    "Availability",
    "Departement",
    "ImportRun",
    "ImportStatus",
    "Marketplace",
    "MarketplaceKind",
    "MergeProposal",
    "Product",
    "QuarantinedRecord",
    "Sector",
    "Shop",
    "ShopSector",
    "Town",
]
