"""Time badge pages: rendered by Jinja, and composed from a skeleton per shape (generator/site/badge_pages.py).

    .venv/bin/python benchmarks/badge_pages.py [--n 400] [--qr 2000]

Takes the sample site (content/ at the repository root), issues each of its credentials again to N/7 other
learners on paper (another uuid and name, the rest as signed: cohorts share everything else), and prints
milliseconds per credential for both of its pages (all languages):

- Jinja: badge.html rendered for every page, as every build did before;
- composed: a fresh BadgePages, as in a build's worker (the first credentials of a shape are rendered and
  prove its skeleton);
- each also with everything else a badge unit makes (view, QR code, JSON), as Renderer.badge_unit does.

And the QR code: microseconds per code for the way qr_png made it before (the best of the eight masks, framed
by PIL) and as it makes it now (one fixed mask, framed by zxing-cpp). Figures, not assertions; both ways of
making pages must give the same bytes, which is checked, and the QR codes made now must read back.
"""

from __future__ import annotations

import argparse
import copy
import functools
import io
import json
import shutil
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import zxingcpp  # noqa: E402
from PIL import Image  # noqa: E402

from generator import routes  # noqa: E402
from generator.build.pipeline import load, verify  # noqa: E402
from generator.build.units import Renderer  # noqa: E402
from generator.model import Published  # noqa: E402
from generator.site import badges  # noqa: E402
from generator.site.badge_pages import BadgePages  # noqa: E402
from generator.site.badge_view import view  # noqa: E402
from generator.site.render import badge_context, course_images, render_badge  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


def reissued(item: Published, number: int) -> Published:
    """The credential as if issued to another learner: another uuid and name, nothing else changed."""
    uid = str(uuid.UUID(int=number * 7_919 + 17, version=4))
    doc = copy.deepcopy(item.credential.document)
    doc["id"] = f"urn:uuid:{uid}"
    for identity in doc["credentialSubject"].get("identifier") or []:
        if identity.get("identityType") == "name":
            identity["identityHash"] = f"Learner {number} van Dijk-O'Brien & Zoë"
    raw = json.dumps(doc).encode()
    return replace(item, credential=replace(item.credential, uuid=uid, stored=raw, parsed=doc))


def best_of(runs: dict[str, Callable[[Any], object]], inputs: list, rounds: int = 5,
            fresh: Callable[[], None] = lambda: None) -> dict[str, float]:
    """CPU seconds per input of each run, the best of `rounds`; the runs take turns, so that other work on the
    machine weighs on each alike. `fresh()` is called before each round (a new worker's empty cache)."""
    best = dict.fromkeys(runs, float("inf"))
    for _ in range(rounds):
        for name, run in runs.items():
            fresh()
            start = time.process_time()
            for one in inputs:
                run(one)
            best[name] = min(best[name], (time.process_time() - start) / len(inputs))
    return best


def old_qr_png(url: str) -> bytes:
    """qr_png as it was before: zxing-cpp's symbol, framed by PIL, then saved."""
    code = zxingcpp.create_barcode(url, zxingcpp.BarcodeFormat.QRCode, ec_level="M")
    modules = memoryview(code.to_image(scale=1, add_quiet_zones=False))  # type: ignore[arg-type]
    height, width = modules.shape  # type: ignore[misc]
    symbol = Image.frombytes("L", (width, height), modules.tobytes())
    framed = Image.new("1", (width + 2 * badges.QR_QUIET, height + 2 * badges.QR_QUIET), 1)
    framed.paste(symbol.convert("1"), (badges.QR_QUIET, badges.QR_QUIET))
    out = io.BytesIO()
    framed.save(out, format="PNG", optimize=True)
    return out.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=400, help="credentials to render (default 400)")
    parser.add_argument("--qr", type=int, default=2000, help="QR codes to make (default 2000)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "site"
        for name in ("content", "themes"):
            shutil.copytree(ROOT / name, source / name)
        content = verify(load(source), save_cache=False)
        sample = content.published
        items = [reissued(sample[i % len(sample)], i) for i in range(args.n)]
        renderer = Renderer(content.site, tuple(content.pathways))
        site, env = renderer.site, renderer.env
        images = {routes.course_image(item.course, name): data for item in sample
                  for name, data in course_images(env, site, item.course).items()}
        template = env.get_template("badge.html")
        qrs = {item.credential.uuid: badges.qr_data_uri(routes.absolute(site, routes.badge(item.credential.uuid)))
               for item in items}
        cache = [BadgePages(env)]

        def fresh() -> None:
            cache[0] = BadgePages(env)

        def pages_of(item: Published, compose: bool = True) -> list[str]:
            """Both pages of a credential and nothing else (its QR code made already): what composing replaces."""
            out = []
            for lang in site.languages:
                b = view(site, item, lang, renderer.ctx(lang, "").concept)
                image = routes.course_image(item.course, "badge.svg")
                context = functools.partial(badge_context, site, lang, renderer.ctx, image)
                qr = qrs[item.credential.uuid]
                out.append(cache[0].page(template, b, qr, context, (lang, image)) if compose
                           else template.render(**context(b, qr)))
            return out

        for item in items:  # both ways give the same pages
            assert pages_of(item) == pages_of(item, compose=False), item.credential.uuid
        units = best_of({
            "badge unit, pages by Jinja": lambda item: render_badge(env, site, item, images, renderer.ctx),
            "badge unit, pages composed": lambda item: render_badge(env, site, item, images, renderer.ctx, cache[0]),
        }, items, fresh=fresh)
        counts = cache[0].counts
        pages = best_of({
            "pages only, Jinja": lambda item: pages_of(item, compose=False),
            "pages only, composed": pages_of,
            "  of which view(), every page": lambda item: [view(site, item, lang, renderer.ctx(lang, "").concept)
                                                           for lang in site.languages],
        }, items, fresh=fresh)
        print(f"{len(items)} credentials ({len(sample)} of the sample, each issued again to about "
              f"{len(items) // len(sample)} learners), {len(site.languages)} pages each; CPU ms per credential:")
        for name, seconds in {**units, **pages}.items():
            print(f"  {name + ':':34} {seconds * 1000:6.3f}")
        print(f"  (composed in a fresh cache: {counts['composed']} pages composed, {counts['rendered']} rendered by "
              f"Jinja (with the sentinels'), {counts['made']} skeletons made, {counts['declined']} declined)")

    urls = [routes.absolute(site, routes.badge(str(uuid.UUID(int=i * 104_729 + 3, version=4))))
            for i in range(args.qr)]
    for url in urls[:50]:  # another mask, so other bytes: what counts is that they read back
        symbol = Image.open(io.BytesIO(badges.qr_png(url))).convert("L")
        big = symbol.resize((symbol.width * 4, symbol.height * 4), Image.Resampling.NEAREST)
        assert [c.text for c in zxingcpp.read_barcodes(big, formats=zxingcpp.BarcodeFormat.QRCode)] == [url]
    codes = best_of({
        "before (best of eight masks)": old_qr_png,
        "now (one fixed mask)": badges.qr_png,
        "  of which zxing-cpp encodes": lambda url: zxingcpp.create_barcode(
            url, zxingcpp.BarcodeFormat.QRCode, ec_level="M", data_mask=badges.QR_MASK),
    }, urls)
    print(f"QR code ({len(urls)} badge URLs), CPU microseconds per code:")
    for name, seconds in codes.items():
        print(f"  {name + ':':34} {seconds * 1e6:6.1f}")

if __name__ == "__main__":
    main()
