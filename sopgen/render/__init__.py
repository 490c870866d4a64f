"""Render: the SOPs as documents people read, the PDF binder and the HTML handbook.

Takes checked ``model.Project`` objects and their layouts; gives files. Shared here:
fonts and text measurement (``fonts``), dates as printed (``dates``), the markup of
text fields (``markup``) and laying a project out (``common``). The two backends are
``render.pdf`` and ``render.html``; neither imports the other.
"""
