"""Readers of the SOPs offices already have (PDF with a text layer, Excel workbooks with
drawn shapes) and the writer that turns what they read into sopgen's YAML.

    pdf.py / xlsx.py   a source file -> ``ir.ImportedSop`` (plain data, no YAML)
    to_yaml.py         ``ImportedSop`` -> a document folder (dokumen.yaml + one procedure)

Readers never raise on a broken file: what they cannot read becomes an ``Uncertainty``
(or an ``ImportError_`` for a file that cannot be read at all, such as a scan).
"""
