"""The package tree is the pipeline: imports only go down it, never up or in a circle.

    model <- load <- check <- layout <- render <- build <- edit, impor <- cli

(``errors``, ``files`` and ``memo`` are usable by all.) Every import counts, also one written
inside a function: a hidden import is still a dependency. Only an import for type
annotations (under ``if TYPE_CHECKING:``) is not one.
"""

import ast
from pathlib import Path

import sopgen

PACKAGE = Path(sopgen.__file__).resolve().parent
# rank of each stage; a module may import its own stage or a lower one
STAGES = {
    "errors": 0,
    "files": 0,
    "memo": 0,
    "model": 1,
    "load": 2,
    "check": 3,
    "layout": 4,
    "render": 5,
    "build": 6,
    "edit": 7,
    "impor": 7,
    "cli": 8,
}
# parts of one stage that must not know each other
SIBLINGS = [("sopgen.render.pdf", "sopgen.render.html")]


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def imports(path: Path, name: str) -> set[str]:
    """Every sopgen module ``path`` imports, anywhere in the file."""
    found = set()
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    typing_only = {
        id(inner)
        for node in ast.walk(tree)
        if isinstance(node, ast.If) and ast.unparse(node.test).endswith("TYPE_CHECKING")
        for inner in ast.walk(node)
    }
    for node in ast.walk(tree):
        if id(node) in typing_only:
            continue
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                up = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(up + ([base] if base else []))
            found.add(base)
            found |= {f"{base}.{alias.name}" for alias in node.names}
    return {m for m in found if m == "sopgen" or m.startswith("sopgen.")}


def graph() -> dict[str, set[str]]:
    known = modules()
    return {
        name: {m for m in imports(path, name) if m in known and m != name}
        for name, path in known.items()
    }


def stage(name: str) -> str:
    return name.split(".")[1] if "." in name else ""


def test_every_module_belongs_to_a_stage():
    strays = [name for name in modules() if name != "sopgen" and stage(name) not in STAGES]
    assert not strays, f"modules outside the pipeline's packages: {strays}"


def test_imports_only_go_down_the_pipeline():
    wrong = []
    for name, targets in graph().items():
        if name == "sopgen":
            continue
        for target in targets:
            if target == "sopgen" or stage(target) == stage(name):
                continue
            rank, own = STAGES[stage(target)], STAGES[stage(name)]
            if rank > own or (rank == own and rank > 0):  # edit and impor: neither knows the other
                wrong.append(f"{name} imports {target}")
    assert not wrong, "imports going up the pipeline:\n" + "\n".join(sorted(wrong))


def test_the_two_renderers_do_not_import_each_other():
    wrong = [
        f"{name} imports {target}"
        for name, targets in graph().items()
        for target in targets
        for a, b in SIBLINGS + [(b, a) for a, b in SIBLINGS]
        if name.startswith(a) and target.startswith(b)
    ]
    assert not wrong, "\n".join(wrong)


def test_no_import_goes_in_a_circle():
    edges = graph()
    # a package's __init__ re-exporting its own modules is not a cycle of dependencies
    edges = {
        name: {t for t in targets if not t.startswith(name + ".")}
        for name, targets in edges.items()
    }
    state: dict[str, int] = {}
    cycles = []

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for target in sorted(edges.get(node, ())):
            if state.get(target) == 1:
                cycles.append(" -> ".join(path[path.index(target) :] + [target]))
            elif target not in state:
                visit(target, path + [target])
        state[node] = 2

    for node in sorted(edges):
        if node not in state:
            visit(node, [node])
    assert not cycles, "import cycles:\n" + "\n".join(cycles)


def test_every_package_says_what_it_takes_and_gives():
    missing = []
    for init in sorted(PACKAGE.rglob("__init__.py")):
        doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8"))) or ""
        if len(doc.split()) < 15:
            missing.append(module_name(init))
    assert not missing, f"packages without a docstring (what they take and give): {missing}"
