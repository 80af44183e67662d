"""The statistics export as a spreadsheet reads it: the same CSV for the page and the API."""

from __future__ import annotations

import csv
import io
from typing import Any


def csv_export(rows: list[dict[str, Any]]) -> str:
    buffer = io.StringIO()
    columns = list(rows[0].keys()) if rows else ["reference"]
    writer = csv.DictWriter(buffer, fieldnames=columns, delimiter=";")
    writer.writeheader()
    for row in rows:
        # A cell starting with = + - @ would be run as a formula by a spreadsheet.
        # An empty cell stays empty ("" is in every string: it used to get a lone ').
        writer.writerow(
            {k: ("'" + v if isinstance(v, str) and v and v[0] in "=+-@\t\r" else v) for k, v in row.items()}
        )
    return "\ufeff" + buffer.getvalue()  # the BOM makes Excel read the accents right
