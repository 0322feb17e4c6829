"""Server-rendered SVG bar charts: accessible (a title, a description and the table next to
them), no JavaScript, nothing fetched from elsewhere."""

from dataclasses import dataclass

BAR_HEIGHT = 22
GAP = 6
LABEL_WIDTH = 220
CHART_WIDTH = 640


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    y: int
    width: int
    text_y: int


def bars(points: list[tuple[str, float]], reference: float | None = None) -> dict:
    """Geometry of a horizontal bar chart; `reference` (a goal) sets the full width if larger."""
    largest = max([value for _label, value in points] + [reference or 0, 1])
    span = CHART_WIDTH - LABEL_WIDTH - 60
    result = []
    for index, (label, value) in enumerate(points):
        y = index * (BAR_HEIGHT + GAP)
        result.append(
            Bar(
                label=str(label),
                value=value,
                y=y,
                width=max(1, round(span * value / largest)) if value else 0,
                text_y=y + BAR_HEIGHT - 6,
            )
        )
    goal_x = LABEL_WIDTH + round(span * reference / largest) if reference else None
    return {
        "bars": result,
        "height": max(1, len(points)) * (BAR_HEIGHT + GAP),
        "width": CHART_WIDTH,
        "label_width": LABEL_WIDTH,
        "bar_height": BAR_HEIGHT,
        "goal_x": goal_x,
    }
