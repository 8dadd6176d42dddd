"""Importing this module makes the detectors' tables at once (else the first text screened makes
them): a process that forks helpers which screen or audit imports it first, so that every helper
starts with the tables made instead of making its own (``audit.gate``'s fork server preloads it)."""

from generator.screening.detectors.base import make_tables

make_tables()
