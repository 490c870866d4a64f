"""sopgen: SOP documents of Indonesian government offices (Permenpan RB 35/2012) from YAML.

Takes a data folder of YAML files (one ``dokumen.yaml`` per document, one file per
procedure); gives the official PDF binder and an offline HTML handbook. The packages
are the stages of one pipeline, each importing only the ones before it:

    model <- load <- check <- layout <- render <- build <- edit, impor <- cli

``errors`` (diagnostics and user errors) and ``files`` (atomic writes) serve them all.
See docs/architecture.md.
"""
