"""to_yaml on hand-built ImportedSop values: the written YAML keeps the flow exactly
(decision exits with labels, loops, forks, ends mid-table, several symbols in a row),
marks every uncertain place with '# impor:' on the right line, loads and passes check."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from yaml_flow import edges, kinds

from sopgen.impor import ir
from sopgen.impor.to_yaml import FolderExists, render_document, write_document

EXECUTORS = ("Pemohon", "Petugas Loket", "Kepala Seksi")


def _row(nomor: str, uraian: str, **kw) -> ir.Row:
    return ir.Row(
        nomor,
        uraian,
        kelengkapan=kw.get("k", "Berkas"),
        waktu=kw.get("w", "5 menit"),
        output=kw.get("o", "Berkas"),
        keterangan=kw.get("ket", ""),
    )


def _sop(rows, shapes, links, identity=None, uncertain=(), labels=None) -> ir.ImportedSop:
    return ir.ImportedSop(
        source="contoh.pdf",
        identity=identity
        or ir.Identity(
            instansi_lines=("PEMERINTAH KOTA CONTOH", "DINAS CONTOH"),
            nomor="001/SOP/2025",
            tanggal_pembuatan="2 Juni 2025",
            tanggal_efektif="10 Juni 2025",
            nama="Pelayanan Izin",
            disahkan=ir.Official(
                "Kepala Dinas Contoh", "Dr. ANI, M.Si", "Pembina", "19700101 199501 2 001"
            ),
            lists={
                "dasar_hukum": ("Undang-Undang Nomor 1 Tahun 2000",),
                "keterkaitan": ("SOP Arsip",),
            },
        ),
        header=ir.Header(EXECUTORS, labels or {}),
        rows=tuple(rows),
        shapes=tuple(shapes),
        links=tuple(links),
        title="SOP PELAYANAN IZIN",
        uncertain=tuple(uncertain),
    )


def _shape(i, row, kind="process", col=0, x=None, cols=None):
    return ir.Shape(i, row, kind, cols or (col,), x=float(x if x is not None else col * 100))


def _case_decision_loop():
    """1 start -> 2 -> 3 decision (Lengkap -> 4, Tidak lengkap -> back to 2) -> 4 end."""
    rows = [
        _row("1", "Mengajukan permohonan"),
        _row("2", "Memeriksa berkas"),
        _row("3", "Berkas lengkap?"),
        _row("4", "Menerbitkan izin"),
    ]
    shapes = [
        _shape(0, 0, "terminator", 0),
        _shape(1, 1, "process", 1),
        _shape(2, 2, "decision", 2),
        _shape(3, 3, "terminator", 2),
    ]
    links = [ir.Link(0, 1), ir.Link(1, 2), ir.Link(2, 3, "Lengkap"), ir.Link(2, 1, "Tidak lengkap")]
    return _sop(rows, shapes, links)


def _case_rows_with_several_symbols():
    """Row 1 process start; row 2 two symbols (a fork to both, one a dead end); numbers
    1, 2, 2a, 4 (3 skipped in the source) and an unnumbered row; a terminator ending
    mid-table; the last row continues back to 2a (a loop) and ends."""
    rows = [
        _row("1", "Menerima berkas"),
        _row("2", "Meneliti dan mencatat"),
        _row("2a", "Menelaah"),
        _row("4", "Menolak"),
        _row("", "Menyetujui"),
        _row("5", "Mengarsipkan"),
    ]
    shapes = [
        _shape(0, 0, "process", 1),
        _shape(1, 1, "process", 1),
        _shape(2, 1, "process", 2),  # row 2: two symbols
        _shape(3, 2, "decision", 2),
        _shape(4, 3, "terminator", 0),  # ends mid-table
        _shape(5, 4, "process", 0, cols=(0, 1)),  # joint
        _shape(6, 5, "process", 1),  # last: a process end
    ]
    links = [
        ir.Link(0, 1),
        ir.Link(0, 2),  # fork
        ir.Link(1, 3),  # 2: left -> 2a
        # shape 2 (right symbol of row 2) has no exit: a dead end
        ir.Link(3, 5, "Ya"),
        ir.Link(3, 4, "Tidak"),
        ir.Link(5, 6),
    ]
    return _sop(rows, shapes, links)


def _case_two_starts():
    """Two ways in (row 1: 'Langsung' and 'Via email' terminators), both to row 2."""
    rows = [_row("1", "Menerima permohonan"), _row("2", "Mencatat"), _row("3", "Selesai")]
    shapes = [
        _shape(0, 0, "terminator", 0),
        _shape(1, 0, "terminator", 1),
        _shape(2, 1, "process", 1),
        _shape(3, 2, "terminator", 2),
    ]
    links = [ir.Link(0, 2), ir.Link(1, 2), ir.Link(2, 3)]
    return _sop(rows, shapes, links)


def _case_two_way():
    """Row 2: Petugas Loket sends to Kepala Seksi and gets it back (one line with a head
    at each end), then goes on to row 3; Kepala Seksi has no other arrow."""
    rows = [_row("1", "Menerima permohonan"), _row("2", "Berkonsultasi"), _row("3", "Selesai")]
    shapes = [
        _shape(0, 0, "terminator", 0),
        _shape(1, 1, "process", 1),
        _shape(2, 1, "process", 2),
        _shape(3, 2, "terminator", 0),
    ]
    links = [ir.Link(0, 1), ir.Link(1, 2, both=True), ir.Link(1, 3)]
    return _sop(rows, shapes, links)


def _ir_edges(sop: ir.ImportedSop):
    order = {}
    for s in sop.shapes:
        order.setdefault(s.row, []).append(s)
    where = {}
    for row, items in order.items():
        for k, s in enumerate(sorted(items, key=lambda s: (s.x, s.id))):
            where[s.id] = (row, k)
    return where


@pytest.mark.parametrize(
    "case", [_case_decision_loop, _case_rows_with_several_symbols, _case_two_starts, _case_two_way]
)
def test_flow_is_exact(case):
    sop = case()
    files = render_document([sop], Path("data/x"))
    (name,) = [n for n in files if n != "dokumen.yaml"]
    text = files[name].render()
    where = _ir_edges(sop)
    expected = set()
    for link in sop.links:
        kind = sop.shapes[link.source].kind
        label = "<->" if link.both else link.label if kind == "decision" else None
        expected.add((where[link.source], where[link.target], label))
    assert edges(text) == expected
    by_position = sorted(sop.shapes, key=lambda s: (s.row, s.x))
    assert kinds(text) == [s.kind for s in by_position]


def test_decision_labels_and_printed_numbers():
    text = render_document([_case_rows_with_several_symbols()], Path("d"))[
        "pelayanan-izin.yaml"
    ].render()
    steps = yaml.safe_load(text)["kegiatan"]
    assert [s.get("nomor") for s in steps] == [None, None, "2a", 4, "", None]
    decision = steps[2]
    assert decision["keputusan"] == {"ya": "l5", "tidak": 4}
    assert steps[1]["simbol"][1]["selesai"] is True
    assert steps[1]["simbol"][1]["jenis"] == "proses"
    assert steps[0]["simbol"] == "proses"  # the source starts with a process box
    assert steps[4]["pelaksana"] == ["Pemohon", "Petugas Loket"]
    loop = _case_decision_loop()
    steps = yaml.safe_load(render_document([loop], Path("d"))["pelayanan-izin.yaml"].render())[
        "kegiatan"
    ]
    assert steps[2]["keputusan"] == {
        "ya": 4,
        "tidak": 2,
        "label_ya": "Lengkap",
        "label_tidak": "Tidak lengkap",
    }


def test_impor_comments_on_their_lines():
    sop = _case_decision_loop()
    sop = ir.ImportedSop(
        **{
            **sop.__dict__,
            "uncertain": (
                ir.Uncertainty("waktu tidak terbaca", 1, "waktu"),
                ir.Uncertainty("simbol tidak jelas", 2, "simbol"),
                ir.Uncertainty("halaman 2 miring"),
                ir.Uncertainty("tanggal tidak jelas", None, "identitas.tanggal_efektif"),
            ),
        }
    )
    files = render_document([sop], Path("d"))
    proc = files["pelayanan-izin.yaml"]
    lines = proc.render().splitlines()
    found = {message: line for line, message in proc.places}
    assert lines[found["waktu tidak terbaca"]].strip().startswith("waktu:")
    assert lines[found["waktu tidak terbaca"] - 1].strip() == "# impor: waktu tidak terbaca"
    after = lines[found["simbol tidak jelas"] :]
    assert (
        next(x for x in after if not x.strip().startswith("#"))
        .strip()
        .startswith("- uraian: Berkas lengkap?")
    )
    assert found["halaman 2 miring"] < lines.index("kegiatan:")
    doc = files["dokumen.yaml"]
    assert "tanggal tidak jelas" in [m for _, m in doc.places]


def test_a_dead_end_box_says_how_to_continue_it():
    # row 2's right symbol has no exit in the source: it is written as an end, and the
    # note says what to write when the original's flow goes on from it
    files = render_document([_case_rows_with_several_symbols()], Path("d"))
    proc = files["pelayanan-izin.yaml"]
    lines = proc.render().splitlines()
    notes = [(line, m) for line, m in proc.places if "tanpa panah keluar" in m]
    assert [m for _, m in notes] == [
        "simbol tanpa panah keluar di sumber; ditulis sebagai akhir alur (selesai: true): "
        "bila di aslinya alur berlanjut dari simbol ini, ganti dengan 'lanjut: [nomor "
        "langkah tujuan]'"
    ]
    below = lines[notes[0][0] :]
    assert next(x for x in below if not x.strip().startswith("#")).strip().startswith("- ")
    assert "selesai: true" in "\n".join(below[:6])


def test_missing_identity_becomes_placeholders_marked():
    sop = _case_decision_loop()
    sop = ir.ImportedSop(
        **{
            **sop.__dict__,
            "identity": ir.Identity(disahkan=ir.Official("Kepala", "ANI", None, "1970 0101")),
        }
    )
    doc = render_document([sop], Path("d"))["dokumen.yaml"]
    data = yaml.safe_load(doc.render())
    assert data["identitas"]["nomor"] == "ISI NOMOR SOP"
    from sopgen.impor import syntax

    if syntax.nip_optional():  # no invented NIP: left out, marked
        assert "nip" not in data["pejabat"]["kepala"]
    else:  # a model that requires one: a placeholder that passes the NIP rules, marked
        assert data["pejabat"]["kepala"]["nip"] == "19000101 192001 1 001"
    messages = " | ".join(m for _, m in doc.places)
    for what in (
        "nomor SOP",
        "tanggal pembuatan",
        "NIP '1970 0101' tidak 18 angka",
        "nama instansi",
    ):
        assert what in messages


def test_column_titles_written_when_they_differ():
    sop = _case_decision_loop()
    sop = ir.ImportedSop(
        **{
            **sop.__dict__,
            "header": ir.Header(
                EXECUTORS,
                {"pelaksana": "Pelaksanaan", "kegiatan": "Kegiatan", "keterangan": "Ket."},
            ),
        }
    )
    text = render_document([sop], Path("d"))["dokumen.yaml"].render()
    from sopgen.impor import syntax

    if syntax.column_titles():
        data = yaml.safe_load(text)
        assert data["judul_kolom"] == {"pelaksana": "Pelaksanaan", "keterangan": "Ket."}
    else:  # a model without judul_kolom: kept as a comment
        assert "# judul kolom di sumber: Pelaksanaan, Ket." in text


def test_same_input_same_bytes(tmp_path):
    sop = _case_rows_with_several_symbols()
    # two data folders: within one, the second document's ids would avoid the first's
    a = write_document([sop], tmp_path / "1" / "sop")
    b = write_document([sop], tmp_path / "2" / "sop")
    for fa, fb in zip(a.files, b.files, strict=True):
        assert fa.name == fb.name
        assert fa.read_bytes() == fb.read_bytes()


def test_written_whole_or_not_at_all(tmp_path, monkeypatch):
    sop = _case_decision_loop()
    write_document([sop], tmp_path / "doc")
    with pytest.raises(FolderExists):
        write_document([sop], tmp_path / "doc")
    import sopgen.files

    def broken(built, final):
        raise OSError("disk penuh")

    monkeypatch.setattr(sopgen.files, "replace_folder", broken)
    with pytest.raises(OSError):
        write_document([sop], tmp_path / "baru")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["doc"]


@pytest.mark.parametrize(
    "case", [_case_decision_loop, _case_rows_with_several_symbols, _case_two_starts, _case_two_way]
)
def test_written_folder_loads_and_passes_check(tmp_path, monkeypatch, cli, case):
    monkeypatch.chdir(tmp_path)
    write_document([case()], Path("data") / "izin")
    result = cli("check", "data")
    assert result.exit_code == 0, result.output


def test_signer_pangkat_and_golongan_apart():
    sop = _case_decision_loop()
    identity = sop.identity
    signer = ir.Official(
        "Kepala Dinas", "ANI", "Pembina Utama Muda (IV/c)", "19700101 199501 2 001"
    )
    sop = ir.ImportedSop(
        **{**sop.__dict__, "identity": ir.Identity(**{**identity.__dict__, "disahkan": signer})}
    )
    data = yaml.safe_load(render_document([sop], Path("d"))["dokumen.yaml"].render())
    (official,) = data["pejabat"].values()
    assert (official["pangkat"], official["golongan"]) == ("Pembina Utama Muda", "IV/c")
    assert official["nip"] == "19700101 199501 2 001"


def test_start_stacked_above_the_first_box_in_one_column():
    """Row 1 holds a start terminator above a box in the same column; the reader listed the
    box first. The written order follows the arrow: start, then the box."""
    rows = [_row("1", "Menyusun dokumen"), _row("2", "Mengajukan")]
    shapes = [
        _shape(0, 0, "process", 0, x=50),
        _shape(1, 0, "terminator", 0, x=50),
        _shape(2, 1, "terminator", 1),
    ]
    links = [ir.Link(1, 0), ir.Link(0, 2)]
    text = render_document([_sop(rows, shapes, links)], Path("d"))["pelayanan-izin.yaml"].render()
    first = yaml.safe_load(text)["kegiatan"][0]
    assert [s.get("jenis") for s in first["simbol"]] == [None, None]
    assert edges(text) == {((0, 0), (0, 1), None), ((0, 1), (1, 0), None)}
