"""The audit: the last gate before publishing, split by job.

* ``read``: every built file as text, through the same normalised view as screening;
* ``gate``: the screening detectors on that text, file by file, in two processes;
* ``theme``: files that are byte for byte the installed theme's own are accepted;
* ``attribute``: which case a finding belongs to, so that the build can quarantine that case
  instead of stopping the whole catalogue.
"""

from generator.audit.attribute import attribute
from generator.audit.gate import AuditFinding, Auditor, audit_file, audit_site, start_helpers_server
from generator.audit.read import read_parts
from generator.audit.theme import is_theme_file

__all__ = ["AuditFinding", "Auditor", "attribute", "audit_file", "audit_site", "is_theme_file", "read_parts",
           "start_helpers_server"]
