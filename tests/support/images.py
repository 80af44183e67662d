"""Checks that a screenshot shows something: real size, not blank, a region that differs from a reference."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageChops


def check_screenshot(path: Path, size: tuple[int, int] | None = None, min_colours: int = 16) -> Image.Image:
    image = Image.open(path).convert("RGB")
    if size is not None:
        assert image.size == size, f"{path.name}: {image.size}, expected {size}"
    colours = image.getcolors(maxcolors=1 << 20) or []
    assert len(colours) >= min_colours, f"{path.name} is blank or nearly ({len(colours)} colours)"
    return image


def changed_fraction(first: Image.Image, second: Image.Image, box: tuple[int, int, int, int]) -> float:
    """The share of pixels of `box` (left, top, right, bottom) that differ between two images."""
    difference = ImageChops.difference(first.crop(box), second.crop(box)).convert("L")
    changed = sum(count for value, count in enumerate(difference.histogram()) if value > 8)
    return changed / max(1, (box[2] - box[0]) * (box[3] - box[1]))
