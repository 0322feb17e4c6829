"""A layout check run inside the page, for any journey: `layout_problems(page)` lists the text a
person cannot read and the links and controls a pointer cannot reach, as the page is now.

axe-core reads the DOM; it does not see that a stretched link lies over a whole page or that a
note runs under the next row of cards. This asks the browser itself, with
`document.elementFromPoint`, what a pointer would touch on every line of visible text and at the
centre of every visible link and form control, scrolling so that each probed point is on screen.
"""

from pathlib import Path

# Runs in the page; returns a list of problems as sentences.
_PROBE = (Path(__file__).parent / "layout.js").read_text(encoding="utf-8")


def layout_problems(page) -> list[str]:
    """What a person cannot read or reach on the page as it is now, one sentence each, prefixed
    with the page's address; an empty list when the layout holds."""
    return [f"{page.url}: {problem}" for problem in page.evaluate(_PROBE)]
