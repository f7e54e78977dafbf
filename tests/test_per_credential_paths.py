"""The faster ways a build handles each credential give what the plain ways gave.

Each function here replaced a simpler one on a path every credential takes (benchmarks/credential_cpu.py); the
simpler one is kept in this file as the reference, and both must agree on awkward input too.
"""

from __future__ import annotations

import functools
import json
import random
import string
import urllib.parse
import uuid
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import base58
import pytest

from conftest import ROOT, site_yaml
from generator.credentials import closed_world, multikey, nquads_template, shapes
from generator.site import badge_view, badges
from generator.site.badge_view import _labeller, view, views


def test_a_public_key_is_decoded_once_and_a_bad_one_always_fails():
    key = "z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK"
    assert multikey.public_from_multibase(key) is multikey.public_from_multibase(key)
    assert multikey.public_from_multibase(key).public_bytes_raw() == base58.b58decode(key[1:])[2:]
    for _ in range(2):
        with pytest.raises(ValueError, match="publicKeyMultibase"):
            multikey.public_from_multibase(key[:-1] + "0")
    with pytest.raises(ValueError, match="must be a string"):
        multikey.public_from_multibase(123)  # type: ignore[arg-type]


def test_a_public_key_no_issuer_can_have_is_refused_where_it_is_read(make_site):
    from generator.content.config import load_site

    identity = b"\x01" + b"\x00" * 31  # small order: OpenSSL accepts R = identity, S = 0 under it for anything
    off_curve = bytes.fromhex("02" + "00" * 31)  # y = 2: no point of the curve has it
    for raw in (identity, off_curve, b"\xec" + b"\xff" * 30 + b"\x7f"):  # the last: y = -1, of order 2
        weak = "z" + base58.b58encode(multikey.ED25519_PUBLIC_PREFIX + raw).decode()
        with pytest.raises(ValueError, match="no point an Ed25519 key can be"):
            multikey.public_from_multibase(weak)
        with pytest.raises(ValueError, match="no point an Ed25519 key can be"):
            multikey.resolve_did_key("did:key:" + weak)
    weak = "z" + base58.b58encode(multikey.ED25519_PUBLIC_PREFIX + identity).decode()
    site = make_site({"content/site.yaml": site_yaml(("key-weak", weak, "active"))})
    problems: list = []
    assert load_site(site, problems, None) is None  # an error: the site is not built with it
    assert [(p.field, p.severity, p.fix) for p in problems] == [
        ("keys[0].public_key", "error", "paste the z6Mk... value that 'credsite keygen' printed")]
    assert "no point an Ed25519 key can be" in problems[0].message


def _reference_context_urls(node: object) -> Iterator[str]:
    """closed_world.context_urls as it was written first: a generator."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "@context":
                yield from _strings(value)
            else:
                yield from _reference_context_urls(value)
    elif isinstance(node, list):
        for item in node:
            yield from _reference_context_urls(item)


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)
    elif isinstance(value, dict):
        yield from _reference_context_urls(value)


def test_context_urls_are_those_of_a_plain_walk_in_the_same_order():
    documents = [json.loads(path.read_bytes()) for path in sorted((ROOT / "content/issued").glob("*.json"))]
    documents += [
        {"@context": ["https://a.example/1", {"T": {"@id": "x:t", "@context": ["https://b.example/2", {
            "U": {"@context": "https://c.example/3"}}]}}], "x": [{"@context": "https://d.example/4"}, [
                {"y": {"@context": [["https://e.example/5"], None, 1]}}]]},
        ["https://not-a-context.example/", {"@context": "https://f.example/6"}],
        "https://not-a-context.example/", {"@context": {"@context": {"@context": "https://g.example/7"}}},
    ]
    assert documents[0]  # the sample has credentials
    for document in documents:
        assert list(closed_world.context_urls(document)) == list(_reference_context_urls(document))
    assert list(closed_world.context_urls(documents[-4])) == [
        "https://a.example/1", "https://b.example/2", "https://c.example/3", "https://d.example/4",
        "https://e.example/5"]


def test_a_context_is_read_back_whatever_was_seen_before_with_the_same_text():
    plain = {"@context": ["https://a.example/", {"t": {"@id": "x:t"}}], "name": "x"}
    assert shapes.shape_of(plain) is not None
    assert shapes.shape_of(plain) == shapes.shape_of(json.loads(json.dumps(plain)))
    # The same JSON text from what json.loads never gives: no shape, though the text was vouched for.
    assert shapes.shape_of({**plain, "@context": ("https://a.example/", {"t": {"@id": "x:t"}})}) is None
    assert shapes.shape_of({**plain, "@context": ["https://a.example/", {"t": {"@id": "x:t"}, 1: "y"}]}) is None
    seen = {"@context": {"@version": 1.1, "@protected": True}, "name": "x"}
    assert shapes.shape_of(seen) is not None
    # 1.1 == 1.1 but True == 1: a context equal to one seen, yet written otherwise, has its own text.
    other = shapes.shape_of({"@context": {"@version": 1.1, "@protected": 1}, "name": "x"})
    assert other is not None and other.key != shapes.shape_of(seen).key
    assert shapes.shape_of({"@context": ["https://a.example/\x07"], "name": "x"}) is None


def test_a_compiled_template_text_fills_as_format_does():
    rng = random.Random(7)
    for _ in range(300):
        fields = rng.randrange(1, 12)
        pieces = [rng.choice(["", "a", "%", "%s", "{{", "}}", "<x:%d>", " .\n", '"{{1}}"']) for _ in range(20)]
        text = "".join(piece + f"{{{rng.randrange(fields)}}}" * rng.randrange(2) for piece in pieces)
        values = ["".join(rng.choice(string.printable + "%{}é") for _ in range(rng.randrange(6)))
                  for _ in range(fields)]
        filling = nquads_template._compiled(text)
        assert filling.text % filling.pick(values) == text.format(*values), text


def _reference_linkedin_url(name, organization_id, organization_name, issued, expires, cert_url, cert_id) -> str:
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
    params["certUrl"] = cert_url
    params["certId"] = cert_id
    return "https://www.linkedin.com/profile/add?" + urllib.parse.urlencode(params)


def test_the_linkedin_link_is_urlencodes():
    rng = random.Random(3)
    alphabet = string.printable + "éß😀&=+%/ \u3000"

    def text() -> str:
        return "".join(rng.choice(alphabet) for _ in range(rng.randrange(30)))

    for _ in range(2000):
        uid = str(uuid.UUID(int=rng.getrandbits(128), version=4))  # a credential's address and id hold one
        given = (text(), rng.choice(["", "12345", text()]), text(),
                 f"20{rng.randrange(10, 99)}-{rng.randrange(1, 13):02d}-01T00:00:00Z",
                 rng.choice([None, "", "2031-02-01"]),
                 rng.choice(["https://x.example/b/" + text(), f"https://x.example/{text()}/{uid}/{text()}"]),
                 rng.choice(["urn:uuid:" + text(), f"urn:uuid:{uid}", f"{text()}{uid}", 5, None]))
        assert badges.linkedin_url(*given) == _reference_linkedin_url(*given)


def test_a_text_around_a_uuid_is_quoted_as_a_whole():
    rng = random.Random(11)
    alphabet = string.printable + "éß😀&=+%/ \u3000"
    quotes = [urllib.parse.quote_plus, functools.partial(urllib.parse.quote, safe=""), urllib.parse.quote]
    for _ in range(3000):
        around = ["".join(rng.choice(alphabet) for _ in range(rng.randrange(12))) for _ in range(2)]
        uid = str(uuid.UUID(int=rng.getrandbits(128), version=4))
        text = rng.choice([around[0] + uid + around[1], around[0], uid, around[0] + uid.upper() + around[1],
                           around[0] + uid + around[1] + uid])
        for quote in quotes:
            assert badges.quoted_around_uuid(text, quote) == quote(text), (text, quote)
    url = "https://x.example/b/8c1d5b46-1f5e-4c3a-9d8e-0a1b2c3d4e5f/credential.json"
    assert badge_view.verifier_link(url).endswith(urllib.parse.quote(url, safe=""))


@pytest.fixture(scope="module")
def sample_published(tmp_path_factory):
    import shutil

    from generator.build.pipeline import load, verify

    source: Path = tmp_path_factory.mktemp("site")
    for name in ("content", "themes"):
        shutil.copytree(ROOT / name, source / name)
    content = verify(load(source), save_cache=False)
    assert content.published
    return content


def test_views_are_each_languages_view(sample_published):
    # views() reads what the languages share once; nothing it shares may depend on the language.
    site = sample_published.site
    items = list(sample_published.published)
    # An issuer without a name: the page names the institution in its own language, and so does LinkedIn.
    first = items[0].credential
    document = json.loads(first.raw)
    del document["issuer"]["name"]
    items.append(replace(items[0], credential=replace(first, parsed=document)))
    items.append(replace(items[0], verdict=replace(items[0].verdict, status="revoked"), reason="a reason"))
    for item in items:
        together = views(site, item, {lang: _labeller(lang) for lang in site.languages})
        assert list(together) == list(site.languages)
        for lang in site.languages:
            assert together[lang] == view(site, item, lang), (item.credential.uuid, lang)
