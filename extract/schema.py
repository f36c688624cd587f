"""Explicit Parquet schemas of the extracted relations (the dbt sources)."""

import polars as pl

REPORTS = {
    "report_key": pl.String,
    "file_name": pl.String,
    "sha256": pl.String,
    "file_size": pl.Int64,
    "file_format": pl.String,
    "page_count": pl.Int32,
    "status": pl.String,  # ok | partial | failed
    "error": pl.String,
    "warnings": pl.List(pl.String),
    "pages_without_text": pl.List(pl.Int32),
    "title": pl.String,
    "municipality_code": pl.String,
    "municipality_source": pl.String,  # manifest | text | None
    "committee_name": pl.String,
    "report_kind": pl.String,
    "period_start": pl.Date,
    "period_end": pl.Date,
    "period_kind": pl.String,  # interim | annual | budget
    "fiscal_year": pl.Int32,
    "source_url": pl.String,
}

TABLES = {
    "report_key": pl.String,
    "table_id": pl.Int32,
    "page_first": pl.Int32,
    "page_last": pl.Int32,
    "method": pl.String,
    "caption": pl.String,
    "context": pl.String,
    "note": pl.String,
    "n_rows": pl.Int32,
    "n_cols": pl.Int32,
    "header_rows": pl.Int32,
}

CELLS = {
    "report_key": pl.String,
    "table_id": pl.Int32,
    "page": pl.Int32,
    "row_index": pl.Int32,
    "col_index": pl.Int32,
    "text": pl.String,
    "number": pl.Float64,
    "number_flag": pl.String,
    "decimals": pl.Int32,
    "is_header": pl.Boolean,
    "is_label": pl.Boolean,
    "column_header": pl.String,
    "row_label": pl.String,
    "italic": pl.Boolean,
    "x0": pl.Float64,
    "top": pl.Float64,
    "x1": pl.Float64,
    "bottom": pl.Float64,
}

TEXT_BLOCKS = {
    "report_key": pl.String,
    "page": pl.Int32,
    "block_index": pl.Int32,
    "text": pl.String,
}

PROSE_FACTS = {
    "report_key": pl.String,
    "page": pl.Int32,
    "fact": pl.String,  # what ProseFact.fact names: employees, sick_leave_pct, deviation_sek, ...
    "value": pl.Float64,  # SEK: a result favourable-positive, a net cost money out
    "target_value": pl.Float64,
    "population": pl.String,
    "as_printed": pl.String,
    "sentence": pl.String,
    "unit": pl.String,  # a result's printed unit (kr | tkr | mnkr); NULL for counts and rates
}

# Runs of number rows in the text outside tables (`extract.regions`): tables not found.
NUMERIC_REGIONS = {
    "report_key": pl.String,
    "page": pl.Int32,
    "region_index": pl.Int32,
    "numeric_rows": pl.Int32,
    "first_row": pl.String,
    "x0": pl.Float64,
    "top": pl.Float64,
    "x1": pl.Float64,
    "bottom": pl.Float64,
}

RELATIONS = {
    "reports": REPORTS,
    "tables": TABLES,
    "cells": CELLS,
    "text_blocks": TEXT_BLOCKS,
    "prose_facts": PROSE_FACTS,
    "numeric_regions": NUMERIC_REGIONS,
}
