"""The flow of a flowchart table: which symbol each drawn arrow leaves and enters.

On each page the drawn lines become networks with sources and targets (pdf_wires). Words
beside a decision's exit are its label (pdf_labels); boxes of one row joined by a plain
line are one joint step. Off-page connectors are then joined (by their letter, several of
one letter to one where the flow meets or forks, else in pairs by position on consecutive
pages), so links go from symbol to symbol. What cannot be read with confidence becomes an
``Uncertainty``.
"""

from __future__ import annotations

from sopgen.impor import ir
from sopgen.impor.pdf_body import PagePart, Part
from sopgen.impor.pdf_guess import guess_links, picture_note, picture_rows
from sopgen.impor.pdf_guess import nomor_of as _nomor
from sopgen.impor.pdf_labels import label_exits, label_phrases, unprint
from sopgen.impor.pdf_shapes import Sym, page_symbols
from sopgen.impor.pdf_wires import Net, page_nets, pairs


def read_flow(part: Part):
    syms: list[Sym] = []
    for pos, pp in enumerate(part.pages):
        syms.extend(page_symbols(pp, pos))
    uncertain: list[ir.Uncertainty] = []
    nets: list[Net] = []
    pictured: set[int] = set()  # rows with arrows pasted as pictures
    phrases: dict[int, list] = {}
    for pos, pp in enumerate(part.pages):
        idx = [i for i, s in enumerate(syms) if s.page == pos]
        rows = picture_rows(pp)
        if rows:
            uncertain.append(picture_note(part, pp, rows))
            pictured |= rows
            phrases[pos] = label_phrases(pp, syms, idx)
        here = page_nets(pp, syms, idx)
        for text, ws in label_exits(pp, syms, idx, here):
            unprint(part, pp, text, ws, uncertain)
        nets.extend(here)
        for net in here:
            for _p, i in net.guessed:
                row = syms[i].row
                uncertain.append(
                    ir.Uncertainty(
                        f"halaman {pp.page.number}: sebuah garis panah berhenti sebelum "
                        f"simbol di baris {_nomor(part, row)}; dianggap tersambung ke simbol "
                        "itu, periksa alurnya",
                        row,
                        "lanjut",
                    )
                )
            for p in net.loose:
                row = _row_near(pp, p[1])
                uncertain.append(
                    ir.Uncertainty(
                        f"halaman {pp.page.number}: ujung garis panah di dekat baris "
                        f"{_nomor(part, row)} tidak menyentuh simbol mana pun; periksa "
                        "ke mana panah ini menuju",
                        row,
                        "lanjut",
                    )
                )
    rep = _merge_joint(syms, nets)
    links: dict[tuple[int, int], str | None] = {}
    two_way: set[tuple[int, int]] = set()  # (left, right) symbols of one row
    for net in nets:
        srcs = {rep[i] for i in net.sources}
        tgts = {rep[i] for i in net.targets}
        if not tgts and len(srcs) >= 2:
            # a line with no arrowhead between symbols of different rows: downwards
            order = sorted(srcs, key=lambda i: (syms[i].row, syms[i].page, syms[i].cx))
            srcs, tgts = {order[0]}, set(order[1:])
            uncertain.append(
                ir.Uncertainty(
                    f"garis tanpa kepala panah dari baris {_nomor(part, syms[order[0]].row)}; "
                    "arahnya dianggap ke bawah, periksa arah alurnya",
                    syms[order[0]].row,
                    "lanjut",
                )
            )
        elif not srcs and len(tgts) == 2 and net.heads == 2 and not net.loose:
            # one line with an arrowhead at each end: the flow goes there and back
            a, b = sorted(tgts, key=lambda i: (syms[i].row, syms[i].page, syms[i].cx))
            if _in_one_row(syms[a], syms[b]):  # bolak_balik, written on the left one
                two_way.add((a, b))
                continue
            links.setdefault((a, b), None)
            links.setdefault((b, a), None)
            uncertain.append(
                ir.Uncertainty(
                    f"panah berkepala dua dari baris {_nomor(part, syms[a].row)} ke baris "
                    f"{_nomor(part, syms[b].row)} dibaca sebagai dua panah (pergi dan "
                    "kembali): 'bolak_balik' hanya untuk dua simbol dalam satu baris; "
                    "periksa arah alurnya",
                    syms[a].row,
                    "lanjut",
                )
            )
            continue
        for s, t in pairs(net, srcs, tgts, rep):
            if s != t:
                lab = net.labels.get(s) if syms[s].kind == "decision" else None
                if links.get((s, t)) is None:
                    links[(s, t)] = lab
    links = _join_connectors(part, syms, rep, links, uncertain)
    links = guess_links(part, syms, rep, links, pictured, phrases, uncertain)
    return _finish(part, syms, rep, links, uncertain, two_way)


def _in_one_row(a: Sym, b: Sym) -> bool:
    """Two symbols a two-headed line may join as one two-way arrow (sopgen's bolak_balik):
    of one row on one page, neither a decision nor a connector."""
    kinds = {a.kind, b.kind}
    return a.row == b.row and a.page == b.page and not kinds & {"decision", "connector"}


def _merge_joint(syms: list[Sym], nets: list[Net]) -> dict[int, int]:
    """Boxes of one row joined by a plain line (no arrowhead) are one joint step."""
    parent = list(range(len(syms)))

    def root(i: int) -> int:
        while parent[i] != i:
            i = parent[i]
        return i

    for net in nets:
        if net.heads or net.targets or len(net.sources) < 2:
            continue
        group = sorted(net.sources, key=lambda i: syms[i].cx)
        first = syms[group[0]]
        if len({syms[i].row for i in group}) != 1 or any(
            syms[i].kind != first.kind or syms[i].kind == "connector" for i in group
        ):
            continue
        roots = sorted({root(i) for i in group}, key=lambda i: syms[i].cx)
        for r in roots[1:]:
            parent[r] = roots[0]
        net.sources = set()
    rep = {i: root(i) for i in range(len(syms))}
    for i, r in rep.items():
        if i != r:
            syms[r].columns = tuple(sorted(set(syms[r].columns) | set(syms[i].columns)))
    return rep


def _join_connectors(part, syms, rep, links, uncertain):
    conns = sorted(
        {rep[i] for i, s in enumerate(syms) if s.kind == "connector"},
        key=lambda i: (syms[i].page, syms[i].row, syms[i].cx),
    )
    if not conns:
        return links
    inc = {c: [(s, lab) for (s, t), lab in links.items() if t == c] for c in conns}
    out = {c: [(t, lab) for (s, t), lab in links.items() if s == c] for c in conns}
    recv = [c for c in conns if inc[c] and not out[c]]
    emit = [c for c in conns if out[c] and not inc[c]]
    # a connector whose arrow was not read still pairs by its letter: the earlier one of
    # two with the same letter receives, the later one emits
    by_text: dict[str, list[int]] = {}
    for c in conns:
        if syms[c].text.strip() and c not in recv and c not in emit:
            by_text.setdefault(syms[c].text.strip(), []).append(c)
    for t, cs in by_text.items():
        others = [c for c in conns if syms[c].text.strip() == t and c not in cs]
        for c in cs:
            if any(syms[o].page > syms[c].page for o in others + cs if o != c):
                recv.append(c)
            else:
                emit.append(c)
    paired: set[int] = set()
    pairs: list[tuple[int, int]] = []
    new = {k: v for k, v in links.items() if k[0] not in conns and k[1] not in conns}
    for r in recv:
        best, key = None, None
        for e in emit:
            tr, te = syms[r].text.strip(), syms[e].text.strip()
            if tr and te and tr != te:
                continue
            # several connectors of one letter may lead to the same one (two loops back
            # from later pages to one step); an unlettered connector pairs once
            if e in paired and not (tr and te):
                continue
            k = (
                tr != te,
                e in paired,
                abs(syms[e].page - syms[r].page - 1),
                abs(syms[e].cx - syms[r].cx),
            )
            # a lettered pair may lead back to an earlier page (a loop); an unlettered one
            # goes on to a later page
            if not (tr and te) and syms[e].page <= syms[r].page:
                continue
            if key is None or k < key:
                best, key = e, k
        if best is not None:
            pairs.append((r, best))
            paired.update((r, best))
    # ... and one connector may lead on to several of its letter (a fork whose two arrows
    # leave the page together, going on on two later pages)
    for e in emit:
        te = syms[e].text.strip()
        same = [r for r in recv if te and syms[r].text.strip() == te]
        if e not in paired and same:
            r = min(same, key=lambda r: (abs(syms[e].page - syms[r].page - 1), syms[r].page))
            pairs.append((r, e))
            paired.update((r, e))
    for r, e in pairs:
        for s, lab in inc[r]:
            for t, lab2 in out[e]:
                if s != t and new.get((s, t)) is None:
                    new[(s, t)] = lab or lab2
    for c in conns:
        if c not in paired:
            uncertain.append(
                ir.Uncertainty(
                    f"konektor antarhalaman di baris {_nomor(part, syms[c].row)} "
                    f"(halaman {part.pages[syms[c].page].page.number}) tidak punya pasangan; "
                    "periksa sambungan alurnya",
                    syms[c].row,
                    "lanjut",
                )
            )
    return new


def _row_near(pp: PagePart, y: float) -> int | None:
    rows = [b for b in pp.bands if b.row is not None]
    if not rows:
        return None
    return min(rows, key=lambda b: 0 if b.y0 <= y < b.y1 else min(abs(y - b.y0), abs(y - b.y1))).row


def _finish(part, syms, rep, links, uncertain, two_way=frozenset()):
    keep = sorted(
        {rep[i] for i in range(len(syms))},
        key=lambda i: (syms[i].row, syms[i].page, round(syms[i].cx / 8), syms[i].outline.cy),
    )
    ids = {i: n for n, i in enumerate(keep)}
    shapes = [
        ir.Shape(
            id=ids[i],
            row=syms[i].row,
            kind=syms[i].kind,
            columns=syms[i].columns,
            text=syms[i].text,
            page=part.pages[syms[i].page].page.number,
            x=round(syms[i].cx, 2),
        )
        for i in keep
    ]
    out = [ir.Link(ids[s], ids[t], lab) for (s, t), lab in links.items() if s in ids and t in ids]
    out += [ir.Link(ids[s], ids[t], both=True) for s, t in two_way if s in ids and t in ids]
    out.sort(key=lambda lk: (lk.source, lk.target, lk.both))
    has = {s.row for s in shapes if s.kind != "connector"}
    for r, row in enumerate(part.rows):
        if r not in has:
            uncertain.append(
                ir.Uncertainty(
                    f"baris {row.nomor or r + 1} tidak punya simbol di kolom pelaksana; "
                    "isi pelaksananya",
                    r,
                    "pelaksana",
                )
            )
    linked = {lk.source for lk in out} | {lk.target for lk in out}
    steps = [sh for sh in shapes if sh.kind != "connector"]
    for sh in steps:
        if len(steps) > 1 and sh.id not in linked:
            uncertain.append(
                ir.Uncertainty(
                    f"simbol di baris {part.rows[sh.row].nomor or sh.row + 1} tidak tersambung "
                    "panah mana pun; periksa dari mana dan ke mana alurnya",
                    sh.row,
                    "lanjut",
                )
            )
    for sh in shapes:
        if sh.kind != "decision":
            continue
        exits = [lk for lk in out if lk.source == sh.id and not lk.both]
        if len({lk.target for lk in exits}) < 2:
            uncertain.append(
                ir.Uncertainty(
                    f"keputusan di baris {part.rows[sh.row].nomor or sh.row + 1} hanya punya "
                    f"{len(exits)} jalan keluar yang terbaca; periksa cabang Ya/Tidak-nya",
                    sh.row,
                    "keputusan",
                )
            )
        elif any(not lk.label for lk in exits):
            uncertain.append(
                ir.Uncertainty(
                    f"label cabang keputusan di baris {part.rows[sh.row].nomor or sh.row + 1} "
                    "tidak terbaca; periksa mana cabang Ya dan mana Tidak",
                    sh.row,
                    "keputusan",
                )
            )
    return shapes, out, uncertain
