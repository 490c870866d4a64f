"""The layout package depends on the model only: never on a backend or the CLI."""

import ast
from pathlib import Path

import sopgen.layout

LAYOUT = Path(sopgen.layout.__file__).parent
ALLOWED_SOPGEN = {
    "sopgen.model",
    "sopgen.model.durations",
    "sopgen.model.flow",
    "sopgen.model.text",
    "sopgen.memo",  # a bounded dict, usable by every stage (tests/test_architecture.py)
}
FORBIDDEN = ("reportlab", "jinja2", "click")


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module)
    return names


def test_layout_imports_only_the_model_durations_and_itself():
    files = sorted(LAYOUT.glob("*.py"))
    assert len(files) >= 8
    for path in files:
        for name in imported_modules(path):
            top = name.split(".")[0]
            assert top not in FORBIDDEN, f"{path.name} imports {name}"
            if top == "sopgen":
                assert name in ALLOWED_SOPGEN or name.startswith("sopgen.layout"), (
                    f"{path.name} imports {name}"
                )


def test_modules_stay_readable_in_one_sitting():
    for path in LAYOUT.glob("*.py"):
        assert len(path.read_text(encoding="utf-8").splitlines()) < 450, path.name
