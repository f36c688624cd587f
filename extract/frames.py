"""From one read document to the rows of the extracted relations."""

from __future__ import annotations

import polars as pl

from extract.model import Document, TextBlock
from extract.parquet_io import frame
from extract.regions import NumericRegion
from extract.structure import StructuredTable


def tables_frame(report_key: str, tables: list[StructuredTable]) -> pl.DataFrame:
    """Given a report's structured tables, return one row per table."""
    rows = []
    for table_id, structured in enumerate(tables, start=1):
        raw = structured.table
        pages = [cell.cell.page for cell in structured.cells] or [raw.page]
        rows.append(
            {
                "report_key": report_key,
                "table_id": table_id,
                "page_first": min(pages),
                "page_last": max(pages),
                "method": raw.method,
                "caption": raw.caption,
                "context": raw.context,
                "note": raw.note,
                "n_rows": len(raw.rows),
                "n_cols": max((len(row) for row in raw.rows), default=0),
                "header_rows": structured.header_rows,
            }
        )
    return frame("tables", rows)


def cells_frame(report_key: str, tables: list[StructuredTable]) -> pl.DataFrame:
    """Given a report's structured tables, return one row per printed cell (columnar build)."""
    columns: dict[str, list] = {name: [] for name in frame("cells", []).columns}
    for table_id, structured in enumerate(tables, start=1):
        for item in structured.cells:
            bbox = item.cell.bbox or (None, None, None, None)
            values = (
                report_key,
                table_id,
                item.cell.page,
                item.row_index,
                item.col_index,
                item.cell.text,
                item.parsed.value,
                item.parsed.flag,
                item.parsed.decimals,
                item.is_header,
                item.is_label,
                item.column_header,
                item.row_label,
                item.cell.italic,
                *bbox,
            )
            for name, value in zip(columns, values, strict=True):
                columns[name].append(value)
    return pl.DataFrame(columns, schema=frame("cells", []).schema)


def text_blocks_frame(report_key: str, blocks: list[TextBlock]) -> pl.DataFrame:
    """Given a document's running text, return one row per block."""
    rows = [
        {"report_key": report_key, "page": block.page, "block_index": index, "text": block.text}
        for index, block in enumerate(blocks)
    ]
    return frame("text_blocks", rows)


def prose_facts_frame(report_key: str, facts: list) -> pl.DataFrame:
    """Given the facts found in sentences, return one row per fact."""
    rows = [
        {
            "report_key": report_key,
            "page": fact.page,
            "fact": fact.fact,
            "value": fact.value,
            "target_value": fact.target_value,
            "population": fact.population,
            "as_printed": fact.as_printed,
            "sentence": fact.sentence,
            "unit": fact.unit,
        }
        for fact in facts
    ]
    return frame("prose_facts", rows)


def numeric_regions_frame(report_key: str, regions: list[NumericRegion]) -> pl.DataFrame:
    """Given the numeric regions found outside tables, return one row per region."""
    rows = [
        {
            "report_key": report_key,
            "page": region.page,
            "region_index": index,
            "numeric_rows": region.numeric_rows,
            "first_row": region.first_row,
            **dict(zip(("x0", "top", "x1", "bottom"), region.bbox or (None,) * 4, strict=True)),
        }
        for index, region in enumerate(regions, start=1)
    ]
    return frame("numeric_regions", rows)


def empty_document_frames(report_key: str) -> dict[str, pl.DataFrame]:
    """Given a report that could not be read, return empty frames for its content relations."""
    return {
        "tables": tables_frame(report_key, []),
        "cells": cells_frame(report_key, []),
        "text_blocks": text_blocks_frame(report_key, []),
        "prose_facts": prose_facts_frame(report_key, []),
        "numeric_regions": numeric_regions_frame(report_key, []),
    }


def document_frames(
    report_key: str,
    document: Document,
    tables: list[StructuredTable],
    facts: list,
    regions: list[NumericRegion],
) -> dict[str, pl.DataFrame]:
    """Given a read document and what was derived from it, return its content frames."""
    return {
        "tables": tables_frame(report_key, tables),
        "cells": cells_frame(report_key, tables),
        "text_blocks": text_blocks_frame(report_key, document.text_blocks),
        "prose_facts": prose_facts_frame(report_key, facts),
        "numeric_regions": numeric_regions_frame(report_key, regions),
    }
