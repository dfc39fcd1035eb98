"""The static HTML report: every value beside the quotes that ground it, opened from disk.

`write_site(paths, output)` loads the records under `paths` and writes `output/index.html`
(table, filters, timeline) and `output/records/<id>.html` (each value linked to its quote,
highlighted in the full source text). No server, nothing fetched from the network.
"""

from .site import SiteSummary, write_site

__all__ = ["SiteSummary", "write_site"]
