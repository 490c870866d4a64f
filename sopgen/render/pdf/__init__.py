"""The PDF binder (ReportLab): the official, printable form of the SOPs.

Takes checked ``model.Project`` objects and their frozen layouts
(``layout.geometry.ProcedureLayout``); gives PDF files: one binder per document (cover,
Lembar Pengesahan, identity pages, flowcharts, revision history) and one PDF per
procedure. The drawing follows the geometry exactly and decides nothing of its own.
"""
