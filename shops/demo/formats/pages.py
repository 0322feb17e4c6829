"""JSON pages as paginated product APIs serve them, written one page at a time."""

import json
from pathlib import Path


def json_line(item) -> str:
    return json.dumps(item, ensure_ascii=False, separators=(",", ":"))


class JsonPages:
    """Buffers one page of items, then writes it to `name_pattern.format(page)`.

    One item per line keeps the bundled files readable and their diffs small.
    """

    def __init__(self, out_dir: Path, name_pattern: str, page_size: int, items_key: str = ""):
        self.out_dir = out_dir
        self.name_pattern = name_pattern
        self.page_size = page_size
        self.items_key = items_key
        self.items: list[dict] = []
        self.pages = 0

    def add(self, item: dict) -> None:
        self.items.append(item)
        if len(self.items) == self.page_size:
            self.flush()

    def flush(self) -> None:
        self.pages += 1
        body = "[\n" + ",\n".join(json_line(item) for item in self.items) + "\n]"
        if not self.items:
            body = "[]"
        if self.items_key:
            body = f'{{"{self.items_key}":{body}}}'
        path = self.out_dir / self.name_pattern.format(self.pages)
        path.write_text(body + "\n", encoding="utf-8")
        self.items = []

    def close(self, *, empty_last_page: bool = False) -> None:
        if self.items:
            self.flush()
        if empty_last_page:
            self.flush()
