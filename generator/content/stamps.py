"""When a file's stat can vouch for its bytes.

Builds skip reading files whose size, times and inode are as an earlier build recorded them (the index of
content/issued/, and the manifest of all of content/). That is only safe for a file that was not changed in
the same tick of the file system's clock as it was looked at. Both use this one rule; it imports nothing, so
the check that a site is up to date stays cheap to start.
"""

from __future__ import annotations

RACY_NS = 2_000_000_000  # file times tick coarsely (ms on ext4): a file changed this close to being looked at may
# change again, at the same size, within the same tick; so it is never trusted by its stat (here or in the manifest)


def changed_lately(mtime_ns: int, ctime_ns: int, looked_ns: int) -> bool:
    """A file's times are too close to the moment it was looked at for its stat to vouch for its bytes."""
    return looked_ns - max(mtime_ns, ctime_ns) <= RACY_NS
