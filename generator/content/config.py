"""Load content/site.yaml into a Site model."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import SplitResult, urlsplit

import pycountry

from generator.content.hosts import HOSTS
from generator.content.language_tags import language_tag_problem
from generator.content.reader import FieldReader
from generator.content.textfile import read_text
from generator.content.yamlsource import KeyPath, Located, parse_mapping
from generator.model import Institution, RioSettings, Site, SiteKey
from generator.problems import Problem

SITE_FILE = "content/site.yaml"
SECTORS = ("wo", "hbo", "mbo")
# Where a credential's badge images get the credential baked in: in the learner's browser when they download one
# (nothing per credential on the host), or by the build (two more files per credential, ~2.5x the bytes).
BAKED_IMAGES = ("browser", "build")
TOP_LEVEL = ("base_url", "languages", "title", "description", "institution", "theme", "keys", "rio", "host",
             "baked_images")
INSTITUTION = ("name", "url", "email", "country", "region", "locality", "sector", "identifiers",
               "linkedin_organization_id", "logo")
IDENTIFIERS = ("brin", "ror", "schac_home", "kvk", "erasmus", "pic")
# What a key id may be: the fragment of a verification method id in the DID document. Checked for
# keys[].id here and by `credsite keygen`, which imports it, so both agree.
KEY_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")
RIO = ("education_offerer_code", "education_location_code", "permission_required")
# The forms RIO gives its codes in, as the OOAPI RIO consumer profile states them.
OFFERER_CODE = r"[0-9]{3}A[0-9]{3}"
LOCATION_CODE = r"[0-9]{3}X[0-9]{3}"


def load_site(source: Path, problems: list[Problem], base_url: str | None = None) -> Site | None:
    located = read_settings(source / SITE_FILE, SITE_FILE, problems,
                            "create it with the site's base_url, languages, title and institution "
                            "(see: credsite docs site-settings)", "see: credsite docs site-settings, for an example")
    if located is None:
        return None
    before = len(problems)
    r = FieldReader(SITE_FILE, located, ("en",), problems)
    r.unknown_keys((), located.data, TOP_LEVEL)
    languages = read_languages(r, "the site", "[en, nl]")
    if base_url is not None and not base_url.strip():
        problems.append(Problem("--base-url", None, "", "is empty",
                                "give the site's address, e.g. https://example.org/, or leave the option out"))
        base_url = None
    url = base_url or r.string(("base_url",), required=True, what="every absolute URL starts with it",
                               fix="add e.g. 'base_url: https://example.github.io/catalogue/'")
    url = checked_base_url(r, url, from_option=bool(base_url))
    title = r.text(("title",), required=True, plain=True, max_len=120)
    description = r.text(("description",), plain=True, max_len=300)
    institution = _institution(r, source)
    theme = r.string(("theme",), pattern=r"[A-Za-z0-9_-]+",
                     pattern_fix="use the name of a folder in themes/") or "default"
    if not (source / "themes" / theme).is_dir() and theme != "default":
        r.report(("theme",), f"no folder themes/{theme}/",
                 f"create themes/{theme}/ (its files override the default theme) or use 'theme: default'")
    keys = _keys(r)
    rio = _rio(r)
    host = r.choice(("host",), HOSTS)
    baked_images = r.choice(("baked_images",), BAKED_IMAGES, default=BAKED_IMAGES[0])
    if any(p.is_error for p in problems[before:]) or institution is None:
        return None
    return Site(base_url=url, languages=tuple(languages), title=title, description=description,
                institution=institution, theme=theme, source=source, keys=tuple(keys), rio=rio, host=host,
                baked_images=baked_images)


def _rio(r: FieldReader) -> RioSettings | None:
    """The institution's codes in RIO, for the RIO consumer entries of the OOAPI files (docs/registries.md)."""
    key = ("rio",)
    if not r.mapping(key, RIO):
        return None
    where = "the institution's code in RIO (onderwijsaanbiedercode), which every course's RIO entry names"
    offerer = r.string(key + ("education_offerer_code",), required=True, what=where,
                       fix="add e.g. 'education_offerer_code: \"123A456\"' (see: credsite docs registries)",
                       pattern=OFFERER_CODE, pattern_fix="RIO's code has three digits, the letter A and three "
                       "digits, e.g. 123A456")
    location = r.string(key + ("education_location_code",), pattern=LOCATION_CODE,
                        pattern_fix="RIO's onderwijslocatiecode has three digits, the letter X and three digits, "
                        "e.g. 123X456")
    consent = r.boolean(key + ("permission_required",))
    return RioSettings(offerer, location, consent) if offerer else None


def _keys(r: FieldReader) -> list[SiteKey]:
    """The issuer's public keys. Retired keys stay listed so old credentials keep verifying."""
    from generator.credentials.multikey import public_from_multibase

    out: list[SiteKey] = []
    for i, _ in enumerate(r.items(("keys",))):
        key = ("keys", i)
        if not r.mapping(key, ("id", "public_key", "status"), required=True):
            continue
        key_id = r.string(key + ("id",), required=True, what="the key's name in the DID document",
                          fix="add e.g. 'id: key-2026'", pattern=KEY_ID.pattern,
                          pattern_fix="use letters, digits, dots, hyphens and underscores")
        public = r.string(key + ("public_key",), required=True, what="the publicKeyMultibase",
                          fix="paste the z6Mk... value that 'credsite keygen' printed")
        status = r.choice(key + ("status",), ("active", "retired"), required=True,
                          what="active keys sign, retired keys only verify")
        if public:
            try:
                public_from_multibase(public)
            except ValueError as exc:
                r.report(key + ("public_key",), f"not an Ed25519 public key ({exc})",
                         "paste the z6Mk... value that 'credsite keygen' printed")
                public = ""
        if key_id and any(k.id == key_id for k in out):
            r.report(key + ("id",), f"'{key_id}' is used by another key", "give every key its own id")
        elif key_id and public and status:
            out.append(SiteKey(key_id, public, status))
    if len([k for k in out if k.status == "active"]) > 1:
        r.warn(("keys",), "more than one active key",
               "credsite signs with the key you give it; retire keys you no longer use")
    return out


def read_settings(path: Path, shown: str, problems: list[Problem], missing_fix: str, shape_fix: str) -> Located | None:
    """A settings file (site.yaml, registry.yaml) as a mapping; None after reporting why not.

    Shared by the site and the registry so that both report a missing, unreadable or
    malformed settings file alike.
    """
    if not path.is_file():
        problems.append(Problem(shown, None, "", "is missing", missing_fix))
        return None
    text = read_text(path, shown, problems)
    if text is None:
        return None
    return parse_mapping(text, shown, problems, 1, "the file", shape_fix)


def read_languages(r: FieldReader, published: str, example: str) -> list[str]:
    """The `languages` of a settings file, each a valid tag and listed once; `r` then reads texts in them.

    `published`: whose languages ("the site"); `example`: a list for the fix, e.g. "[en, nl]".
    One place, so a site and the registry accept the same language lists.
    """
    tags = r.string_list(("languages",), required=True, what=f"the languages {published} is published in",
                         fix=f"add e.g. 'languages: {example}' (the first is the default)")
    out: list[str] = []
    for i, tag in enumerate(tags):
        problem = language_tag_problem(tag)
        if problem:
            r.report(("languages", i), *problem)
        elif tag in out:
            r.report(("languages", i), f"'{tag}' is listed twice", "list each language once")
        else:
            out.append(tag)
    r.languages = tuple(out) or ("en",)  # with none valid, English keeps the other fields' checks going
    return out


def checked_base_url(r: FieldReader, url: str, from_option: bool) -> str:
    """`url` with a closing '/', or "" after reporting why it cannot be a base URL (of a site, the registry
    or a registry member): absolute, https (http only for localhost), and usable as a did:web name.
    `from_option`: it came from --base-url, so the problem names the option, not the file's field."""
    if not url:
        return ""
    parts = urlsplit(url)
    where = "--base-url" if from_option else None
    problem = None
    if parts.scheme not in ("https", "http") or not parts.netloc:
        problem = (f"'{url}' is not an absolute URL", "give the full address, e.g. https://example.org/")
    elif parts.query or parts.fragment:
        problem = (f"'{url}' has a query or fragment", "give only the address of the site's folder")
    elif parts.scheme == "http" and parts.hostname not in ("localhost", "127.0.0.1"):
        problem = (f"'{url}' uses http", "publish over https; verifiers resolve did:web over https only")
    else:
        problem = _did_web_problem(url, parts)
    if problem:
        if where:
            r.problems.append(Problem(where, None, "", *problem))
        else:
            r.report(("base_url",), *problem)
        return ""
    return url if url.endswith("/") else url + "/"


_HOST = re.compile(r"(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?")
_PATH_SEGMENT = re.compile(r"(?:[A-Za-z0-9._~!$&'()*+,;=:@-]|%[0-9A-Fa-f]{2})+")


def _did_web_problem(url: str, parts: SplitResult) -> tuple[str, str] | None:
    """Why `url` cannot name the site's did:web issuer (host, port, then path segments), or None."""
    if parts.username is not None or parts.password is not None:
        return f"'{url}' holds a user name or password", "remove the part before '@'"
    port_text = parts.netloc.rsplit("@", 1)[-1].partition(":")[2]
    try:
        port = parts.port
    except ValueError:
        port = None
    if parts.netloc.endswith(":") or (port_text and (port is None or not 1 <= port <= 65535
                                                     or port_text != str(port))):
        return f"'{url}' has a port that is not a number from 1 to 65535", "fix or remove the ':port'"
    host = parts.hostname or ""
    netloc_host = parts.netloc.rsplit("@", 1)[-1].split(":", 1)[0]
    if netloc_host != netloc_host.lower():
        return f"'{url}' has upper-case letters in its host", f"write the host as {netloc_host.lower()}"
    if not host.isascii():
        try:
            ascii_host = host.encode("idna").decode("ascii")
        except UnicodeError:
            ascii_host = "its xn-- form"
        return f"'{url}' has a host with non-ASCII letters", f"write the host as {ascii_host}"
    if not _HOST.fullmatch(host):
        return f"'{url}' does not have a valid host name", "use the host name as in the browser, e.g. example.org"
    if "//" in parts.path:
        return f"'{url}' has an empty folder name ('//') in its path", "write each '/' once"
    for segment in parts.path.split("/"):
        if ":" in segment:  # did:web separates path segments with ':'
            return (f"'{url}' has a ':' in the folder name '{segment}', which the issuer's did:web cannot hold",
                    "rename the folder without ':'")
        if segment in (".", ".."):
            return f"'{url}' has a '{segment}' path segment", "give the folder's address without '.' or '..'"
        if segment and not _PATH_SEGMENT.fullmatch(segment):
            return (f"'{url}' has a path segment '{segment}' with characters a URL may not hold",
                    "use letters, digits, '-', '_' and '.' in folder names (or percent-encode them)")
    return None


def _logo(r: FieldReader, source: Path, name: str, key: KeyPath) -> str:
    """The institution's logo: a PNG or SVG under content/, published as static/logo.<ext>."""
    from generator.content import images

    path, why = images.site_image(source, name)
    if path is None:
        r.report(key, why, "or remove 'logo'")
        return ""
    return name


def _institution(r: FieldReader, source: Path) -> Institution | None:
    key = ("institution",)
    if not r.mapping(key, INSTITUTION, required=True, what="the awarding body of every course",
                     fix="add 'institution:' with its name, url and country"):
        return None
    name = r.text(key + ("name",), required=True, what="the awarding body is a mandatory EU element",
                  plain=True)
    url = r.url(key + ("url",), required=True, what="the institution's website")
    country = r.string(key + ("country",), required=True,
                       what="the awarding body's country is a mandatory EU element",
                       fix="add 'country: NL' (ISO 3166-1 alpha-2 code)")
    if country and not (len(country) == 2 and country.isupper() and pycountry.countries.get(alpha_2=country)):
        guess = pycountry.countries.get(alpha_2=country.upper()) if len(country) == 2 else None
        fix = f"write '{country.upper()}'" if guess else "use an ISO 3166-1 alpha-2 code such as NL, BE or DE"
        if country.upper() == "EN":
            fix = "EN is a language; for England or the UK use GB"
        r.report(key + ("country",), f"'{country}' is not an ISO 3166-1 country code", fix)
        country = ""
    sector = r.choice(key + ("sector",), SECTORS, default="wo")
    identifiers: dict[str, str] = {}
    if r.mapping(key + ("identifiers",), IDENTIFIERS):
        for name_ in IDENTIFIERS:
            value = r.string(key + ("identifiers", name_), allow_numbers=True)
            if value:
                identifiers[name_] = value
        ror = identifiers.get("ror")
        if ror and not re.fullmatch(r"https://ror\.org/0[a-z0-9]{6}[0-9]{2}", ror):
            r.report(key + ("identifiers", "ror"), f"'{ror}' is not a ROR id",
                     "write the full ROR URL, e.g. https://ror.org/04pp8hn57")
    linkedin = r.string(key + ("linkedin_organization_id",), allow_numbers=True,
                        pattern=r"[0-9]+", pattern_fix="use the number in your LinkedIn company page's "
                        "admin URL, e.g. '1234567'")
    logo = r.string(key + ("logo",))
    if logo:
        logo = _logo(r, source, logo, key + ("logo",))
    if not (name and url and country):
        return None
    return Institution(name=name, url=url, country=country, sector=sector,
                       email=r.email(key + ("email",)), region=r.string(key + ("region",)),
                       locality=r.string(key + ("locality",)), identifiers=identifiers,
                       linkedin_organization_id=linkedin, logo=logo)
