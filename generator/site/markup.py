"""Markdown to safe HTML.

Course bodies are written by staff, but sites are built in CI from pull
requests, so the HTML is sanitised: no scripts, no inline event handlers.
"""

from __future__ import annotations

import markdown
import nh3

_EXTENSIONS = ["extra", "sane_lists", "smarty"]
_TAGS = {"a", "abbr", "b", "blockquote", "br", "code", "dd", "dl", "dt", "em", "h2", "h3", "h4",
         "h5", "h6", "hr", "i", "li", "ol", "p", "pre", "strong", "sub", "sup", "table", "tbody",
         "td", "th", "thead", "tr", "ul"}
_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "td": {"align"}, "th": {"align"}}


def to_html(text: str) -> str:
    if not text:
        return ""
    # A fresh converter per call: markdown.Markdown keeps state between calls,
    # and rendering runs in worker processes.
    html = markdown.markdown(text, extensions=_EXTENSIONS, output_format="html")
    # Headings in a course body sit below the page's h1 and its h2 sections.
    html = html.replace("<h1>", "<h2>").replace("</h1>", "</h2>")
    return nh3.clean(html, tags=_TAGS, attributes=_ATTRIBUTES, url_schemes={"https", "http", "mailto"},
                     link_rel="noopener")
