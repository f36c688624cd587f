"""The Dagster code location (`dagster dev -m orchestration.definitions`)."""

from orchestration.defs.assemble import definitions

defs = definitions()
