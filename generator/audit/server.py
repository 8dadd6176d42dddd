"""What the server the audit's helper processes are forked from holds before it forks them
(``gate.helper_context`` has it imported there): the audit with its detectors, and the theme
packages' files listed by size. Each helper starts with both as they are, instead of making them
again: the detectors' word lists and patterns cost a second of CPU, the list of the theme's
files (``theme.is_theme_file``, asked about every file of casecat's own theme) a fraction of one.
"""

from generator.audit import gate, theme

theme.list_theme_files()

__all__ = ["gate"]
