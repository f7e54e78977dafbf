"""A site's own image files (course badges, the institution's logo), checked before they are published.

They are copied to a public website and baked into every learner's badge, so
a path may not reach outside the site's content/ folder (a symlink to
/proc/self/environ would publish the build's secrets), an SVG may hold no script
or outside reference (it would run on the site's origin when opened), and a
file must really be the PNG or SVG it claims to be.
"""

from __future__ import annotations

import io
import re
import warnings
import xml.etree.ElementTree as ET
from pathlib import Path

from PIL import Image

SVG_NS = "{http://www.w3.org/2000/svg}"
MAX_SIDE = 4096  # pixels; a badge needs far less, and larger PNGs cost memory in every build
# Elements that run code or pull in other documents when an SVG is opened on its own.
ACTIVE_ELEMENTS = {"script", "foreignObject", "iframe", "object", "embed", "handler", "listener"}
_OUTSIDE_URL = re.compile(r"url\(\s*['\"]?\s*(?!#|data:image/)", re.I)


def content_file(source: Path, name: str) -> tuple[Path | None, str]:
    """content/<name> as a file inside content/, or (None, why not)."""
    if not name or Path(name).is_absolute() or ".." in Path(name).parts:
        return None, f"'{name}' is not a path inside content/"
    content = (source / "content").resolve()
    path = source / "content" / name
    if not path.is_file():
        return None, f"no file content/{name}"
    real = path.resolve()
    if real != content and content not in real.parents:
        return None, f"content/{name} is a link to {real}, outside content/"
    return real, ""


def png_problem(data: bytes) -> str:
    """Why `data` is not a PNG we can publish and bake, or ''."""
    from generator.badges import PNG_KEYWORD, _png_chunks

    if not data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "is not a PNG file (export it again as PNG)"
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as image:
                width, height = image.size
                if max(width, height) > MAX_SIDE:
                    return f"is {width}x{height} pixels, more than {MAX_SIDE} on a side (scale it down)"
                image.load()  # a truncated or damaged file fails here, not later in the build
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        return f"is not a readable PNG image ({exc}); export it again as PNG"
    try:
        baked = any(kind == b"iTXt" and body.split(b"\0", 1)[0] == PNG_KEYWORD for kind, body, _ in _png_chunks(data))
    except (ValueError, IndexError):
        return "is not a readable PNG image; export it again as PNG"
    if baked:
        return ("already carries a learner's credential (a downloaded badge); use the course's original "
                "image, without a baked credential")
    return ""


def svg_problem(data: bytes) -> str:
    """Why `data` is not an SVG badge we can safely publish and bake, or ''."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return "is not UTF-8 text; save the SVG as UTF-8"
    try:
        root = ET.fromstring(text)
    except ET.ParseError as exc:
        return f"is not well-formed SVG ({exc}); export it again as SVG"
    if root.tag != SVG_NS + "svg":
        return "is not an SVG document (its root element is not <svg> in the SVG namespace); export it again as SVG"
    if len(root) == 0:
        return "is an empty SVG (no shapes in it); export the drawing again"
    for element in root.iter():
        local = element.tag.rsplit("}", 1)[-1] if isinstance(element.tag, str) else ""
        if local in ACTIVE_ELEMENTS:
            return f"holds a <{local}> element, which can run code or load other pages; remove it"
        if local == "credential" and element.tag.startswith("{https://purl.imsglobal.org/ob/v3p0}"):
            return "already carries a learner's credential (a downloaded badge); use the course's original image"
        for attribute, value in element.attrib.items():
            name = attribute.rsplit("}", 1)[-1]
            if name.lower().startswith("on"):
                return f"has an event handler ({name}=) on <{local}>, which runs script; remove it"
            if name == "href" and not value.strip().startswith(("#", "data:image/")):
                return (f"links to {value.strip()[:80]} from <{local}>; embed the image as data:image/... "
                        "or remove the reference")
            if name == "style" and _OUTSIDE_URL.search(value):
                return f"loads a url(...) from outside the file in a style attribute of <{local}>; remove it"
        if local == "style" and element.text and (_OUTSIDE_URL.search(element.text) or "@import" in element.text):
            return "loads a url(...) or @import from outside the file in <style>; remove it"
    return ""


def image_problem(path: Path) -> str:
    """Why the PNG or SVG at `path` cannot be published, or ''."""
    data = path.read_bytes()
    return png_problem(data) if path.suffix.lower() == ".png" else svg_problem(data)
