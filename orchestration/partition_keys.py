"""A report's Dagster partition key: its file name as text the instance can store.

Dagster stores keys as UTF-8. A file name that is not UTF-8 (bytes like `\\xe5`
from a Latin-1 system, which Python holds as lone surrogates) failed the whole
build; it is keyed by the name the warehouse gives the report instead, each such
byte U+FFFD (`dim_report.file_name`). The file keeps its name: a run maps its
keys back to the files of the raw folder.
"""

from collections.abc import Collection, Iterable

from extract.readers.encodable import clean_text


def partition_key(file_name: str) -> str:
    """Given a report's file name, return its partition key (the name for a UTF-8 one)."""
    return clean_text(file_name)[0]


def partition_keys(file_names: Iterable[str]) -> list[str]:
    """Given file names, return their partition keys once each, in their order."""
    return list(dict.fromkeys(partition_key(name) for name in file_names))


def files_for_keys(file_names: Iterable[str], keys: Collection[str]) -> list[str]:
    """Given the files of a folder and partition keys, return the files the keys name."""
    wanted = set(keys)
    return [name for name in file_names if partition_key(name) in wanted]
