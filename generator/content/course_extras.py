"""The rules of the fields a course has beyond the EU standard elements: its badge image, tags,
contact, offerings and how long its credentials stay valid."""

from __future__ import annotations

import re

from generator.content import images
from generator.content.course_elements import section
from generator.content.reader import FieldReader
from generator.model import Contact, Offering, Site


def image(r: FieldReader, site: Site) -> str:
    """An optional badge image of the course's own; PNG or SVG, under content/."""
    name = r.string(("image",))
    if not name:
        return ""
    path, why = images.site_image(site.source, name)
    if path is None:
        r.report(("image",), why, "or leave 'image' out for a drawn badge")
        return ""
    if path.suffix.lower() == ".png":
        width, height = images.png_size(path)
        if width != height or width < 400:
            r.warn(("image",), f"{name} is {width}x{height} pixels",
                   "badge images look best square and at least 400x400 pixels")
    return name


def tags(r: FieldReader) -> list[str]:
    given = r.string_list(("tags",), plain=True)
    for i, tag in enumerate(given):
        if len(tag) > 50:
            r.report(("tags", i), f"{len(tag)} characters", "keep each tag to at most 50 characters")
    if len(given) > 10:
        r.report(("tags",), f"{len(given)} tags", "use at most 10 tags")
    return given


def contact(r: FieldReader) -> Contact:
    if not section(r, ("contact",), ("name", "email", "url")):
        return Contact()
    return Contact(name=r.string(("contact", "name"), plain=True), email=r.email(("contact", "email")),
                   url=r.url(("contact", "url")))


def offerings(r: FieldReader) -> list[Offering]:
    out = []
    for i, _ in enumerate(r.items(("offerings",))):
        key = ("offerings", i)
        if not section(r, key, ("start", "end", "location", "price_eur", "enrol_url", "application_deadline"),
                       required=True):
            continue
        start = r.date(key + ("start",), required=True, what="the date the course starts")
        end = r.date(key + ("end",))
        deadline = r.date(key + ("application_deadline",))
        if start and end and end < start:
            r.report(key + ("end",), f"{end} is before the start {start}", "swap or correct the dates")
        if start and deadline and deadline > start:
            r.report(key + ("application_deadline",), f"{deadline} is after the start {start}",
                     "set the deadline on or before the start date")
        price = r.number(key + ("price_eur",))
        if price is not None and price < 0:
            r.report(key + ("price_eur",), f"{price} is negative", "give the price in euros, 0 for free")
            price = None
        location = r.text(key + ("location",), plain=True)
        enrol = r.url(key + ("enrol_url",))
        if start:
            out.append(Offering(start, end, location, price, enrol, deadline))
    out.sort(key=lambda o: o.start)
    return out


def valid_for(r: FieldReader) -> str:
    """How long a credential stays valid, as an ISO 8601 duration; "" for no expiry."""
    if not section(r, ("credential",), ("valid_for",)):
        return ""
    value = r.string(("credential", "valid_for"))
    if value and not re.fullmatch(r"P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?", value):
        r.report(("credential", "valid_for"), f"'{value}' is not an ISO 8601 duration in whole days",
                 "write e.g. P5Y for five years, P18M for 18 months, or leave it out for no expiry")
        return ""
    return value
