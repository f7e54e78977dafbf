"""A national registry with no server: one static site made from many institutions' credsite sites.

The registry is a second entry into the site's pipeline, with its own first stages:

    config.py    registry.yaml into a RegistryConfig (the registry as a Site, and its members)
    model.py     the plain models passed between these stages
    fetch.py     `credsite registry fetch`: the members' published documents over HTTPS into a snapshot
    snapshot.py  where a member's documents are read from, their digests, and the manifest of digests
    members.py   a member's documents checked as a verifier would, into a Member (or why it is left out)
    pages.py     the registry's pages, through the site's theme and PageContext
    documents.py its machine-readable files: the JSON-LD index and member list, manifest, search, feed
    pipeline.py  load -> check -> plan -> render -> write, through the build's unit cache and writer

URLs come from generator/routes.py, pages from themes/default/templates/registry_*.html.
"""
