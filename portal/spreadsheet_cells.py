"""Text cells of a CSV export made safe to open in a spreadsheet (no formula injection).

Spreadsheets run a cell that starts with =, +, -, @ (and, for some, a tab or a carriage
return) as a formula: "=HYPERLINK(...)" typed as an anonymous search query would become a
live link in an editor's export. Such text gets a leading apostrophe, which spreadsheets show
as text and hide; numbers are written as they are, a negative figure stays a figure.
"""

from numbers import Number

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value) -> str:
    if isinstance(value, Number):
        return str(value)
    text = str(value)
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text
