"""Workbooks: the whole plan exported as .xlsx and imported back with a preview of every change.

* :mod:`~qdplanner.excel.workbook_export` — ``export_plan(store, path, lang=…)``
* :mod:`~qdplanner.excel.workbook_import` — ``preview_import(store, path)`` → ``ImportPreview``,
  ``apply_import(store, preview)``
* :mod:`~qdplanner.excel.cells` — ``open_workbook(path)``: checked, normalised cells of any
  .xlsx/.xls/.ods (for every importer, e.g. task-breakdown sheets)
* :mod:`~qdplanner.excel.sheet_specs` — the sheets and columns, headers in both languages
"""
