"""Edit: the tools for people who write and revise SOPs.

``new`` writes new document and procedure files from commented templates; ``diff``
compares two versions of the data (folders or git revisions) as a list of changes and
a page for signers; ``serve`` rebuilds the handbook on every save for a live preview.
Takes data folders; gives YAML files, changes and a running preview.
"""
