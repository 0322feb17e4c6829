"""Delimited text feeds (CSV, TSV) read row by row, whatever their encoding and delimiter."""

import csv
from collections.abc import Iterator
from typing import IO

from .base import FeedUnavailable, RejectedRecord
from .text import fold, open_text

DELIMITERS = ";,\t|"
DELIMITER_NAMES = {"tab": "\t", "\\t": "\t", "tabulation": "\t", "pipe": "|"}
EXCERPT = 2000


def delimiter_option(value: str) -> str:
    name = DELIMITER_NAMES.get(value.strip().lower(), value) if value.strip() else value
    if len(name) != 1:
        raise FeedUnavailable(f"option delimiter invalide : {value!r}", retryable=False)
    return name


def detect_delimiter(sample: str) -> str:
    """The delimiter of a CSV from its first kilobytes: `csv.Sniffer`, checked on the header.

    The header has no free text, so the sniffer's guess must be at least as frequent there
    as any other candidate: it is easily fooled by commas in descriptions.
    """
    lines = sample.splitlines()
    header = lines[0] if lines else ""
    # The last line of the sample is usually cut short: the sniffer would see it as odd.
    complete = "\n".join(lines[:-1]) if len(lines) > 2 else sample
    try:
        sniffed = csv.Sniffer().sniff(complete, delimiters=DELIMITERS).delimiter
    except csv.Error:
        sniffed = ""
    counts = {candidate: header.count(candidate) for candidate in DELIMITERS}
    best = max(counts.values())
    if sniffed in counts and counts[sniffed] == best:
        return sniffed
    return max(counts, key=counts.get) if best else ","


def header_name(cell: str) -> str:
    return cell.replace("\ufeff", "").strip()


class Table:
    """The rows of a delimited feed: `header`, then `rows()` as (line number, cells)."""

    def __init__(
        self,
        stream: IO[bytes],
        *,
        encoding: str = "",
        delimiter: str = "",
        quoting: int = csv.QUOTE_MINIMAL,
    ):
        self.text, sample = open_text(stream, encoding)
        self.delimiter = delimiter_option(delimiter) if delimiter else detect_delimiter(sample)
        self.reader = csv.reader(self.text, delimiter=self.delimiter, quoting=quoting)
        self.header = [header_name(cell) for cell in self.next_row() or []]
        folded = {}
        for index, name in enumerate(self.header):
            folded.setdefault(" ".join(fold(name).split()), index)
        self.folded_index = folded
        # Whether data rows end with a delimiter the header lacks: known at the first row.
        self.trailing_delimiter: bool | None = None

    def __enter__(self) -> "Table":
        return self

    def __exit__(self, *exc_info) -> None:
        self.text.close()

    def next_row(self) -> list[str] | None:
        try:
            return next(self.reader, None)
        except csv.Error as error:
            line = self.reader.line_num
            raise FeedUnavailable(f"CSV illisible à la ligne {line} : {error}") from error

    def index_of(self, column: str) -> int | None:
        """Where a partner's column is: exact name first, else ignoring case and accents."""
        column = header_name(column)
        if column in self.header:
            return self.header.index(column)
        return self.folded_index.get(" ".join(fold(column).split()))

    def rows(self) -> Iterator[tuple[int, list[str]]]:
        """Non-blank rows, with the line each starts on (quoted cells may span lines)."""
        line = self.reader.line_num + 1
        while (cells := self.next_row()) is not None:
            if any(cell.strip() for cell in cells):
                yield line, cells
            line = self.reader.line_num + 1

    def too_wide(self, line: int, cells: list[str]) -> RejectedRecord | None:
        """A row with more cells than the header: a delimiter inside an unquoted value.

        Its values are shifted, so none of them can be trusted. A file whose first row
        ends with one empty cell more than the header ends its rows with a delimiter
        (PrestaShop's own sample does): that empty cell is dropped from every row. Decided
        by the file, not by each row, since a shifted row may end with an empty cell too.
        A shorter row is read: some exporters drop trailing empty cells.
        """
        extra = len(cells) == len(self.header) + 1 and not cells[-1].strip()
        if self.trailing_delimiter is None:
            self.trailing_delimiter = extra
        if extra and self.trailing_delimiter:
            cells.pop()
        if len(cells) <= len(self.header):
            return None
        return RejectedRecord(
            f"ligne {line} : {len(cells)} cellules pour {len(self.header)} colonnes",
            raw=self.delimiter.join(cells)[:EXCERPT],
            line=line,
        )
