"""Inline images: each `<img src="data:<type>;base64,...">` in a ticket or response body is stored as an attachment
of that response and the body refers to it as `cid:<name>`. Tickiti does this on create and respond (its API
runs the web composer's image extraction) [client: tickiti-mcp src/attachments.ts]; the names are ours.
"""

from __future__ import annotations

import base64
import binascii
import re
from dataclasses import dataclass

# The src of an <img>, quoted either way, holding a base64 data URI of an image type.
_DATA_IMAGE = re.compile(
    r"""(?P<before><img\b[^>]*?\bsrc\s*=\s*)(?P<quote>["'])"""
    r"""data:(?P<type>image/[a-z0-9.+-]+);base64,(?P<data>[^"']*)(?P=quote)""",
    re.IGNORECASE,
)
_EXTENSIONS = {
    "image/png": ".png",
    "image/jpeg": ".jpg",
    "image/gif": ".gif",
    "image/webp": ".webp",
    "image/bmp": ".bmp",
    "image/svg+xml": ".svg",
}


@dataclass(frozen=True)
class InlineImage:
    name: str
    mime_type: str
    content: bytes


class BrokenImage(ValueError):
    """A data-URI image whose payload is not base64 (or is empty)."""


def extract_images(html: str) -> tuple[str, list[InlineImage]]:
    """The body with each data-URI image replaced by `cid:<name>`, and the images in order of appearance."""
    images: list[InlineImage] = []

    def stored(match: re.Match[str]) -> str:
        mime_type = match["type"].lower()
        try:
            content = base64.b64decode("".join(match["data"].split()), validate=True)
        except binascii.Error as exc:
            raise BrokenImage(f"inline image {len(images) + 1} is not valid base64") from exc
        if not content:
            raise BrokenImage(f"inline image {len(images) + 1} is empty")
        name = f"image-{len(images) + 1}{_EXTENSIONS.get(mime_type, '')}"
        images.append(InlineImage(name, mime_type, content))
        return f"{match['before']}{match['quote']}cid:{name}{match['quote']}"

    return _DATA_IMAGE.sub(stored, html), images
