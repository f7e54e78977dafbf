"""The static hosts a site may name in site.yaml (`host:`), with the limits each publishes.

A host refuses a deploy that is too large, and it does so after the build, in CI, where the
reason is hard to find. Named here, the build can say so first (build/host_usage.py). Limits are
the hosts' own published figures; a host with none published (an S3 bucket, your own nginx)
is still named, so the build reports the site's size without judging it.
"""

from __future__ import annotations

from dataclasses import dataclass

GB = 1_000_000_000  # the hosts state decimal gigabytes
MIB = 1024 * 1024


@dataclass(frozen=True)
class Host:
    name: str  # as the host calls itself
    max_bytes: int | None = None  # the whole published site
    max_entries: int | None = None  # files and folders together
    max_files: int | None = None
    max_file_bytes: int | None = None  # any one file
    source: str = ""  # where the host publishes its limits


HOSTS: dict[str, Host] = {
    "github-pages": Host("GitHub Pages", max_bytes=GB,
                         source="https://docs.github.com/en/pages/getting-started-with-github-pages/github-pages-limits"),
    "gitlab-pages": Host("GitLab Pages", max_bytes=GB, max_entries=200_000,
                         source="https://docs.gitlab.com/user/gitlab_com/#gitlab-pages"),
    "cloudflare-pages": Host("Cloudflare Pages (free plan)", max_files=20_000, max_file_bytes=25 * MIB,
                             source="https://developers.cloudflare.com/pages/platform/limits/"),
    "cloudflare-pages-paid": Host("Cloudflare Pages (paid plans)", max_files=100_000, max_file_bytes=25 * MIB,
                                  source="https://developers.cloudflare.com/pages/platform/limits/"),
    "netlify": Host("Netlify"),
    "s3": Host("Amazon S3"),
    "nginx": Host("nginx"),
}
