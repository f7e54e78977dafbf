"""Badge pages composed from a skeleton per shape (generator/site/badge_pages.py) are byte for byte what
badge.html renders: for every sample credential, for hundreds of credentials issued again on paper to
learners with awkward names, in every status, kind and language, with and without results and evidence,
with either way of baking images, and with a site theme's own badge.html. A theme that does with a name
what the composer cannot follow gets Jinja's pages, and it is seen that it does.

Every comparison is against render_badge without a BadgePages: the template rendered by Jinja for every
page, as every build did before.
"""

from __future__ import annotations

import copy
import datetime as dt
import hashlib
import io
import itertools
import json
import subprocess
import sys
import uuid
from dataclasses import replace
from types import SimpleNamespace

import markupsafe
import pytest
import zxingcpp
from PIL import Image

from conftest import ROOT, sample_site, write_files
from generator import routes
from generator.build.pipeline import load, verify
from generator.build.units import Renderer
from generator.model import Published, Verdict
from generator.site import badge_pages, badges
from generator.site.render import course_images, render_badge

# Names a page must carry exactly as signed: markup, quotes, scripts of either direction, emoji, whitespace,
# control characters, escaped-looking text, addresses (the wbr filter breaks those), template syntax,
# very long and very short, and the composer's own sentinels.
NAMES = [
    "Ada Lovelace",
    "Tom & Jerry <script>alert('x')</script>",
    'Jan "de Man" O\'Brien',
    "Zoë Ünal-Çelik",
    "Łukasz Żółć-Šťastný",
    "محمد عبد الله",
    "שרה כהן",
    "Ana 👩🏽‍🎓 Silva",
    "\u202egnp.exe",
    "  spaced   out  ",
    "line\nbreak\ttab",
    "&amp; &lt;already escaped&gt; &#39;",
    "https://evil.example/a:b?x=1&y=2#z",
    "%20%3C 100% + 1",
    "{{ b.uuid }} {% raw %}",
    "Q",
    "Maximiliane " * 300,
    "nul\x00char",
    "\ue000\ue001",
    badge_pages._CUT.learner,
    *(probe.learner for probe in badge_pages._PROBES),
    badge_pages._CUT.uuid,
    badge_pages._CUT.qr,
]

STATUSES = [  # status, reason, revocation day in content/status/revocations.csv
    ("valid", "", None),
    ("revoked", "Issued to the wrong learner & <replaced>", "2026-11-20T10:00:00Z"),
    ("revoked", "", None),
    ("expired", "", None),
    ("suspended", "", None),
    ("not yet valid", "", None),
]

EXTRAS = ["as signed", "no results", "results and evidence"]
EVIDENCE = [{"id": "https://example.org/portfolio?a=1&b=<2>", "type": ["Evidence"], "name": "Portfolio \"A\" & <B>"},
            {"id": "https://example.org/x", "type": ["Evidence"]}]


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    root = sample_site(tmp_path_factory.mktemp("badge-pages"))
    content = verify(load(root), save_cache=False)
    assert content.ok, [str(p) for p in content.problems]
    return SimpleNamespace(root=root, content=content, site=content.site, items=content.published)


def renderer_for(sample, **site_changes) -> SimpleNamespace:
    site = replace(sample.site, **site_changes)
    renderer = Renderer(site, tuple(sample.content.pathways))
    awards = [item.course for item in sample.items] + list(sample.content.pathways)
    images = {routes.course_image(award, name): data for award in awards
              for name, data in course_images(renderer.env, site, award).items()}
    return SimpleNamespace(renderer=renderer, images=images, pages=renderer.badge_pages)


def same_as_jinja(r, items) -> None:
    """Each credential's files through the renderer's BadgePages, against the template rendered for each page."""
    for item in items:
        composed = r.renderer.badge_unit(item, r.images)
        rendered = render_badge(r.renderer.env, r.renderer.site, item, r.images, r.renderer.ctx)
        assert composed.keys() == rendered.keys()
        for name in rendered:
            assert composed[name] == rendered[name], (name, item.credential.uuid, learner_of(item))


def learner_of(item: Published) -> str:
    return next((i["identityHash"] for i in item.credential.document["credentialSubject"].get("identifier", [])
                 if i.get("identityType") == "name"), "")


_numbers = itertools.count(1)


def issued_to(item: Published, name: str, *, status: str = "valid", reason: str = "", pathway=None,
              extra: str = "as signed", kind: str | None = None, awarded: str | None = None,
              valid_until: str | None = None, uid: str | None = None) -> Published:
    """The credential as if issued to someone else: its own uuid and name; then, on request, another status,
    kind, results, evidence or dates (nothing is signed again: pages are made from what the build verified)."""
    uid = uid or str(uuid.UUID(int=next(_numbers) * 7_919, version=4))
    doc = copy.deepcopy(item.credential.document)
    doc["id"] = f"urn:uuid:{uid}"
    subject = doc["credentialSubject"]
    others = [i for i in subject.get("identifier", []) if i.get("identityType") != "name"]
    named = [{"type": "IdentityObject", "identityType": "name", "hashed": False, "identityHash": name}] if name else []
    subject["identifier"] = others + named
    achievement = subject["achievement"]
    if kind:
        achievement["achievementType"] = kind
    if extra == "no results":
        subject.pop("result", None)
    if extra == "results and evidence":
        for result in subject.get("result", []):
            result["value"] = "7.5"
        doc["evidence"] = copy.deepcopy(EVIDENCE)
    if awarded:
        doc["awardedDate"] = doc["validFrom"] = awarded
    if valid_until:
        doc["validUntil"] = valid_until
    raw = json.dumps(doc, ensure_ascii=False).encode()
    credential = replace(item.credential, uuid=uid, stored=raw, parsed=doc, source=f"content/issued/{uid}.json")
    return replace(item, credential=credential, verdict=Verdict(status), reason=reason,
                   course=pathway or item.course)


def revoke_on(sample, items: list[Published], day: str) -> None:
    """content/status/revocations.csv names these credentials with this day (the page shows it)."""
    path = sample.root / "content" / "status" / "revocations.csv"
    with path.open("a", encoding="utf-8") as handle:
        if not path.read_text(encoding="utf-8").endswith("\n"):
            handle.write("\n")
        for number, item in enumerate(items):
            handle.write(f'{day},{item.credential.document["id"]},{900_000 + number},"revoked"\n')


def variants(sample, names_per_shape: int = 8) -> list[Published]:
    """A cohort of learners for each shape: status x kind x results and evidence; the names rotate, so
    each name is in many shapes, and first at some."""
    micro = next(item for item in sample.items if item.course.slug == "data-literacy-for-policy")
    non_formal = next(item for item in sample.items if item.course.slug == "sustainability-ambassador")
    pathway = sample.content.pathways[0]
    kinds = [(micro, None, None), (non_formal, None, None), (micro, "LearningProgram", pathway)]
    rotation = itertools.cycle(NAMES)
    items: list[Published] = []
    for (status, reason, day), (base, kind, award), extra in itertools.product(STATUSES, kinds, EXTRAS):
        dates = {"expired": {"valid_until": "2026-02-01T00:00:00Z"},
                 "not yet valid": {"awarded": "2027-03-01T00:00:00Z"}}.get(status, {})
        cohort = [issued_to(base, next(rotation), status=status, reason=reason, kind=kind, pathway=award,
                            extra=extra, **dates) for _ in range(names_per_shape)]
        if day:
            revoke_on(sample, cohort, day)
        items += cohort
    return items


# ---------------------------------------------------------------- the default theme


def test_every_sample_credential_is_composed_byte_for_byte(sample):
    r = renderer_for(sample)
    # A shape is rendered the first time, gets its skeleton (proven on that page) the second, and is composed
    # from then on: three rounds, each compared.
    for _ in range(3):
        same_as_jinja(r, sample.items)
    assert r.pages.counts["composed"] == len(sample.items) * len(sample.site.languages)
    assert r.pages.counts["declined"] == 0


@pytest.mark.parametrize("baked", ["browser", "build"])
def test_hundreds_of_learners_in_every_status_kind_and_language(sample, baked):
    r = renderer_for(sample, baked_images=baked)
    items = variants(sample)
    assert len(items) >= 400
    same_as_jinja(r, items)
    counts = r.pages.counts
    shapes = len(STATUSES) * 3 * len(EXTRAS)
    # Only a shape's first two learners go to Jinja (and three sentinel renders); every other page is composed.
    # An empty name, or a name that would be a sentinel, does not stop that.
    assert counts["declined"] == 0
    assert counts["composed"] == (len(items) - 2 * shapes) * len(sample.site.languages)


def test_every_name_in_one_shape(sample):
    r = renderer_for(sample)
    base = sample.items[0]
    same_as_jinja(r, [issued_to(base, name) for name in ["Ada", "Bob", *NAMES, "", "", *NAMES]])
    assert r.pages.counts["composed"] == 2 * len(NAMES) * len(sample.site.languages)


def test_what_differs_in_a_cohort_other_than_the_name_makes_another_shape(sample):
    r = renderer_for(sample)
    base = next(item for item in sample.items if item.course.slug == "data-literacy-for-policy")
    items = [issued_to(base, name, awarded=day, valid_until=until)
             for day, until in [("2026-01-05T00:00:00Z", None), ("2026-01-06T00:00:00Z", None),
                                ("2026-01-05T00:00:00Z", "2030-01-01T00:00:00Z")]
             for name in ("Ada", "Bob", "Cy")]
    items.append(issued_to(base, "Dee", uid=items[0].credential.uuid.upper()))  # not a uuid as issued: Jinja
    same_as_jinja(r, items)
    assert r.pages.counts["made"] == 3 * len(sample.site.languages)


def test_a_title_holding_a_sentinel_is_rendered_not_composed(sample):
    r = renderer_for(sample)
    base = sample.items[0]
    items = []
    for name in ("Ada", "Bob", "Cy", "Dee"):
        item = issued_to(base, name)
        item.credential.document["credentialSubject"]["achievement"]["name"] = (
            f"Title {badge_pages._CUT.learner} {badge_pages._CUT.uuid}")
        items.append(item)
    same_as_jinja(r, items)
    assert r.pages.counts["composed"] == 0 and r.pages.counts["declined"] == len(sample.site.languages)


def test_each_filter_gives_the_cut_sentinels_a_form_of_their_own(sample):
    forms = badge_pages.filters(Renderer(sample.site).env)
    values = badge_pages._CUT
    every = [forms[how](getattr(values, name)) for name, hows in badge_pages._FIELDS.items() for how in hows]
    assert len(set(every)) == len(every)
    assert not [(a, b) for a, b in itertools.permutations(every, 2) if a in b]
    for probe in (values, *badge_pages._PROBES):  # real values of their kind
        assert all(pattern.fullmatch(getattr(probe, name)) for name, pattern in badge_pages._REAL.items())
    lengths = [len(probe.learner) for probe in (values, *badge_pages._PROBES)]
    assert len(set(lengths)) == 3 and min(lengths) == 1 and max(lengths) > 2000


# ---------------------------------------------------------------- a site theme's badge.html

FOLLOWED = """{% extends "default/badge.html" %}
{% block head %}{{ super() }}
<meta name="learner" content="{{ b.learner }}" data-uuid="{{ b.uuid }}">
<script type="application/json" id="who">{{ {"name": b.learner, "page": b.page_url} | tojson }}</script>
{% endblock %}
{% block main %}
<p><a href="mailto:?body={{ b.learner | urlencode }}">{{ b.learner | wbr }}</a>
<a href="?{{ {'learner': b.learner, 'id': b.uuid} | urlencode }}">{{ b.json_url | wbr }}</a></p>
<p class="raw">{{ b.learner | safe }}</p>
<p>{{ page.s('{learner} wrote to {title}', learner=b.learner, title=b.title) | urlencode }}</p>
<img src="{{ qr }}" alt="{{ b.learner }}">
{{ super() }}
{% endblock %}
"""

NOT_FOLLOWED = {
    "upper": "<h1>{{ b.learner | upper }}</h1>",
    "title": "<h1>{{ b.learner | title }}</h1>",
    "truncate": "<h1>{{ b.learner | truncate(40) }}</h1>",
    "trim": "<h1>{{ b.learner | trim }}</h1>",
    "length": "<h1 class=\"{{ 'long' if b.learner | length > 30 else 'short' }}\">x</h1>",
    "short name": "<h1 class=\"{{ 'short' if b.learner | length < 3 else '' }}\">x</h1>",  # the 1-character probe
    "long name": "<h1 class=\"{{ 'long' if b.learner | length > 200 else '' }}\">x</h1>",  # the long probe
    "initial": "<span>{{ b.learner[:1] }}</span>",
    "replace": "<span>{{ b.learner | replace('a', 'A') }}</span>",
    "uuid part": "<span>{{ b.uuid[:8] }}</span>",
    "uuid upper": "<span>{{ b.uuid | upper }}</span>",
    "qr size": "<span>{{ qr | length }}</span>",
    "escaped twice": "<span>{{ b.learner | escape | forceescape }}</span>",
}


def with_theme(sample, name: str, badge_html: str) -> SimpleNamespace:
    write_files(sample.root, {f"themes/{name}/templates/badge.html": badge_html})
    return renderer_for(sample, theme=name)


def test_a_theme_that_prints_the_name_through_known_filters_is_composed(sample):
    r = with_theme(sample, "followed", FOLLOWED)
    items = [issued_to(sample.items[0], name) for name in ["Ada", "Bob", *NAMES]]
    same_as_jinja(r, items)
    assert r.pages.counts["declined"] == 0
    assert r.pages.counts["composed"] == len(NAMES) * len(sample.site.languages)
    skeleton = next(s for s in r.pages.skeletons.values() if s is not None)
    assert {how for field, how in skeleton.slots if field == "learner"} == {"html", "text", "url", "query", "wbr",
                                                                           "json"}


@pytest.mark.parametrize("use", NOT_FOLLOWED.values(), ids=NOT_FOLLOWED.keys())
def test_a_theme_that_changes_the_name_falls_back_to_jinja(sample, use):
    theme = "theme-" + hashlib.sha256(use.encode()).hexdigest()[:8]
    r = with_theme(sample, theme, '{% extends "default/badge.html" %}\n{% block main %}' + use
                   + "{{ super() }}{% endblock %}\n")
    items = [issued_to(sample.items[0], name) for name in ["Ada Lovelace", "bob", *NAMES[:8], "Q", "Mia " * 80]]
    same_as_jinja(r, items)
    # The fallback happened: the shape was declined, and no page was composed.
    assert r.pages.counts["composed"] == 0
    assert r.pages.counts["declined"] == len(sample.site.languages)
    assert r.pages.counts["rendered"] >= len(items) * len(sample.site.languages)


def test_a_sentinel_name_left_in_a_form_not_listed_is_refused_at_the_cut(sample):
    pages = Renderer(sample.site).badge_pages
    name = badge_pages._CUT.learner
    assert pages._cut(f"<p>{markupsafe.escape(name)}</p>", named=True) is not None
    assert pages._cut(f"<p>{markupsafe.escape(name)}</p><i>{name.strip()}</i>", named=True) is None
    assert pages._cut(f"<p>{name[:5]}</p>", named=True) is None


def test_a_skeleton_the_real_credential_disproves_is_not_used(sample):
    # A name the sentinels cannot stand for; the skeleton is made at the second learner, whose own page
    # (rendered by Jinja) it then fails to give: the shape goes to Jinja for good.
    r = with_theme(sample, "bob", '{% extends "default/badge.html" %}\n{% block main %}'
                   "{% if b.learner == 'Bob' %}<p>Hi Bob</p>{% endif %}{{ super() }}{% endblock %}\n")
    same_as_jinja(r, [issued_to(sample.items[0], name) for name in ["Ada", "Bob", "Cy", "Dee"]])
    assert r.pages.counts["composed"] == 0 and r.pages.counts["declined"] == len(sample.site.languages)


def test_a_template_that_fails_on_a_sentinel_is_rendered_by_jinja(sample):
    r = with_theme(sample, "strict", '{% extends "default/badge.html" %}\n{% block main %}'
                   "{% if '\ue000' in b.learner %}{{ nope }}{% endif %}{{ super() }}{% endblock %}\n")
    same_as_jinja(r, [issued_to(sample.items[0], name) for name in ["Ada", "Bob", "Cy"]])
    assert r.pages.counts["composed"] == 0 and r.pages.counts["declined"] == len(sample.site.languages)


# ---------------------------------------------------------------- QR codes


def test_qr_codes_are_the_same_bytes_as_when_framed_by_pil_and_read_back(sample):
    for number in range(150):
        url = routes.absolute(sample.site, routes.badge(str(uuid.UUID(int=number * 104_729, version=4))))
        url += "x/" * (number % 40)  # longer addresses, larger symbols
        code = zxingcpp.create_barcode(url, zxingcpp.BarcodeFormat.QRCode, ec_level="M", data_mask=badges.QR_MASK)
        png = badges.qr_png(url)
        assert png == badges._framed_qr(code)
        # The mask is fixed, not the best of eight for each code: every one must still read back.
        symbol = Image.open(io.BytesIO(png))
        big = symbol.convert("L").resize((symbol.width * 4, symbol.height * 4), Image.Resampling.NEAREST)
        assert [c.text for c in zxingcpp.read_barcodes(big, formats=zxingcpp.BarcodeFormat.QRCode)] == [url]


def test_checked_on_day_is_part_of_the_shape(sample):
    r = renderer_for(sample)
    base = sample.items[0]
    days = [dt.date(2026, 1, 1), dt.date(2026, 1, 2)]
    items = [replace(issued_to(base, name), checked_on=day) for day in days for name in ("Ada", "Bob", "Cy")]
    same_as_jinja(r, items)
    assert r.pages.counts["made"] == len(days) * len(sample.site.languages)


def test_the_benchmark_runs_and_finds_both_ways_alike():
    done = subprocess.run([sys.executable, "benchmarks/badge_pages.py", "--n", "21", "--qr", "10"], cwd=ROOT,
                          capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stderr
    assert "pages only, composed:" in done.stdout and "fixed mask" in done.stdout
