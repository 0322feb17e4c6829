"""Pictures of the demo, drawn on the machine: a product on its sector's colours with a shape
for what it is, a shop front with its name on the sign, a town's roofs along the Loire with its
name, a festive scene for the campaign and the guides. Nothing is downloaded.

Each function returns JPEG bytes and draws the same picture for the same words: the seed comes
from the words, never from the clock, so that the demo is the same on every machine.
"""

import functools
import io

from PIL import Image, ImageDraw, ImageFilter, ImageFont

from .picture_shapes import (
    RGB,
    SHAPE_BY_SECTOR,
    SLATE,
    STONE,
    WHITE,
    draw_shape,
    folded,
    palette_for,
    seeded,
    shape_for,
    shifted,
)


def _gradient(size: tuple[int, int], top: RGB, bottom: RGB) -> Image.Image:
    mask = Image.linear_gradient("L").resize(size)
    return Image.composite(Image.new("RGB", size, bottom), Image.new("RGB", size, top), mask)


def _jpeg(picture: Image.Image, size: tuple[int, int] | None = None) -> bytes:
    if size and picture.size != size:
        picture = picture.resize(size, Image.LANCZOS)
    buffer = io.BytesIO()
    picture.save(buffer, format="JPEG", quality=84)
    return buffer.getvalue()


# A font with French accents where the system has one (Debian's fonts-dejavu-core, Liberation);
# else Pillow's own, which lacks them: the words are then written without accents.
FONT_FILES = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
    "DejaVuSans-Bold.ttf",
)


@functools.cache
def _font_file() -> str | None:
    for name in FONT_FILES:
        try:
            ImageFont.truetype(name, 12)
        except OSError:
            continue
        return name
    return None


@functools.cache
def _font(size: int) -> ImageFont.FreeTypeFont:
    name = _font_file()
    return ImageFont.truetype(name, size) if name else ImageFont.load_default(size=size)


def _writable(text: str) -> str:
    return text if _font_file() else folded(text).title()


def _fit_text(draw, text: str, width: int, largest: int) -> ImageFont.FreeTypeFont:
    size = largest
    while size > 12 and draw.textlength(text, font=_font(size)) > width:
        size -= 4
    return _font(size)


def _shadow(picture: Image.Image, box, blur: int):
    """A soft shadow under an object; blurred in its own small patch, which is what is slow."""
    left, top, right, bottom = (round(v) for v in box)
    margin = blur * 3
    patch = Image.new("L", (right - left + 2 * margin, bottom - top + 2 * margin), 0)
    ImageDraw.Draw(patch).ellipse(
        [margin, margin, margin + right - left, margin + bottom - top], fill=90
    )
    patch = patch.filter(ImageFilter.GaussianBlur(blur))
    picture.paste((0, 0, 0), (left - margin, top - margin), patch)


# --- Pictures --------------------------------------------------------------------------------


def product_picture(title: str, sector_slug: str | None, size: int = 560) -> bytes:
    """A product on a soft backdrop of its sector's colours, a shape telling what it is."""
    rng = seeded("product", title, sector_slug or "")
    top, bottom, accent, second = palette_for(sector_slug, rng)
    picture = _gradient((size, size), top, bottom)
    draw = ImageDraw.Draw(picture)
    for _ in range(7):  # soft round light behind the object, like a shop window's bokeh
        r = rng.uniform(0.05, 0.16) * size
        cx, cy = rng.uniform(0, size), rng.uniform(0, size * 0.6)
        draw.ellipse([cx - r, cy - r, cx + r, cy + r], fill=shifted(top, light=0.06))
    draw.ellipse([size * 0.12, size * 0.1, size * 0.88, size * 0.86], fill=shifted(top, light=0.08))
    _shadow(picture, [size * 0.2, size * 0.78, size * 0.8, size * 0.9], size // 40)
    shape_size = int(size * rng.uniform(0.46, 0.54))
    left = (size - shape_size) // 2
    draw_shape(
        ImageDraw.Draw(picture),
        shape_for(title, sector_slug),
        left,
        int(size * 0.84) - shape_size,
        shape_size,
        accent,
        second,
        rng,
    )
    return _jpeg(picture)


def shop_picture(name: str, sector_slug: str | None, size=(720, 480)) -> bytes:
    """A shop front: its awning in the sector's colours, its name on the sign."""
    rng = seeded("shop", name, sector_slug or "")
    top, bottom, accent, second = palette_for(sector_slug, rng)
    width, height = size
    picture = _gradient(size, (214, 232, 242), (246, 240, 228))
    draw = ImageDraw.Draw(picture)
    wall = shifted(STONE, rng.uniform(-0.05, 0.05), rng.uniform(-0.06, 0.02))
    draw.rectangle([0, height * 0.08, width, height], fill=wall)
    for row in range(int(height * 0.1), height, 38):  # limestone courses (tuffeau)
        draw.line([(0, row), (width, row)], fill=shifted(wall, light=-0.05), width=2)
    sign_top, sign_bottom = height * 0.16, height * 0.34
    draw.rectangle(
        [width * 0.06, sign_top, width * 0.94, sign_bottom], fill=shifted(accent, light=-0.12)
    )
    font = _fit_text(draw, _writable(name), int(width * 0.8), int(height * 0.11))
    draw.text(
        (width / 2, (sign_top + sign_bottom) / 2),
        _writable(name),
        font=font,
        fill=WHITE,
        anchor="mm",
    )
    stripes = 9
    awning_top, awning_bottom = sign_bottom, height * 0.46
    stripe = width * 0.88 / stripes
    for k in range(stripes):
        colour = accent if k % 2 == 0 else WHITE
        left = width * 0.06 + k * stripe
        draw.polygon(
            [
                (left, awning_top),
                (left + stripe, awning_top),
                (left + stripe * 1.04, awning_bottom),
                (left - stripe * 0.04, awning_bottom),
            ],
            fill=colour,
        )
        draw.pieslice(
            [
                left - stripe * 0.04,
                awning_bottom - stripe * 0.5,
                left + stripe * 1.04,
                awning_bottom + stripe * 0.5,
            ],
            0,
            180,
            fill=colour,
        )
    glass = (168, 204, 220)
    window_top = height * 0.56
    for left in (width * 0.08, width * 0.62):
        draw.rectangle(
            [left, window_top, left + width * 0.3, height * 0.94], fill=shifted(wall, light=-0.25)
        )
        draw.rectangle(
            [left + 10, window_top + 10, left + width * 0.3 - 10, height * 0.94 - 10], fill=glass
        )
        draw.polygon(
            [
                (left + 20, height * 0.9),
                (left + width * 0.12, window_top + 20),
                (left + width * 0.18, window_top + 20),
                (left + 60, height * 0.9),
            ],
            fill=(196, 226, 238),
        )
        shelf = height * 0.84
        draw.rectangle([left + 10, shelf, left + width * 0.3 - 10, shelf + 8], fill=(120, 90, 60))
        for k in range(3):
            s = int(width * 0.06)
            draw_shape(
                draw,
                SHAPE_BY_SECTOR.get(sector_slug or "", "gift"),
                int(left + 24 + k * (s + 16)),
                int(shelf - s),
                s,
                accent,
                second,
                rng,
            )
    door_left = width * 0.41
    draw.rectangle(
        [door_left, height * 0.52, door_left + width * 0.18, height],
        fill=shifted(second, light=-0.1),
    )
    draw.rectangle(
        [door_left + 14, height * 0.56, door_left + width * 0.18 - 14, height * 0.8], fill=glass
    )
    draw.ellipse(
        [door_left + width * 0.14, height * 0.84, door_left + width * 0.155, height * 0.865],
        fill=(230, 190, 80),
    )
    return _jpeg(picture)


def town_picture(name: str, size=(1500, 1000)) -> bytes:
    """The town's slate roofs, a spire and a château tower along the Loire, its name below."""
    rng = seeded("town", name)
    width, height = size
    sky_top = shifted((120, 170, 215), rng.uniform(-0.04, 0.04))
    picture = _gradient(size, sky_top, (250, 220, 190))
    draw = ImageDraw.Draw(picture)
    sun_x, sun_r = rng.uniform(0.15, 0.85) * width, height * 0.08
    draw.ellipse(
        [sun_x - sun_r, height * 0.18 - sun_r, sun_x + sun_r, height * 0.18 + sun_r],
        fill=(255, 236, 180),
    )
    for _ in range(4):
        cx, cy, w = (
            rng.uniform(0, width),
            rng.uniform(0.08, 0.3) * height,
            rng.uniform(0.1, 0.2) * width,
        )
        draw.ellipse([cx - w / 2, cy - w / 8, cx + w / 2, cy + w / 8], fill=(255, 250, 245))
    ground = height * 0.66
    x = -rng.uniform(0, 60)
    landmarks = {rng.randrange(3, 7): "spire", rng.randrange(8, 12): "tower"}
    k = 0
    while x < width:
        kind = landmarks.get(k, "house")
        w = rng.uniform(0.07, 0.11) * width
        h = rng.uniform(0.12, 0.22) * height
        wall = shifted(STONE, rng.uniform(-0.03, 0.03), rng.uniform(-0.08, 0.03))
        if kind == "spire":
            w, h = width * 0.07, height * 0.3
            draw.rectangle([x, ground - h, x + w, ground], fill=wall)
            draw.polygon(
                [
                    (x - 6, ground - h),
                    (x + w / 2, ground - h - height * 0.22),
                    (x + w + 6, ground - h),
                ],
                fill=SLATE,
            )
            draw.ellipse(
                [x + w * 0.3, ground - h * 0.8, x + w * 0.7, ground - h * 0.8 + w * 0.4],
                fill=(60, 60, 70),
            )
        elif kind == "tower":
            w, h = width * 0.08, height * 0.26
            draw.rectangle([x, ground - h, x + w, ground], fill=wall)
            draw.polygon(
                [
                    (x - 10, ground - h),
                    (x + w / 2, ground - h - height * 0.14),
                    (x + w + 10, ground - h),
                ],
                fill=SLATE,
            )
        else:
            draw.rectangle([x, ground - h, x + w, ground], fill=wall)
            draw.polygon(
                [
                    (x - 8, ground - h),
                    (x + w * 0.2, ground - h - h * 0.45),
                    (x + w * 0.8, ground - h - h * 0.45),
                    (x + w + 8, ground - h),
                ],
                fill=shifted(SLATE, light=rng.uniform(-0.05, 0.06)),
            )
            draw.rectangle(
                [x + w * 0.42, ground - h - h * 0.6, x + w * 0.52, ground - h - h * 0.3],
                fill=(150, 90, 70),
            )
        for row in range(2):
            for col in range(2):
                wx = x + w * (0.2 + 0.4 * col)
                wy = ground - h * (0.8 - 0.4 * row)
                draw.rectangle([wx, wy, wx + w * 0.18, wy + h * 0.2], fill=(70, 90, 110))
        x += w + rng.uniform(4, 18)
        k += 1
    draw.rectangle([0, ground, width, height], fill=(120, 150, 110))
    river_top = height * 0.72
    draw.rectangle([0, river_top, width, height], fill=(80, 130, 170))
    for row in range(6):
        y = river_top + 20 + row * (height - river_top) / 6
        for _ in range(5):
            x0 = rng.uniform(0, width)
            draw.line([(x0, y), (x0 + rng.uniform(60, 180), y)], fill=(150, 190, 215), width=4)
    font = _fit_text(draw, _writable(name), int(width * 0.8), int(height * 0.13))
    draw.text(
        (width * 0.06 + 4, height * 0.9 + 4),
        _writable(name),
        font=font,
        fill=(20, 40, 60),
        anchor="ls",
    )
    draw.text((width * 0.06, height * 0.9), _writable(name), font=font, fill=WHITE, anchor="ls")
    return _jpeg(picture)


def festive_picture(
    title: str,
    shapes: tuple[str, ...] = ("gift", "gift", "gift"),
    colours: tuple[RGB, RGB] = ((150, 24, 56), (70, 10, 30)),
    size=(1500, 1000),
) -> bytes:
    """Presents (or the guide's things) under falling snow and a garland of lights."""
    rng = seeded("festive", title)
    width, height = size
    picture = _gradient(size, *colours)
    draw = ImageDraw.Draw(picture)
    for _ in range(140):
        r = rng.uniform(2, 7)
        cx, cy = rng.uniform(0, width), rng.uniform(0, height)
        draw.ellipse([cx - r, cy - r, cx + r, cy + r], fill=shifted(colours[0], light=0.35))
    sag = height * 0.08
    points = [
        (x, height * 0.1 + sag * (1 - ((2 * x / width) - 1) ** 2)) for x in range(0, width + 1, 20)
    ]
    draw.line(points, fill=(40, 60, 40), width=5)
    lights = [(250, 210, 90), (255, 255, 255), (120, 200, 140), (250, 140, 120)]
    for k, (x, y) in enumerate(points[::4]):
        draw.ellipse([x - 9, y, x + 9, y + 22], fill=lights[k % len(lights)])
    draw.rectangle([0, height * 0.86, width, height], fill=shifted(colours[1], light=-0.05))
    palette = [(232, 196, 104), (240, 240, 240), (60, 140, 100), (214, 80, 80)]
    sizes = (0.34, 0.26, 0.3)
    # The group stands in the middle, so that the cards' and the hero's crops all show it.
    group = sum(height * sizes[k % 3] * 1.15 for k in range(len(shapes)))
    x = (width - group) / 2
    for k, shape in enumerate(shapes):
        s = int(height * sizes[k % 3])
        accent = palette[(k + rng.randrange(4)) % 4]
        second = palette[(k + 2) % 4] if palette[(k + 2) % 4] != accent else (150, 24, 56)
        _shadow(
            picture,
            [x - s * 0.1, height * 0.86 - s * 0.08, x + s * 1.1, height * 0.86 + s * 0.08],
            12,
        )
        draw_shape(
            ImageDraw.Draw(picture), shape, int(x), int(height * 0.86 - s), s, accent, second, rng
        )
        x += s * 1.15
        if x > width * 0.95:
            break
    return _jpeg(picture)


def logo_picture(name: str, colour: RGB, size=(400, 160)) -> bytes:
    """A partner's wordmark: its name on its colour."""
    picture = Image.new("RGB", size, colour)
    draw = ImageDraw.Draw(picture)
    draw.rounded_rectangle([8, 8, size[0] - 8, size[1] - 8], 18, outline=WHITE, width=4)
    font = _fit_text(draw, _writable(name), size[0] - 48, 40)
    draw.text((size[0] / 2, size[1] / 2), _writable(name), font=font, fill=WHITE, anchor="mm")
    return _jpeg(picture)
