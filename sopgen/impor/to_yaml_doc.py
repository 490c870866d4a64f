"""``dokumen.yaml`` of an imported document: identity page, officials, Lembar Pengesahan,
order of procedures, column titles. Placeholders (with ``# impor:``) where the source is
silent, so the file loads and passes check."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from sopgen.impor import ir, syntax
from sopgen.impor.values import DEFAULT_LABELS, parse_date, slug
from sopgen.impor.yaml_text import Text
from sopgen.layout.style import MM, Style
from sopgen.model.placeholders import PLACEHOLDER_DATE, PLACEHOLDER_NIP

LIST_TITLES = {
    "dasar_hukum": "DASAR HUKUM",
    "kualifikasi_pelaksana": "KUALIFIKASI PELAKSANA",
    "keterkaitan": "KETERKAITAN",
    "peralatan": "PERALATAN/PERLENGKAPAN",
    "peringatan": "PERINGATAN",
    "pencatatan": "PENCATATAN DAN PENDATAAN",
}
LANE_MM_MAX = 60  # Pengaturan.lebar_kolom_pelaksana's bound
_NIP_DIGITS = re.compile(r"^\d{18}$")
_GOLONGAN = re.compile(r"[\s,(/]*\(?\s*((?:IV|III|II|I)\s*/\s*[a-eA-E])\s*\)?\s*$")


_REGION = re.compile(r"\b(?:PROVINSI|KABUPATEN|KAB\.|KOTA)\s+([A-Za-z][A-Za-z .'-]*)$", re.I)


def guess_place(lines: tuple[str, ...]) -> str | None:
    """'BADAN PUSAT STATISTIK PROVINSI BENGKULU' -> 'Bengkulu' (the last region named)."""
    for line in reversed(lines):
        m = _REGION.search(line.strip())
        if m:
            return " ".join(word.capitalize() for word in m.group(1).split())
    return None


def split_pangkat(text: str) -> tuple[str, str | None]:
    """'Pembina Utama Muda (IV/c)' -> ('Pembina Utama Muda', 'IV/c')."""
    m = _GOLONGAN.search(text)
    if not m or not text[: m.start()].strip():
        return text, None
    return text[: m.start()].strip(), m.group(1).replace(" ", "")


def _signer_key(official: ir.Official | None) -> str:
    jabatan = (official.jabatan if official else None) or ""
    key = slug(" ".join(jabatan.split()[:3]), 24).replace("-", "_") if jabatan.strip() else ""
    return key if key and key[0].isalpha() else "pengesah"


def render_dokumen(sops: Sequence[ir.ImportedSop], ids: list[str], schema: str) -> Text:
    first = sops[0]
    identity = first.identity
    out = Text()
    out.add(f"# yaml-language-server: $schema={schema}/dokumen.schema.json")
    out.comment(f"Dokumen SOP diimpor dari {first.source} dengan 'sopgen impor'.")
    out.comment(
        "Berkas ini berisi halaman identitas SOP, pejabat penandatangan, Lembar "
        "Pengesahan dan urutan SOP. Periksa setiap catatan '# impor:' dengan dokumen "
        "aslinya, lalu hapus catatan itu. Tanggal ditulis TAHUN-BULAN-TANGGAL."
    )
    if first.left_out:
        out.comment(
            "Tidak diimpor: teks bingkai halaman sumber (catatan kaki di setiap halaman, "
            "cap tanda tangan elektronik), bukan isi SOP:"
        )
        for line in first.left_out:
            out.comment(f"- {line}", hang="  ")
    out.blank()
    seen: set[str] = set()
    for sop in sops:
        for u in sop.uncertain:
            if u.field and u.field.startswith("identitas") and u.message not in seen:
                seen.add(u.message)
                out.impor(u.message)
    _instansi(out, identity.instansi_lines)
    out.blank()
    key = _signer_key(identity.disahkan)
    out.add("# HALAMAN IDENTITAS")
    out.key("identitas")
    _text(out, "nomor", identity.nomor, "nomor SOP", "ISI NOMOR SOP")
    made = _date(
        out,
        "tanggal_pembuatan",
        identity.tanggal_pembuatan,
        identity.tanggal_efektif,
        "tanggal pembuatan",
    )
    revised = parse_date(identity.tanggal_revisi)
    if identity.tanggal_revisi and revised is None:
        out.impor(
            f"tanggal revisi '{identity.tanggal_revisi}' tidak dapat dibaca sebagai "
            "tanggal; tidak ditulis: periksa",
            2,
        )
    if revised is not None:
        out.key("tanggal_revisi", revised, 2)
    effective = _date(
        out,
        "tanggal_efektif",
        identity.tanggal_efektif,
        identity.tanggal_pembuatan,
        "tanggal efektif",
    )
    out.key("disahkan_oleh", key, 2, note="kunci pejabat di bagian 'pejabat'")
    nama = identity.nama or first.title
    _text(out, "nama", nama, "nama SOP", "ISI NAMA SOP")
    out.blank()
    for list_key, title in LIST_TITLES.items():
        items = identity.lists.get(list_key, ())
        out.add(f"# {title}")
        if not items:
            out.key(list_key, [])
            continue
        out.key(list_key)
        for item in items:
            if list_key == "keterkaitan":
                out.key("teks", item, 2, dash=True)
            else:
                out.item(item, 2)
    out.blank()
    _pejabat(out, key, identity.disahkan)
    out.blank()
    if not syntax.pengesahan_optional():  # a model that still requires the page
        out.add("# LEMBAR PENGESAHAN")
        out.impor(
            "sumber tidak memuat Lembar Pengesahan yang terbaca; diisi dengan pejabat yang "
            "mengesahkan dan tanggal efektif: periksa"
        )
        out.key("pengesahan")
        out.key("tanggal", effective or made, 2)
        out.key("menyetujui", key, 2)
        out.blank()
    present = [
        k for k in ("kelengkapan", "waktu", "output", "keterangan") if k in first.header.labels
    ]
    if syntax.columns_list() and first.header.labels and len(present) < 4:
        out.add("# Kolom Mutu Baku dan Keterangan yang ada di tabel sumber")
        out.key("kolom", present)
        out.blank()
    if first.header.labels.get("keterangan") == "":
        out.comment(
            "Kolom Keterangan tercetak di sumber tanpa judul; di sini dicetak dengan judul "
            "bawaannya (ubah dengan 'judul_kolom')"
        )
        out.blank()
    labels = {
        k: v
        for k, v in first.header.labels.items()
        if k in DEFAULT_LABELS and v.strip() and v.strip() != DEFAULT_LABELS[k]
    }
    if labels and not syntax.column_titles():
        out.comment("judul kolom di sumber: " + ", ".join(labels.values()))
    elif labels:
        out.add("# Judul kolom tabel flowchart seperti tercetak di sumber")
        out.key("judul_kolom")
        for k in DEFAULT_LABELS:
            if k in labels:
                out.key(k, labels[k].strip(), 2)
        out.blank()
    out.add("# Urutan SOP dalam binder: nama berkas di folder ini, tanpa .yaml")
    if sum(len(i) + 2 for i in ids) < 80:
        out.key("prosedur", ids)
    else:
        out.key("prosedur")
        for pid in ids:
            out.item(pid, 2)
    out.blank()
    # an SOP as offices publish it has no cover and no table of contents: print it the same
    out.comment(
        "Dicetak seperti aslinya: tanpa Halaman Judul dan Daftar Isi (ubah ke true untuk "
        "mencetaknya, mis. bila beberapa SOP dijilid menjadi satu buku)"
    )
    out.key("pengaturan")
    out.key("halaman_judul", False, 2)
    out.key("daftar_isi", False, 2)
    lane = lane_mm(sops)
    if lane is not None:
        out.comment(
            "Kolom pelaksana selebar di aslinya (hapus baris ini untuk kolom selebar yang "
            "diperlukan saja)",
            2,
        )
        out.key("lebar_kolom_pelaksana", lane, 2)
    return out


def lane_mm(sops: Sequence[ir.ImportedSop]) -> int | None:
    """The width in mm of an executor lane on sopgen's page (A4, its margins) that keeps
    the share of the table the source's lanes have (their median); None when the
    source's lanes are no wider than sopgen's narrowest (its lanes then are as wide as
    their names and symbols need, as for a document written by hand)."""
    shares = sorted(s.header.lane_share for s in sops if s.header.lane_share is not None)
    if not shares:
        return None
    style = Style()
    table_w = style.page_size[0] - style.margin_left - style.margin_right
    lane = round(shares[len(shares) // 2] * table_w / MM)
    if lane <= round(style.lane_min / MM):
        return None
    return min(lane, LANE_MM_MAX)


def _instansi(out: Text, lines: tuple[str, ...]) -> None:
    out.add("# INSTANSI penerbit SOP")
    out.key("instansi")
    if len(lines) < 2:
        out.impor(
            "nama instansi tidak (lengkap) terbaca dari sumber; isi pemerintah/"
            "kementerian/lembaga dan unit kerjanya",
            2,
        )
    pemerintah = lines[0] if lines else "ISI NAMA PEMERINTAH/KEMENTERIAN/LEMBAGA"
    dinas = lines[1] if len(lines) > 1 else "ISI NAMA UNIT KERJA"
    out.key("pemerintah", pemerintah, 2)
    out.key("dinas", dinas, 2)
    if len(lines) > 2:
        out.key("unit", " ".join(lines[2:]), 2)
    place = guess_place(lines)
    if place:
        out.impor("tempat penandatanganan tidak tercetak; ditebak dari nama instansi: periksa", 2)
    else:
        out.impor("tempat penandatanganan tidak terbaca; isi nama kotanya", 2)
    out.key("tempat", place or "ISI TEMPAT", 2)


def _text(out: Text, key: str, value: str | None, what: str, placeholder: str) -> None:
    if not value:
        out.impor(f"{what} tidak terbaca dari sumber; isi {what}", 2)
    out.key(key, value or placeholder, 2)


def _date(out: Text, key: str, value: str | None, other: str | None, what: str) -> dt.date:
    parsed = parse_date(value)
    if parsed is not None:
        out.key(key, parsed, 2)
        return parsed
    written = parse_date(other) or PLACEHOLDER_DATE
    shown = f"'{value}' tidak dapat dibaca sebagai tanggal" if value else "tidak ada di sumber"
    out.impor(f"{what} {shown}; ditulis {written} sementara: periksa", 2)
    out.key(key, written, 2)
    return written


def _pejabat(out: Text, key: str, official: ir.Official | None) -> None:
    out.add("# Para pejabat: ditulis sekali di sini, lalu dirujuk dengan kuncinya")
    out.key("pejabat")
    out.key(key, None, 2)
    o = official or ir.Official()
    if official is None:
        out.impor(
            "pejabat yang mengesahkan tidak terbaca; isi jabatan, nama, pangkat dan NIP-nya", 4
        )
    if not o.jabatan:
        if official is not None:
            out.impor("jabatan pejabat yang mengesahkan tidak terbaca; isi jabatannya", 4)
    out.key("jabatan", o.jabatan or "ISI JABATAN", 4)
    if not o.nama and official is not None:
        out.impor("nama pejabat yang mengesahkan tidak terbaca; isi namanya", 4)
    out.key("nama", o.nama or "ISI NAMA", 4)
    if o.pangkat:
        pangkat, golongan = split_pangkat(o.pangkat)
        out.key("pangkat", pangkat, 4)
        if golongan:
            out.key("golongan", golongan, 4)
    digits = "".join((o.nip or "").split())
    if _NIP_DIGITS.match(digits):
        out.key("nip", " ".join((o.nip or "").split()), 4)
    elif syntax.nip_optional():
        shown = f"'{o.nip}' tidak 18 angka" if o.nip else "tidak tercetak/terbaca"
        out.impor(f"NIP {shown} di sumber; tidak ditulis: tambahkan 'nip:' bila ada", 4)
    else:
        shown = f"'{o.nip}' tidak 18 angka" if o.nip else "tidak tercetak/terbaca"
        out.impor(
            f"NIP {shown}; ditulis NIP sementara {PLACEHOLDER_NIP}: ganti dengan NIP yang benar", 4
        )
        out.key("nip", PLACEHOLDER_NIP, 4)
