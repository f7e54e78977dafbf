"""The language-tag rule shared by site.yaml's languages and a course's language of instruction."""

from __future__ import annotations

import re

import langcodes
from babel import Locale

# The language-tag shape Open Badges 3.0's JSON Schema accepts for inLanguage.
OB3_LANGUAGE = r"[a-z]{2,4}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?"
# Codes that are valid BCP 47 but name no language a course is taught in.
NOT_LANGUAGES = {"und", "zxx", "mul", "mis"}


def language_tag_problem(tag: str) -> tuple[str, str] | None:
    """Why `tag` is not a BCP 47 tag Open Badges accepts (message, fix), or None when it is fine."""
    if "_" in tag:
        language, _, region = tag.partition("_")
        candidate = f"{language.lower()}-{region.upper()}"
        if region and language_tag_problem(candidate) is None:
            return f"'{tag}' is not a BCP 47 language tag", \
                f"use '{language.lower()}' or '{candidate}' (parts are joined by a hyphen)"
        return f"'{tag}' is not a BCP 47 language tag", \
            f"use '{language.lower()}'; {region} is not a region code"
    if not re.fullmatch(OB3_LANGUAGE, tag) or not langcodes.tag_is_valid(tag):
        return (f"'{tag}' is not a BCP 47 language tag",
                "use a code such as 'en', 'nl' or 'en-GB' (lower-case language, upper-case region)")
    language, *rest = tag.split("-")
    names = Locale.parse("en")
    if language not in names.languages or language in NOT_LANGUAGES:
        return f"'{tag}' is not a known language", "use a code such as 'en', 'nl', 'de' or 'fr'"
    for part in rest:
        if (len(part) == 2 or part.isdigit()) and part not in names.territories:
            return f"'{tag}': {part} is not a region code", f"use '{language}' or a region such as '{language}-NL'"
    return None
