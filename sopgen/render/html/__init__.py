"""The handbook (Jinja2): a static, offline HTML site of the SOPs.

Takes checked ``model.Project`` objects and their layouts (the flowcharts are drawn
as SVG from the same geometry as the PDF); gives a folder of HTML pages, assets and a
search index, swapped in whole.
"""
