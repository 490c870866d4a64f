"""Readers of the SOPs offices already have (PDF with a text layer, Excel workbooks with
drawn shapes) and the writer that turns what they read into sopgen's YAML.

    pdf.py / xlsx.py    a source file -> ``ir.ImportedSop`` (plain data, no YAML); a file
                        with several flowcharts gives the others in ``ImportedSop.more``
    xlsx_*.py           the workbook reader's stages: safe zip, cells, table, drawing,
                        identity, flow (shapes on rows and columns, arrows)
    connectors.py       off-page connector pairs joined into arrows
    to_yaml.py          ``ImportedSop``s -> a document folder (dokumen.yaml + one file per
                        procedure); to_yaml_doc (dokumen.yaml), to_yaml_flow (nomor,
                        lanjut, keputusan, selesai), to_yaml_repair (a flow whole enough
                        for check), yaml_text (the emitter), values, syntax (what the
                        installed model accepts)
    run.py              many files: dispatch by content, one folder each (cli/impor.py)

Readers never let an exception through on a broken file: what they cannot read becomes an
``ir.Uncertainty`` (written as '# impor: ...'), a file that cannot be read at all raises
``ir.UnreadableSource`` with an Indonesian message (a scan, a file that is not a PDF or a
workbook).
"""
