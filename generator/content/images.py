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
import struct
import warnings
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

from PIL import Image

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
PNG_KEYWORD = b"openbadgecredential"  # the iTXt keyword of a credential baked into a PNG (OB 3.0, "Baking")
SVG_NS = "{http://www.w3.org/2000/svg}"
MAX_SIDE = 4096  # pixels; a badge needs far less, and larger PNGs cost memory in every build
# Elements that run code or pull in other documents when an SVG is opened on its own.
ACTIVE_ELEMENTS = {"script", "foreignObject", "iframe", "object", "embed", "handler", "listener", "audio", "video"}


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


def png_chunks(data: bytes) -> Iterator[tuple[bytes, bytes, int]]:
    """(type, data, offset) of each chunk of a PNG file; ValueError when it is no PNG."""
    if not data.startswith(PNG_SIGNATURE):
        raise ValueError("not a PNG file")
    pos = len(PNG_SIGNATURE)
    while pos < len(data):
        length = struct.unpack(">I", data[pos:pos + 4])[0]
        kind = data[pos + 4:pos + 8]
        yield kind, data[pos + 8:pos + 8 + length], pos
        pos += 12 + length


def png_size(path: Path) -> tuple[int, int]:
    """Width and height of a PNG that png_problem has accepted."""
    with Image.open(path) as image:
        return image.size


def png_problem(data: bytes) -> str:
    """Why `data` is not a PNG we can publish and bake, or ''."""
    if not data.startswith(PNG_SIGNATURE):
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
        baked = any(kind == b"iTXt" and body.split(b"\0", 1)[0] == PNG_KEYWORD for kind, body, _ in png_chunks(data))
    except (ValueError, IndexError, struct.error):
        return "is not a readable PNG image; export it again as PNG"
    if baked:
        return ("already carries a learner's credential (a downloaded badge); use the course's original "
                "image, without a baked credential")
    return ""


def svg_problem(data: bytes) -> str:
    """Why `data` is not an SVG badge we can safely publish and bake, or ''.

    A badge is a still drawing: it needs no script, no animation (which can set
    a link to javascript:), no HTML inside, and nothing loaded from elsewhere.
    """
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return "is not UTF-8 text; save the SVG as UTF-8"
    if _INTERNAL_SUBSET.search(text):
        return "declares entities in its DOCTYPE; export it again without a DOCTYPE"
    declared = _OPENBADGES_PREFIX.search(text)
    if declared and declared.group(1) != "https://purl.imsglobal.org/ob/v3p0":
        return "uses the prefix openbadges: for another namespace; export it again without it"
    try:
        root = ET.fromstring(text)
    except ET.ParseError as exc:
        return f"is not well-formed SVG ({exc}); export it again as SVG"
    if root.tag != SVG_NS + "svg":
        return "is not an SVG document (its root element is not <svg> in the SVG namespace); export it again as SVG"
    if len(root) == 0:
        return "is an empty SVG (no shapes in it); export the drawing again"
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        namespace, _, local = element.tag[1:].rpartition("}") if element.tag.startswith("{") else ("", "", element.tag)
        if namespace in RENDERED_FOREIGN:
            return f"holds an HTML or MathML element <{local}>, which browsers render and may load from; remove it"
        if namespace == SVG_NS[1:-1] and local in ACTIVE_ELEMENTS:
            return f"holds a <{local}> element, which can run code or load other pages; remove it"
        if namespace == SVG_NS[1:-1] and local in ANIMATION_ELEMENTS:
            return f"holds an animation (<{local}>), which can change links and styles; a badge must be still"
        if local == "credential" and namespace == "https://purl.imsglobal.org/ob/v3p0":
            return "already carries a learner's credential (a downloaded badge); use the course's original image"
        for attribute, value in element.attrib.items():
            name = attribute.rsplit("}", 1)[-1]
            if name.lower().startswith("on"):
                return f"has an event handler ({name}=) on <{local}>, which runs script; remove it"
            if name == "href":
                target = value.strip()
                outward = local == "a" and target.lower().startswith("https://")
                if not (target.startswith("#") or target.lower().startswith("data:image/") or outward):
                    return f"refers to {target[:80]} from <{local}>; use a local #id or an embedded data:image/..."
            problem = _css_problem(value, f"the {name} attribute of <{local}>")
            if problem:
                return problem
        if local == "style":
            problem = _css_problem("".join(element.itertext()), "<style>")
            if problem:
                return problem
    return ""


_INTERNAL_SUBSET = re.compile(r"<!DOCTYPE[^>\[]*\[", re.I)
_OPENBADGES_PREFIX = re.compile(r"""xmlns:openbadges\s*=\s*["']([^"']*)["']""")
_CSS_URL = re.compile(r"url\(\s*(['\"]?)(.*?)\1\s*\)", re.I | re.S)
RENDERED_FOREIGN = {"http://www.w3.org/1999/xhtml", "http://www.w3.org/1998/Math/MathML"}
ANIMATION_ELEMENTS = {"animate", "set", "animateMotion", "animateTransform", "animateColor", "discard"}


def _css_problem(value: str, where: str) -> str:
    """Why CSS (or an attribute that takes url()) in `where` would load from outside the file, or ''."""
    lowered = value.lower()
    if "url(" not in lowered and "@import" not in lowered and "image-set(" not in lowered and "\\" not in value:
        return ""
    if "\\" in value:  # CSS escapes can spell url( and @import in ways no simple check sees
        return f"uses CSS escapes (\\) in {where}; write the CSS out plainly"
    if "@import" in lowered or "image-set(" in lowered:
        return f"loads other files with @import or image-set() in {where}; remove it"
    for _, target in _CSS_URL.findall(value):
        target = target.strip()
        if not (target.startswith("#") or target.lower().startswith(("data:image/", "data:font/"))):
            return f"loads url({target[:80]}) in {where}; use a local #id or embed the data"
    if lowered.count("url(") != len(_CSS_URL.findall(value)):
        return f"has a url( that does not close in {where}; fix the CSS"
    return ""


def site_image(source: Path, name: str) -> tuple[Path | None, str]:
    """content/<name> as a PNG or SVG the site may publish, or (None, why not and what to do)."""
    path, why = content_file(source, name)
    if path is None:
        return None, f"{why}; put the file under content/ and give its path relative to content/"
    if Path(name).suffix.lower() not in (".png", ".svg") or path.suffix.lower() not in (".png", ".svg"):
        return None, f"{name} is not PNG or SVG; Open Badges images are PNG or SVG: convert it"
    data = path.read_bytes()
    problem = png_problem(data) if path.suffix.lower() == ".png" else svg_problem(data)
    return (None, f"content/{name} {problem}") if problem else (path, "")
