"""Badge images, their baked copies, QR codes and the LinkedIn link.

The badge and preview images are made once per course version; baking a
credential into a copy only splices a chunk into bytes made once.
"""

from __future__ import annotations

import base64
import functools
import io
import re
import struct
import textwrap
import zlib
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote_plus

import zxingcpp
from PIL import Image, ImageDraw, ImageFont

from generator.content.images import PNG_KEYWORD, png_chunks
from generator.content.images import PNG_SIGNATURE as PNG_SIGNATURE  # credentials.verification imports it from here

OB_NAMESPACE = "https://purl.imsglobal.org/ob/v3p0"
BRAND = (21, 58, 91)
ACCENT = (242, 177, 52)
QR_QUIET = 4  # modules of light margin around a QR symbol


# -- baking (Open Badges 3.0, "Baking") ----------------------------------------

def bake_png(png: bytes, credential: bytes) -> bytes:
    """Add one iTXt chunk 'openbadgecredential' (uncompressed) holding the credential JSON."""
    for kind, body, _ in png_chunks(png):
        if kind == b"iTXt" and body.startswith(PNG_KEYWORD + b"\0"):
            raise ValueError("the image already carries a credential")
    # keyword, NUL, compression flag 0, method 0, empty language tag NUL, empty translated keyword NUL
    body = PNG_KEYWORD + b"\0\0\0\0\0" + credential
    chunk = struct.pack(">I", len(body)) + b"iTXt" + body + struct.pack(">I", zlib.crc32(b"iTXt" + body))
    iend = [pos for kind, _, pos in png_chunks(png) if kind == b"IEND"][0]
    return png[:iend] + chunk + png[iend:]


def unbake_png(png: bytes) -> bytes | None:
    for kind, body, _ in png_chunks(png):
        if kind == b"iTXt" and body.startswith(PNG_KEYWORD + b"\0"):
            rest = body[len(PNG_KEYWORD) + 1:]
            compressed, rest = rest[0], rest[2:]
            rest = rest.split(b"\0", 2)[2]  # skip language tag and translated keyword
            return zlib.decompress(rest) if compressed else rest
    return None


_SVG_START = re.compile(r"""<!--.*?-->|<\?.*?\?>|<!DOCTYPE[^>]*>|<svg\b((?:[^>"']|"[^"]*"|'[^']*')*?)(/?)>""",
                        re.S | re.I)


def bake_svg(svg: str, credential: bytes) -> str:
    """Add xmlns:openbadges and one <openbadges:credential> with the JSON right after <svg ...>."""
    # The root's start tag: not a "<svg" inside a comment, and '>' may sit inside quoted attributes.
    root = next((m for m in _SVG_START.finditer(svg) if m.group(0)[:4].lower() == "<svg"), None)
    if root is None:
        raise ValueError("not an SVG document")
    attributes, empty = root.group(1), root.group(2)
    if "xmlns:openbadges" not in attributes:
        attributes += f' xmlns:openbadges="{OB_NAMESPACE}"'
    text = credential.decode("utf-8").replace("]]>", "]]]]><![CDATA[>")  # CDATA cannot hold "]]>"
    element = f"<openbadges:credential><![CDATA[{text}]]></openbadges:credential>"
    return svg[:root.start()] + f"<svg{attributes}>" + element + ("</svg>" if empty else "") + svg[root.end():]


def unbake_svg(svg: str) -> bytes | None:
    import xml.etree.ElementTree as ET

    root = ET.fromstring(svg)
    element = root.find(f"{{{OB_NAMESPACE}}}credential")
    return element.text.encode("utf-8") if element is not None and element.text else None


# -- drawn images ----------------------------------------------------------------

FONT = Path(__file__).resolve().parents[1] / "data" / "fonts" / "DejaVuSans.ttf"  # source: data/fonts/sources.json


@functools.cache
def _font(size: int) -> ImageFont.FreeTypeFont:
    # A font shipped with credsite, not the system's: the same pixels everywhere, and glyphs for
    # every European language (Pillow's built-in font draws "Coördinatie" as "Co▯rdinatie").
    return ImageFont.truetype(str(FONT), size)


def _png_bytes(image: Image.Image, colours: int | None = None) -> bytes:
    """PNG bytes; with `colours`, as a palette image (flat artwork only: photos would band)."""
    if colours:
        image = image.quantize(colors=colours, method=Image.Quantize.FASTOCTREE)
    out = io.BytesIO()
    image.save(out, format="PNG", compress_level=6)
    return out.getvalue()


def _wrap(draw: ImageDraw.ImageDraw, text: str, font, width: int, max_lines: int) -> list[str]:
    for chars in range(40, 8, -1):
        lines = textwrap.wrap(text, chars)
        if all(draw.textlength(line, font=font) <= width for line in lines):
            break
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1].rstrip(" ,.;:") + "…"
    return lines


def badge_png(title: str, pill: str, institution: str, size: int = 600) -> bytes:
    """A round badge: institution, title, and in the pill what it is worth ("4 EC · EQF 6"). Same layout
    as the theme's badge.svg."""
    # Every credential carries a baked copy, so size counts: a 64-colour palette
    # looks the same on this flat design and is a third of the size of RGBA.
    return _png_bytes(_badge(title, pill, institution, size), colours=64)


def _badge(title: str, pill: str, institution: str, size: int) -> Image.Image:
    """badge_png's drawing, as an RGBA image of `size` pixels square."""
    scale = size / 600
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse((10 * scale, 10 * scale, 590 * scale, 590 * scale), fill=BRAND)
    draw.ellipse((34 * scale, 34 * scale, 566 * scale, 566 * scale), outline=ACCENT, width=int(8 * scale))
    small, big = _font(int(26 * scale)), _font(int(44 * scale))
    draw.text((300 * scale, 130 * scale), institution.upper()[:34], font=small, fill="white", anchor="mm")
    # Broken into lines as at 600 pixels, whatever the size: the preview's badge says what badge.png says.
    lines = _wrap(draw, title, _font(44), 420, 4)
    top = 300 * scale - (len(lines) - 1) * 27 * scale
    for i, line in enumerate(lines):
        draw.text((300 * scale, top + i * 54 * scale), line, font=big, fill="white", anchor="mm")
    draw.rounded_rectangle((170 * scale, 440 * scale, 430 * scale, 500 * scale), radius=int(30 * scale),
                           fill=ACCENT)
    draw.text((300 * scale, 470 * scale), pill, font=_font(int(30 * scale)),
              fill=BRAND, anchor="mm")
    return image


def preview_png(title: str, pill: str, institution: str, site: str, own: bytes | None = None) -> bytes:
    """The 1200x630 Open Graph / Twitter image: badge on the left, text on the right.

    The badge is credsite's drawing (badge_png's, drawn at the size it takes here: decoding and resizing the 600-pixel
    one was a fifth of the time of a course version's images), or `own`, the course's own PNG, resized. Our flat
    drawing keeps intact in a 128-colour palette at a quarter of the size; a course's own image may be a photo.
    """
    subtitle = f"{pill} · {institution}"
    image = Image.new("RGB", (1200, 630), (244, 246, 249))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, 1200, 14), fill=BRAND)
    draw.rectangle((0, 616, 1200, 630), fill=ACCENT)
    art = (_badge(title, pill, institution, 440) if own is None
           else Image.open(io.BytesIO(own)).convert("RGBA").resize((440, 440)))
    image.paste(art, (60, 95), art)
    heading = _font(52)
    lines = _wrap(draw, title, heading, 600, 4)
    y = 315 - (len(lines) * 64 + 80) // 2
    for line in lines:
        draw.text((560, y), line, font=heading, fill=BRAND)
        y += 64
    draw.text((560, y + 20), subtitle, font=_font(30), fill=(74, 85, 99))
    draw.text((560, 560), site, font=_font(24), fill=(74, 85, 99))
    return _png_bytes(image, colours=128 if own is None else None)


QR_MASK = 0  # one of the QR specification's eight data masks, the same for every code (see qr_png)


def qr_png(url: str) -> bytes:
    """The badge URL as a QR code: a 1-bit PNG with one pixel per module, inside the four-module quiet zone the
    QR specification asks for. A page scales it up without smoothing (CSS image-rendering: pixelated).

    zxing-cpp encodes (medium error correction survives print and folds). As a PNG the symbol is about 300 bytes,
    a tenth of the same symbol drawn as SVG paths: every badge page inlines one, so that is most of what a QR
    code costs a site.

    Every credential has its own, so its cost counts (benchmarks/badge_pages.py): zxing-cpp draws the quiet zone
    too, and PIL reads its bytes (0 dark, 255 light) as a 1-bit image at once. The mask is fixed (QR_MASK):
    scoring all eight to pick the best was two thirds of the time, and any mask gives a valid symbol; the tests
    read every code back.
    """
    code = zxingcpp.create_barcode(url, zxingcpp.BarcodeFormat.QRCode, ec_level="M", data_mask=QR_MASK)
    # zxing-cpp's Image implements the buffer protocol (2-D, one byte per module).
    framed = code.to_image(scale=1, add_quiet_zones=True)
    modules = memoryview(framed)  # type: ignore[arg-type]
    height, width = modules.shape  # type: ignore[misc]
    # Its quiet zone is QR_QUIET modules wide: light up to the finder pattern's dark corner. Should a version
    # of zxing-cpp draw another, frame the bare symbol here.
    if modules[QR_QUIET - 1, QR_QUIET - 1] != 255 or modules[QR_QUIET, QR_QUIET] != 0 or modules[0, 0] != 255:
        return _framed_qr(code)
    image = Image.frombuffer("1", (width, height), modules.tobytes(), "raw", "1;8", 0, 1)  # 1;8: a byte a pixel
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def _framed_qr(code: zxingcpp.Barcode) -> bytes:
    modules = memoryview(code.to_image(scale=1, add_quiet_zones=False))  # type: ignore[arg-type]
    height, width = modules.shape  # type: ignore[misc]
    symbol = Image.frombytes("L", (width, height), modules.tobytes())
    framed = Image.new("1", (width + 2 * QR_QUIET, height + 2 * QR_QUIET), 1)
    framed.paste(symbol.convert("1"), (QR_QUIET, QR_QUIET))
    out = io.BytesIO()
    framed.save(out, format="PNG", optimize=True)
    return out.getvalue()


def qr_data_uri(url: str) -> str:
    """qr_png as a data: URI, to inline in the page it belongs to (no file per credential on the host)."""
    return "data:image/png;base64," + base64.b64encode(qr_png(url)).decode("ascii")


# -- LinkedIn ---------------------------------------------------------------------

def linkedin_url(name: str, organization_id: str, organization_name: str, issued: str,
                 expires: str | None, cert_url: str, cert_id: str) -> str:
    """LinkedIn's add-to-profile link. Months are 1-12 (peers send JavaScript's 0-based month)."""
    params = {"startTask": "CERTIFICATION_NAME", "name": name}
    if organization_id:
        params["organizationId"] = organization_id
    else:
        params["organizationName"] = organization_name
    params["issueYear"] = issued[:4]
    params["issueMonth"] = str(int(issued[5:7]))
    if expires:
        params["expirationYear"] = expires[:4]
        params["expirationMonth"] = str(int(expires[5:7]))
    # urlencode(params), with the course's and the issuer's texts quoted once per process rather than once per
    # credential; the two that name the credential are its own.
    query = [f"{_quoted(key)}={_quoted(str(value))}" for key, value in params.items()]
    query += [f"certUrl={quoted_around_uuid(str(cert_url), _quoted)}",
              f"certId={quoted_around_uuid(str(cert_id), _quoted)}"]
    return "https://www.linkedin.com/profile/add?" + "&".join(query)


_quoted = functools.lru_cache(maxsize=1024)(quote_plus)
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def quoted_around_uuid(text: str, quote: Callable[[str], str]) -> str:
    """quote(text), for a `quote` that percent-encodes character by character and leaves hex digits and "-" as
    they are (urllib's quote and quote_plus, with or without safe characters), given its cached form: the text
    around a uuid (a credential's address, its id) is the same for every credential, the uuid needs no quoting.
    Python's quoting was a tenth of what a badge page's view cost."""
    found = _UUID.search(text)
    if found is None:
        return quote(text)
    return quote(text[:found.start()]) + found.group() + quote(text[found.end():])
