"""Every URL the site publishes is decided here, and nowhere else.

URLs are permanent (badge and achievement links end up on CVs), so changing a
function in this module breaks published links: add, never rename.
The default language lives at the root; other languages under /<lang>/.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from urllib.parse import urlsplit

from generator.model import Award, Course, Pathway, Site

EXTENSION_CONTEXT_PATH = "ns/credsite-v1.jsonld"


def lang_prefix(site: Site, lang: str) -> str:
    return "" if lang == site.default_language else f"{lang}/"


def catalogue(site: Site, lang: str) -> str:
    return lang_prefix(site, lang)


def course(site: Site, lang: str, c: Course) -> str:
    """The course's page: the current version at the course URL, others at their version URL."""
    if c.is_current:
        return f"{lang_prefix(site, lang)}courses/{c.slug}/"
    return course_version(site, lang, c)


def course_version(site: Site, lang: str, c: Course) -> str:
    return f"{lang_prefix(site, lang)}courses/{c.slug}/{c.version}/"


def achievement(c: Award) -> str:
    # Pathways share the course slugs' name space (content/pathways.py keeps them apart), so a
    # pathway's Achievement and images sit where a course version's would.
    return f"achievements/{c.slug}/{c.version}.json"


def achievements_index() -> str:
    return "achievements/index.json"


def issuer_profile() -> str:
    return "issuer.json"


def feed(site: Site, lang: str) -> str:
    return f"{lang_prefix(site, lang)}feed.xml"


def search_index(site: Site, lang: str) -> str:
    return f"{lang_prefix(site, lang)}search.json"


def sitemap() -> str:
    return "sitemap.xml"


def robots() -> str:
    return "robots.txt"


def not_found() -> str:
    return "404.html"


def host_headers() -> str:
    """Netlify's and Cloudflare Pages' rules for serving the site (content types, CORS, caching)."""
    return "_headers"


def no_jekyll() -> str:
    """Tells GitHub Pages to publish the folder as it is, files starting with "_" included."""
    return ".nojekyll"


def logo(suffix: str) -> str:
    return static("logo" + suffix)


def static(name: str) -> str:
    return f"static/{name}"


def absolute(site: Site, path: str) -> str:
    return site.base_url + path


def site_root_path(site: Site) -> str:
    """The path part of the base URL, e.g. '/catalogue/' (for 404 pages and robots.txt)."""
    return urlsplit(site.base_url).path or "/"


def output_file(url_path: str) -> str:
    """The file that serves a URL path: folders get an index.html."""
    return url_path + "index.html" if url_path == "" or url_path.endswith("/") else url_path


def issuer_did(site: Site) -> str:
    """did:web of the site: host, then each path segment, as the did:web method says."""
    parts = urlsplit(site.base_url)
    host = parts.netloc.replace(":", "%3A")
    segments = [s for s in parts.path.split("/") if s]
    return ":".join(["did:web", host, *segments])


DID_DOCUMENTS = (".well-known/did.json", "did.json")  # at a host's root; under a path


def base_url_of_did(did: str) -> str:
    """did:web:host:a:b -> https://host/a/b/, the inverse of issuer_did; "" for anything else."""
    parts = did.split(":")
    if len(parts) < 3 or parts[:2] != ["did", "web"] or not parts[2]:
        return ""
    if any(segment in ("", ".", "..") for segment in parts[3:]):
        return ""  # "." and ".." would move the path: did:web:host:a:..:b is no DID of host/a/
    host = parts[2].replace("%3A", ":")
    path = "/".join(parts[3:])
    return f"https://{host}/" + (path + "/" if path else "")


def did_document(site: Site) -> str:
    """Where did:web resolves the site's DID: /.well-known/did.json at a host's root, else <path>/did.json."""
    return DID_DOCUMENTS[0] if site_root_path(site) == "/" else DID_DOCUMENTS[1]


def status_folder() -> str:
    """Where status lists are published; a site serves status lists from nowhere else."""
    return "status/"


def status_list(purpose: str = "revocation") -> str:
    return f"{status_folder()}{purpose}.json"


_BADGE = "badges/{}/"


def badge(credential_uuid: str, site: Site | None = None, lang: str | None = None) -> str:
    """A credential's public page; the random UUID makes the URL unguessable."""
    prefix = lang_prefix(site, lang) if site and lang else ""
    return prefix + _BADGE.format(credential_uuid)


def badge_files(site: Site, lang: str) -> Callable[[str], str]:
    """output_file(badge(uuid, site, lang)) as a function of the uuid alone: for the outputs table's hundred
    thousand credentials, what does not depend on the uuid is worked out once."""
    return output_file(lang_prefix(site, lang) + _BADGE).format


def credential_json(credential_uuid: str) -> str:
    return f"badges/{credential_uuid}/credential.json"


def baked_badge(credential_uuid: str, name: str) -> str:
    """The course's badge.png or badge.svg with this credential baked in."""
    return f"badges/{credential_uuid}/{name}"


def course_image(c: Award, name: str) -> str:
    """Images made once per course version (badge.png, badge.svg, preview.png)."""
    return f"{course_image_folder()}/{c.slug}/{c.version}/{name}"


def course_image_folder() -> str:
    return "images"


def issuer_page(site: Site, lang: str) -> str:
    return f"{lang_prefix(site, lang)}issuer/"


def verify_page(site: Site, lang: str) -> str:
    """Where anyone checks any Open Badges 3.0 credential in their own browser."""
    return f"{lang_prefix(site, lang)}verify/"


def check_strings(site: Site, lang: str) -> str:
    """The texts of the in-browser check in one language, fetched with the verifier, not carried by every page."""
    return f"{lang_prefix(site, lang)}verify/strings.json"


def verifier_module() -> str:
    """The in-browser verifier (an ES module), loaded by badge pages and the verify page only when asked."""
    return "verify/credsite-verifier.js"


# ---------------------------------------------------------------- what registries read (generator/exports)

OOAPI_FOLDER = "ooapi/"


def ooapi_id(site: Site, *names: str) -> str:
    """A stable OOAPI identifier: the UUID (version 5) of an address under the site's base URL.

    The same site and name give the same UUID in every build, so a registry that stored it finds
    the resource again; another base URL gives other UUIDs, as it gives other Achievement ids.
    """
    return str(uuid.uuid5(uuid.NAMESPACE_URL, site.base_url + OOAPI_FOLDER + "/".join(names)))


def ooapi_organization_id(site: Site) -> str:
    return ooapi_id(site, "organization")


def ooapi_course_id(site: Site, c: Course) -> str:
    """One course for all its versions, as RIO sees a course: the versions are its periods."""
    return ooapi_id(site, "courses", c.slug)


def ooapi_education_specification_id(site: Site, c: Course) -> str:
    return ooapi_id(site, "education-specifications", c.slug)


def ooapi_offering_ids(site: Site, c: Course) -> list[str]:
    """An id for each run of a version, in the course file's order. A run is named by its start date
    (runs are added and removed, so their position is no name); runs of one version starting on the
    same day are told apart by their order among those."""
    seen: dict[str, int] = {}
    ids = []
    for offering in c.offerings:
        day = offering.start.isoformat()
        seen[day] = seen.get(day, 0) + 1
        name = day if seen[day] == 1 else f"{day}-{seen[day]}"
        ids.append(ooapi_id(site, "courses", c.slug, c.version, "offerings", name))
    return ids


# The request paths of the API are these files' paths without ".json": nginx (`try_files $uri
# $uri.json`) and the `_redirects` rules serve them so; a host without rewriting (GitHub Pages)
# serves the files at the .json addresses only. A file beside a folder of the same name
# (courses/<id>.json and courses/<id>/offerings.json) is what lets both paths exist.
def ooapi_root() -> str:
    """The service root, GET / of the API; nginx serves it for the folder with `index index.json`."""
    return OOAPI_FOLDER + "index.json"


def ooapi_organization(organization_id: str) -> str:
    return f"{OOAPI_FOLDER}organizations/{organization_id}.json"


def ooapi_courses() -> str:
    return f"{OOAPI_FOLDER}courses.json"


def ooapi_course(course_id: str) -> str:
    return f"{OOAPI_FOLDER}courses/{course_id}.json"


def ooapi_course_offerings(course_id: str) -> str:
    return f"{OOAPI_FOLDER}courses/{course_id}/offerings.json"


def ooapi_offering(offering_id: str) -> str:
    return f"{OOAPI_FOLDER}offerings/{offering_id}.json"


def ooapi_education_specification(specification_id: str) -> str:
    return f"{OOAPI_FOLDER}education-specifications/{specification_id}.json"


def elm_learning_opportunity(c: Course) -> str:
    """The version as an ELM 3 LearningOpportunity (JSON-LD)."""
    return f"elm/{c.slug}/{c.version}.jsonld"


def elm_index() -> str:
    return "elm/index.jsonld"


def qdr_upload() -> str:
    """The whole catalogue as one Europass QDR upload (loq.xsd)."""
    return "qdr/loq.xml"


def host_redirects() -> str:
    """Netlify's and Cloudflare Pages' rewrites: the OOAPI request paths to their .json files."""
    return "_redirects"


# ---------------------------------------------------------------- pathways (content/pathways/)


def pathway(site: Site, lang: str, p: Pathway) -> str:
    """A pathway's permanent page; its Achievement and images are at achievement() and course_image()."""
    return f"{lang_prefix(site, lang)}pathways/{p.slug}/"


# ---------------------------------------------------------------- a registry of many sites (generator/registry)
# A registry is a site of its own (`credsite registry build`): the functions above give its catalogue,
# search index, feed, sitemap and theme files; these give what only a registry has. Member ids are part
# of its URLs, so a member keeps its id for as long as the registry lists it.

def version_of(url_path: str, kind: str = "achievements") -> tuple[str, str] | None:
    """(slug, version) of a version's document path under a base URL, the inverse of achievement()
    (kind "achievements") and elm_learning_opportunity() (kind "elm"); None for any other path."""
    suffix = {"achievements": ".json", "elm": ".jsonld"}.get(kind)
    parts = url_path.split("/")
    if suffix is None or len(parts) != 3 or parts[0] != kind or not parts[2].endswith(suffix):
        return None
    slug, version = parts[1], parts[2].removesuffix(suffix)
    return (slug, version) if _segment(slug) and _segment(version) else None


def _segment(text: str) -> bool:
    """A slug or version as course files may write them: ASCII letters, digits, '.', '_' and '-', starting with
    a letter or digit (so never '..'), not ending with '.'."""
    return (bool(text) and text[0].isascii() and text[0].isalnum() and not text.endswith(".")
            and all(c.isascii() and (c.isalnum() or c in "._-") for c in text))


def member_id(base_url: str) -> str:
    """A registry member's id when registry.yaml gives none: its base URL's host and path, in lower-case
    letters, digits and hyphens (https://hs.example.nl/mc/ -> hs-example-nl-mc)."""
    parts = urlsplit(base_url)
    text = f"{parts.hostname or ''} {parts.port or ''} {parts.path}".lower()
    return "-".join("".join(c if c.isascii() and c.isalnum() else " " for c in text).split())


def registry_course(site: Site, lang: str, member: str, slug: str, version: str) -> str:
    """The registry's page of one member's course version (its learning outcome set)."""
    return f"{lang_prefix(site, lang)}courses/{member}/{slug}/{version}/"


def registry_members(site: Site, lang: str) -> str:
    return f"{lang_prefix(site, lang)}members/"


def registry_member(site: Site, lang: str, member: str) -> str:
    return f"{lang_prefix(site, lang)}members/{member}/"


def registry_statistics(site: Site, lang: str) -> str:
    return f"{lang_prefix(site, lang)}statistics/"


REGISTRY_DATA = "data/"


def registry_index() -> str:
    """Every course version in the registry, as references to the members' Achievements (JSON-LD)."""
    return REGISTRY_DATA + "index.jsonld"


def registry_members_document() -> str:
    """The members: each one's DID and keys as the registry saw them (JSON-LD)."""
    return REGISTRY_DATA + "members.jsonld"


def registry_manifest() -> str:
    """The digest of every member document the registry read, and the published versions seen to change."""
    return REGISTRY_DATA + "manifest.json"


def snapshot_manifest() -> str:
    """The same record in a snapshot folder (`credsite registry fetch`), beside one folder per member."""
    return "manifest.json"
