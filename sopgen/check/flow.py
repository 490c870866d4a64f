"""Rules of a procedure's flow: the symbol forms of each row, references, reachability.

Every problem is collected (never only the first) and located at the YAML that causes it.
An intended end is written ``selesai: true``; what is reported is what cannot be meant:
a reference to nothing, a decision whose two exits are the same, ``selesai`` together
with ``lanjut`` or ``keputusan``, a terminator in the middle of the flow, a symbol that
nothing reaches, and a symbol from which no end can be reached.
"""

from __future__ import annotations

from sopgen.errors import LINT, Diagnostic, did_you_mean
from sopgen.load.yamlsource import SourceMap
from sopgen.model import Procedure
from sopgen.model.flow import Flow, SymbolRef, closure, directed
from sopgen.model.numbers import row_name

ROW_SYMBOL_KEYS = ("pelaksana", "keputusan", "lanjut", "selesai")


def symbol_name(sym: SymbolRef, numbers, count_in_row: int) -> str:
    """'langkah 3', or 'simbol ke-2 (KPA) pada langkah 3' in a row of several."""
    name = row_name(numbers, sym.row)
    if count_in_row == 1:
        return name
    who = ", ".join(sym.executors)
    return f"simbol ke-{sym.index_in_row + 1} ({who}) pada {name}"


def check_forms(procedure: Procedure, src: SourceMap) -> list[Diagnostic]:
    """Short form vs long form, and keys that exclude each other on one symbol."""
    found = []
    for row, step in enumerate(procedure.data.kegiatan):
        path = ("kegiatan", row)
        if isinstance(step.simbol, list):
            for key in ROW_SYMBOL_KEYS:
                if key in step.model_fields_set:
                    found.append(
                        src.diagnostic(
                            path + (key,),
                            f"'{key}' tidak boleh ditulis pada baris yang memakai 'simbol:' "
                            "berupa daftar",
                            f"pindahkan '{key}' ke butir simbol yang dimaksud di bawah 'simbol:', "
                            "atau tulis baris ini tanpa daftar 'simbol:'",
                            prefer_key=True,
                        )
                    )
            items = [(path + ("simbol", k), s, "jenis") for k, s in enumerate(step.simbol)]
        else:
            if step.pelaksana is None:
                found.append(
                    src.diagnostic(
                        path,
                        "kunci 'pelaksana' wajib diisi",
                        "tambahkan 'pelaksana: ...' di bagian ini, atau tulis simbol-simbol "
                        "baris ini di bawah 'simbol:'",
                    )
                )
            items = [(path, step, "simbol")]
        for where, item, kind_key in items:
            found += _exclusive(where, item, kind_key, src)
    return found


def _exclusive(path, item, kind_key: str, src: SourceMap) -> list[Diagnostic]:
    found = []
    if item.selesai and item.keputusan is not None:
        found.append(
            src.diagnostic(
                path + ("selesai",),
                "keputusan tidak dapat menjadi akhir alur: 'selesai' tidak boleh digabung "
                "dengan 'keputusan'",
                "hapus 'selesai: true'; bila salah satu cabang mengakhiri alur, arahkan cabang "
                "itu ke langkah yang diberi 'selesai: true'",
                prefer_key=True,
            )
        )
    if item.selesai and item.lanjut is not None:
        found.append(
            src.diagnostic(
                path + ("selesai",),
                "'selesai: true' (alur berakhir di sini) tidak boleh digabung dengan 'lanjut'",
                "hapus 'lanjut' bila alur memang berakhir di sini, atau hapus 'selesai: true'",
                prefer_key=True,
            )
        )
    if item.keputusan is not None and item.lanjut is not None:
        found.append(
            src.diagnostic(
                path + ("lanjut",),
                "langkah keputusan tidak memakai 'lanjut'; arahnya ditentukan 'ya' dan 'tidak'",
                "hapus 'lanjut'",
            )
        )
    override = getattr(item, kind_key, None)
    if item.keputusan is not None and isinstance(override, str):
        found.append(
            src.diagnostic(
                path + (kind_key,),
                f"keputusan selalu digambar sebagai belah ketupat; '{kind_key}: {override}' "
                "tidak berlaku",
                f"hapus '{kind_key}'",
            )
        )
    return found


def check_references(procedure: Procedure, src: SourceMap) -> list[Diagnostic]:
    """References to nothing, to the symbol itself, decisions with one target twice."""
    data, flow = procedure.data, procedure.flow
    syms, numbers, per_row = flow.symbols, flow.numbers, flow.per_row
    ids = [s.id for s in syms if s.id]
    found = []
    for bad in flow.bad_refs:
        if isinstance(bad.ref, int) and not isinstance(bad.ref, bool):
            plain = list(numbers) == [str(i + 1) for i in range(len(numbers))]
            hint = (
                f"pakai nomor langkah 1 sampai {len(numbers)}"
                if plain
                else "pakai nomor langkah yang tercetak: "
                + ", ".join(n if len(n) <= 12 else n[:9] + "..." for n in numbers if n)
            )
        else:
            hint = "pakai nomor langkah atau id yang ada" + did_you_mean(
                str(bad.ref), ids + [n for n in numbers if n]
            )
        found.append(src.diagnostic(bad.path, f"langkah tujuan '{bad.ref}' tidak ada", hint))
    for edge in flow.edges:
        if edge.source == edge.target and not edge.both:  # two-way: check.twoway
            sym = syms[edge.source]
            name = symbol_name(sym, numbers, per_row[sym.row])
            found.append(
                src.diagnostic(
                    sym.path + _exit_key(edge.branch),
                    f"{name} menunjuk dirinya sendiri",
                    "arahkan cabang ini ke langkah lain"
                    if edge.branch
                    else "arahkan ke langkah lain, atau hapus 'lanjut' agar alur menuju baris "
                    "di bawahnya",
                )
            )
    for sym in syms:
        if sym.kind != "decision":
            continue
        step = data.kegiatan[sym.row]
        item = step.simbol[sym.index_in_row] if isinstance(step.simbol, list) else step
        ya, tidak = _targets(flow, item.keputusan.ya), _targets(flow, item.keputusan.tidak)
        if ya and ya == tidak:
            found.append(
                src.diagnostic(
                    sym.path + ("keputusan",),
                    "cabang Ya dan Tidak menuju langkah yang sama",
                    "keputusan harus punya dua jalan berbeda; atau jadikan langkah biasa",
                )
            )
    return found


def _targets(flow: Flow, refs) -> set[int]:
    """The nodes one exit goes to (one reference, or a list: the exit forks)."""
    refs = refs if isinstance(refs, list) else [refs]
    return {n for n in (flow.node(r) for r in refs) if n is not None}


def _exit_key(branch) -> tuple[str, ...]:
    return ("keputusan", branch) if branch else ("lanjut",)


def check_reachability(procedure: Procedure, src: SourceMap) -> list[Diagnostic]:
    """Terminators in the middle, symbols nothing reaches, symbols with no way to an end."""
    data, flow = procedure.data, procedure.flow
    syms, numbers, per_row = flow.symbols, flow.numbers, flow.per_row
    forward: dict[int, set[int]] = {s.node: set() for s in syms}
    backward: dict[int, set[int]] = {s.node: set() for s in syms}
    for a, b in directed(flow.edges):  # a two-way arrow goes both ways
        forward[a].add(b)
        backward[b].add(a)
    found = []
    explicit = {s.node for s in syms if _override(data, s) == "terminator"}
    for node in sorted(explicit):
        if node != 0 and forward[node] and backward[node]:
            sym = syms[node]
            found.append(
                src.diagnostic(
                    sym.path,
                    f"{symbol_name(sym, numbers, per_row[sym.row])} bersimbol terminator "
                    "(mulai/selesai) tetapi ada panah masuk dan panah keluar",
                    "akhir alur ditulis 'selesai: true'; bila simbol ini bukan awal atau akhir, "
                    "hapus 'terminator'",
                )
            )
    starts = [0] + [n for n in sorted(explicit) if n != 0 and not backward[n]]
    ends = [s.node for s in syms if s.is_end]
    reached = closure(starts, forward)
    finishing = closure(ends, backward)
    start_name = symbol_name(syms[0], numbers, per_row[0]) if len(starts) == 1 else "awal alur"
    last = len(syms) - 1
    end_name = "langkah terakhir" if ends == [last] and per_row[-1] == 1 else "akhir alur"
    for sym in syms:
        name = symbol_name(sym, numbers, per_row[sym.row])
        if sym.node not in reached:
            found.append(
                src.diagnostic(
                    sym.path,
                    f"{name} tidak pernah dicapai dari {start_name}",
                    "arahkan 'lanjut' atau cabang keputusan sebelumnya ke langkah ini, atau "
                    "hapus langkahnya",
                )
            )
        elif sym.node not in finishing:
            found.append(
                src.diagnostic(
                    sym.path,
                    f"dari {name} alur tidak pernah sampai ke {end_name} "
                    "(berputar tanpa jalan keluar)",
                    "pastikan salah satu cabang mengarah ke langkah sesudahnya, atau akhiri "
                    "alur dengan 'selesai: true'"
                    if end_name == "akhir alur"
                    else "pastikan salah satu cabang mengarah ke langkah sesudahnya",
                )
            )
    return found


def _override(data, sym: SymbolRef) -> str | None:
    step = data.kegiatan[sym.row]
    if isinstance(step.simbol, list):
        return step.simbol[sym.index_in_row].jenis
    return step.simbol if isinstance(step.simbol, str) else None


MAX_STEP_NUMBER = 9999  # the No column holds four digits
MAX_NUMBER_TEXT = 6  # '12a', '2.1.3': more does not fit the No column


def check_numbers(procedure: Procedure, src: SourceMap) -> list[Diagnostic]:
    """A number written in 'nomor' fits the No column: 0 to 9999, or a short text."""
    found = []
    for row, step in enumerate(procedure.data.kegiatan):
        nomor = step.nomor
        if isinstance(nomor, int) and not 0 <= nomor <= MAX_STEP_NUMBER:
            shown = str(nomor) if len(str(nomor)) <= 12 else str(nomor)[:9] + "..."
            found.append(
                src.diagnostic(
                    ("kegiatan", row, "nomor"),
                    f"nomor langkah {shown} di luar batas 0 sampai {MAX_STEP_NUMBER}",
                    "tulis nomor seperti tercetak di kolom No, mis. 10",
                )
            )
        elif isinstance(nomor, str) and len(nomor.strip()) > MAX_NUMBER_TEXT:
            found.append(
                src.diagnostic(
                    ("kegiatan", row, "nomor"),
                    f"nomor langkah '{nomor[:20]}' terlalu panjang untuk kolom No "
                    f"(lebih dari {MAX_NUMBER_TEXT} karakter)",
                    "tulis nomor pendek seperti tercetak, mis. '2a'",
                )
            )
    return found


def lint_numbers(procedure: Procedure, src: SourceMap) -> list[Diagnostic]:
    """A printed number used by two rows (a reference goes to the first)."""
    numbers = procedure.numbers
    found = []
    for row, number in enumerate(numbers):
        if number and number in numbers[:row]:
            found.append(
                src.diagnostic(
                    ("kegiatan", row, "nomor")
                    if procedure.data.kegiatan[row].nomor is not None
                    else ("kegiatan", row),
                    f"nomor langkah '{number}' sudah dipakai baris sebelumnya",
                    "rujukan ke nomor ini menuju baris pertama yang memakainya; beri nomor lain",
                    LINT,
                )
            )
    return found
