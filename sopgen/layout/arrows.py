"""Arrows of one page: where each arrow may leave and enter, the grid of tracks, the
order of routing, and the Ya/Tidak labels.

Rules (docs/format.md §1.2):
- a step's ordinary exit and a decision's "Ya" leave the bottom of the symbol;
  "Tidak" leaves the right vertex of the diamond (the left one when the decision sits
  in the last lane, or when the right side is blocked or much longer); a request's
  ``side`` may say otherwise (exits facing their targets: decision_exits.py);
- arrows enter a symbol from the top (preferred when coming from above) or from a side
  (preferred for loops back), a box from below when told (``enter_below``), a decision
  whose exits both leave by its side vertices from below too (a loop back, as agencies
  draw a "Tidak" up into an earlier decision); several arrows on one side get spread
  anchors;
- arrows run on tracks: lane gutters (beside the symbols) and the channels around row
  boundaries (which never contain symbols), never on a table line, never through a
  symbol or connector, never sharing a collinear piece with another arrow.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass

from sopgen.layout.columns import Columns
from sopgen.layout.decision_exits import (
    ANCHOR_COST,
    OTHER_SIDE_COST,
    STUB,
    bottom_ports,
    bottom_vertex_ports,
    box_side_ports,
    exit_vertex,
    side_ports,
    stub,
)
from sopgen.layout.geometry import Arrow, Box, OffPage, Point, Symbol
from sopgen.layout.grid import AVOID, near, page_grid
from sopgen.layout.inrow import facing_ports, side_by_side
from sopgen.layout.junctions import junctions
from sopgen.layout.labels import (
    LABEL_OFFSET,
    choose_label,
    exit_label_box,
    label_box,
    place_labels,
    scene_of,
)
from sopgen.layout.pathfind import PathFinder
from sopgen.layout.style import Measure, Style
from sopgen.layout.symbols import anchor_offsets, offset_limit, outline_point
from sopgen.layout.tracks import CLOSE, DOWN, LEFT, RIGHT, UP, USED, Costs, Port, q

TOP_SPACING_FACTOR = 2.0  # top/bottom anchors are 2 track gaps apart
SIDE_SPACING_FACTOR = 1.5
LABEL_ROOM_SLACK = 50.0  # extra cost accepted for a "Tidak" first segment that holds its label
SEPARATE_ENTRY_COST = 60.0  # a second entry into a symbol instead of joining its arrow
WINDOW_MARGIN = 40.0  # a first search stays this close to the rows of the arrow's ends


@dataclass(frozen=True)
class End:
    """One end of a page-local arrow: a symbol (by step) or a connector (by key)."""

    ref: str  # "step:3" or "offpage:<key>"
    step: int | None = None
    connector: OffPage | None = None


@dataclass(frozen=True)
class Request:
    source: End
    target: End
    label: str | None  # the printed label ("Ya", "Tidak", "Lengkap") or None
    forward: bool  # the target is reached coming from above
    priority: tuple  # routing order (smaller first)
    branch: str | None = None  # "ya"/"tidak" for a decision's exits (model.flow.Edge)
    side: str | None = None  # the vertex (or box side) an exit must leave by (decision_exits)
    both: bool = False  # a two-way arrow: a head at each end; no other arrow joins it
    enter_below: bool = False  # may enter its box from below (decision_exits.sideways_turns)


class RoutingFailed(Exception):
    def __init__(self, request: Request):
        super().__init__(f"no route for {request.source.ref} -> {request.target.ref}")
        self.request = request


@dataclass
class PageGeometry:
    symbols: dict[int, Symbol]
    connectors: list[OffPage]
    columns: Columns
    top: float  # first y under the table header
    bottom: float  # bottom of the last row or band (the arrows' area)
    rows_top: float  # top of the first body row (a top band lies above it)
    boundaries: list[float]  # y of every row/band boundary, top and bottom included
    parts: list[Symbol] = dataclasses.field(default_factory=list)  # further joint boxes

    def obstacles(self) -> list[Box]:
        """Symbols, further parts of split joint symbols with their joining lines, and
        connectors: what no arrow may cross."""
        out = [s.box for s in self.symbols.values()] + [c.box for c in self.connectors]
        for part in self.parts:
            out.append(part.box)
            if part.link is not None:
                (x0, y0), (x1, _) = part.link
                out.append(Box(x0, y0 - 0.5, x1 - x0, 1.0))
        return out


class PageArrows:
    def __init__(self, geo: PageGeometry, style: Style, measure: Measure):
        self.geo = geo
        self.style = style
        self.measure = measure
        self.borders = geo.columns.lane_borders()
        self.used: set[tuple[float, float]] = set()
        self.arrows: list[Arrow] = []
        self.into: dict[str, list[list[int]]] = {}  # target ref -> grid nodes of its arrows
        self.out_of: dict[tuple, list[list[int]]] = {}  # (source ref, branch) -> the same
        self.sides: dict = {}  # target ref, or (source ref, branch) -> directions at outline
        self.scene = scene_of(geo)
        self.labels: list[tuple[float, float, float, float]] = []
        self.kept: dict[tuple, list[int]] = {}  # (source ref, branch) -> its label's room
        self.heads: list[Point] = []  # where the arrowheads drawn so far point
        self.fork_nodes: set[int] = set()  # where fork branches start (on their trunks)
        self.join_nodes: set[int] = set()  # where joins end (on the arrows they join)
        self.stubs: dict[tuple, Arrow] = {}  # ends of decision arrows not routed yet
        self.exit_vertices: dict[int, set[str]] = {}  # a decision's step -> its exits' vertices
        self.top_spacing = style.track_gap * TOP_SPACING_FACTOR
        self.side_spacing = style.track_gap * SIDE_SPACING_FACTOR
        spacing = (self.top_spacing, self.side_spacing)
        xs, ys, near_xs, near_ys, track_xs, track_ys = page_grid(geo, style, self.borders, spacing)
        obstacles = geo.obstacles()
        self.costs = Costs(target_min=style.arrowhead + 1.0, parallel_gap=style.track_gap)
        self.finder = PathFinder(
            xs, ys, obstacles, self.costs, near_xs, near_ys, track_xs, track_ys, geo.boundaries
        )

    # -- ports ------------------------------------------------------------------------

    def _free(self, p: Point) -> bool:
        return (q(p[0]), q(p[1])) not in self.used and self.finder.node(p) is not None

    def _last_lane(self) -> int:
        return len(self.borders) - 2

    def source_ports(
        self, end: End, branch: str | None, toward: float | None, side: str | None = None
    ) -> list[Port]:
        if end.connector is not None:
            return [self._connector_port(end.connector, leaving=True)]
        sym = self.geo.symbols[end.step]
        b = sym.box
        if branch == "tidak" or (sym.kind == "decision" and side is not None and branch):
            sides = side_ports(sym, branch, self._last_lane(), side, self._free)
            if sides is not None:
                return sides
        if sym.kind != "decision" and side in ("left", "right"):
            return box_side_ports(sym, side, self._free)
        ports = []
        offsets = (
            [0.0]
            if sym.kind == "decision"
            else anchor_offsets(
                offset_limit(sym.kind, b, "bottom"), self.top_spacing, 2, self.style.track_gap
            )
        )
        for off in offsets:
            ports.append(
                Port(outline_point(sym.kind, b, "bottom", off), DOWN, ANCHOR_COST * abs(off), b)
            )
        if (
            toward is not None
            and sym.kind != "decision"
            and abs(toward - b.cx) <= offset_limit(sym.kind, b, "bottom")
        ):
            ports.append(Port(outline_point(sym.kind, b, "bottom", toward - b.cx), DOWN, 0.0, b))
        return [p for p in ports if self._free(p.point) and not self._on_border(sym, p.point)]

    def target_ports(self, end: End, forward: bool, source_x: float | None) -> list[Port]:
        if end.connector is not None:
            return [self._connector_port(end.connector, leaving=False)]
        sym = self.geo.symbols[end.step]
        b = sym.box
        top_cost, side_cost = (0.0, 30.0) if forward else (25.0, 0.0)
        if sym.kind == "decision":
            return self._vertex_ports(sym, top_cost, side_cost)
        ports = []
        limit = offset_limit(sym.kind, b, "top")
        for off in anchor_offsets(limit, self.top_spacing, 3, self.style.track_gap):
            cost = top_cost + ANCHOR_COST * abs(off)
            ports.append(Port(outline_point(sym.kind, b, "top", off), DOWN, cost, b))
        if source_x is not None and abs(source_x - b.cx) <= limit:
            ports.append(
                Port(outline_point(sym.kind, b, "top", source_x - b.cx), DOWN, top_cost, b)
            )
        for side, d in (("left", RIGHT), ("right", LEFT)):
            for off in anchor_offsets(
                offset_limit(sym.kind, b, side), self.side_spacing, 2, self.style.track_gap
            ):
                cost = side_cost + ANCHOR_COST * abs(off)
                ports.append(Port(outline_point(sym.kind, b, side, off), d, cost, b))
        return [
            p
            for p in ports
            if self._free(p.point) and not self._on_border(sym, p.point) and self._apart(p.point)
        ]

    def _apart(self, p: Point) -> bool:
        """An arrowhead keeps an arrowhead's length from every other one (two heads side
        by side read as one smudge: the later arrow joins or enters elsewhere)."""
        reach = self.style.arrowhead
        return all(abs(p[0] - x) + abs(p[1] - y) >= reach for x, y in self.heads)

    def _vertex_ports(self, sym: Symbol, top_cost: float, side_cost: float) -> list[Port]:
        """A decision is entered only at a vertex: the top one, or the side vertex its
        own "Tidak" does not leave by default (the bottom one is "Ya"; an arrow back from
        below may enter it when both exits leave by the sides: bottom_vertex_ports)."""
        b = sym.box
        tidak_left = max(sym.columns) == len(self.borders) - 2  # last lane: Tidak goes left
        ports = [Port((b.cx, b.y), DOWN, top_cost, b)]
        if tidak_left:
            ports.append(Port((b.right, b.cy), LEFT, side_cost, b))
        else:
            ports.append(Port((b.x, b.cy), RIGHT, side_cost, b))
        return [p for p in ports if self._free(p.point) and not self._on_border(sym, p.point)]

    def _connector_port(self, c: OffPage, leaving: bool) -> Port:
        b = c.box
        in_top_band = b.cy < self.geo.rows_top
        if leaving:  # an incoming connector starts the arrow on this page
            return (
                Port((b.cx, b.bottom), DOWN, 0.0, b)
                if in_top_band
                else Port((b.cx, b.y), UP, 0.0, b)
            )
        return (
            Port((b.cx, b.bottom), UP, 0.0, b) if in_top_band else Port((b.cx, b.y), DOWN, 0.0, b)
        )

    def _on_border(self, sym: Symbol, p: Point) -> bool:
        return len(sym.columns) > 1 and near(p[0], self.borders, AVOID)

    # -- routing ----------------------------------------------------------------------

    def end_x(self, end: End) -> float | None:
        if end.connector is not None:
            return end.connector.box.cx
        return self.geo.symbols[end.step].box.cx

    def window(self, request: Request) -> tuple[float, float, float, float]:
        """The rows and lanes between the arrow's two ends, plus WINDOW_MARGIN above and
        below and a lane on either side."""
        boxes = [
            end.connector.box if end.connector is not None else self.geo.symbols[end.step].box
            for end in (request.source, request.target)
        ]
        side = self.geo.columns.lane_w
        return (
            min(b.x for b in boxes) - side,
            min(b.y for b in boxes) - WINDOW_MARGIN,
            max(b.right for b in boxes) + side,
            max(b.bottom for b in boxes) + WINDOW_MARGIN,
        )

    def keep_label_room(self, requests: Sequence[Request]) -> None:
        """Before any arrow: keep the place of each decision exit's label, so that
        arrows routed earlier do not take it (its own arrow releases it); and note the
        first points of each decision exit and the last of each arrow from above into a
        decision's top vertex (``stubs``), which labels placed before them keep off."""
        for r in requests:
            sym = self.geo.symbols.get(r.source.step) if r.source.step is not None else None
            if r.label and sym is not None and sym.kind == "decision":
                side = exit_vertex(sym, r.branch, self._last_lane(), r.side)
                box = exit_label_box(sym.box, side, r.label, self.style, self.measure)
                self.kept[(r.source.ref, r.branch)] = self.finder.reserve(*box)
            if sym is not None and sym.kind == "decision" and r.branch is not None:
                self.stubs[(r.source.ref, r.branch)] = self._stub(sym, r)
                vertex = exit_vertex(sym, r.branch, self._last_lane(), r.side)
                self.exit_vertices.setdefault(r.source.step, set()).add(vertex)
            into = self.geo.symbols.get(r.target.step) if r.target.step is not None else None
            if into is not None and into.kind == "decision" and r.forward:
                b = into.box  # an arrow from above enters the top vertex
                top = Arrow(((b.cx, b.y - STUB), (b.cx, b.y)), r.source.ref, r.target.ref)
                self.stubs[(r.source.ref, r.branch, r.target.ref)] = top

    def _stub(self, sym: Symbol, r: Request) -> Arrow:
        vertex = exit_vertex(sym, r.branch, self._last_lane(), r.side)
        return stub(sym, vertex, r.source.ref, r.target.ref)

    def route(self, request: Request) -> Arrow:
        self.finder.release(self.kept.pop((request.source.ref, request.branch), []))
        self.stubs.pop((request.source.ref, request.branch), None)
        self.stubs.pop((request.source.ref, request.branch, request.target.ref), None)
        toward = self.end_x(request.target)
        sources = self.source_ports(request.source, request.branch, toward, request.side)
        targets = self.target_ports(request.target, request.forward, self.end_x(request.source))
        if request.enter_below and request.target.step is not None:
            sym = self.geo.symbols[request.target.step]
            targets += bottom_ports(sym, self.top_spacing, self.style.track_gap, self._free)
        pair = side_by_side(self.geo.symbols, request.source, request.target)
        if pair is not None:  # the straight arrow first; the usual ports cost more
            straight_s, straight_t = facing_ports(pair, self._free)
            sources = straight_s + [
                dataclasses.replace(p, cost=p.cost + OTHER_SIDE_COST) for p in sources
            ]
            targets = straight_t + [
                dataclasses.replace(p, cost=p.cost + OTHER_SIDE_COST) for p in targets
            ]
        head = self.style.arrowhead
        # a two-way arrow neither joins nor forks, nor lets others join it: which way
        # would the flow go on the shared piece?
        into = () if request.both or request.enter_below else self.into.get(request.target.ref, ())
        joins = junctions(self.finder, into, head, self.fork_nodes, self.join_nodes)
        if joins:  # one entry per symbol: a separate one only when joining is a detour
            targets = [dataclasses.replace(p, cost=p.cost + SEPARATE_ENTRY_COST) for p in targets]
        if not request.forward and request.target.step is not None:  # not joined either
            into_sym = self.geo.symbols[request.target.step]
            exits = self.exit_vertices.get(request.target.step, set())
            targets += bottom_vertex_ports(into_sym, exits, self._free)
        exit_key = (request.source.ref, request.branch)
        trunks = () if request.both else self.out_of.get(exit_key, ())
        forks = junctions(self.finder, trunks, head, self.fork_nodes, self.join_nodes)
        if forks:  # a fork leaves its symbol once and branches off that arrow
            sources = [dataclasses.replace(p, cost=p.cost + SEPARATE_ENTRY_COST) for p in sources]
        if not ((sources or forks) and (targets or joins)):
            raise RoutingFailed(request)
        # A straight arrow into a side no other arrow enters (out of a side no other
        # leaves) is taken before a join (fork) onto an arrow from another side.
        entered = self.sides.get(request.target.ref, set())
        left = self.sides.get(exit_key, set())
        open_ends = (
            [p for p in sources if p.dir not in left],
            [p for p in targets if p.dir not in entered],
        )
        # Search near the two ends first (fast), then the whole page.
        window = self.window(request)
        found = self.finder.route(sources, targets, None, window, joins, forks, open_ends)
        if found is None:
            window = None
            found = self.finder.route(sources, targets, None, None, joins, forks, open_ends)
        if found is not None and request.branch == "tidak" and request.label:
            # A sideways exit prefers a first segment long enough to hold its label,
            # unless that costs a detour.
            room = 2 * LABEL_OFFSET + self.measure(request.label, "regular", self.style.label_size)
            (x0, y0), (x1, y1) = self.finder.polyline(found.nodes)[:2]
            if abs(x1 - x0) + abs(y1 - y0) < room:  # else it holds the label already
                roomy = self.finder.route(sources, targets, room, window, joins, forks, open_ends)
                if roomy is not None and roomy.cost <= found.cost + LABEL_ROOM_SLACK:
                    found = roomy
        if found is None:
            raise RoutingFailed(request)
        nodes = found.nodes
        joined = nodes[-1] in {n for n, _, _ in joins}
        forked = nodes[0] in {n for n, _, _ in forks}
        self.finder.commit(nodes)
        if joined:
            self.join_nodes.add(nodes[-1])
        if forked:
            self.fork_nodes.add(nodes[0])
        if not request.both:
            self.into.setdefault(request.target.ref, []).append(nodes)
            self.out_of.setdefault(exit_key, []).append(nodes)
        if not joined:
            into_dir = self.finder.direction(nodes[-2], nodes[-1])
            self.sides.setdefault(request.target.ref, set()).add(into_dir)
        if not forked:
            self.sides.setdefault(exit_key, set()).add(self.finder.direction(nodes[0], nodes[1]))
        points = self.finder.polyline(nodes)
        self.used.add((q(points[0][0]), q(points[0][1])))
        self.used.add((q(points[-1][0]), q(points[-1][1])))
        if not joined:
            self.heads.append(points[-1])
        if request.both:
            self.heads.append(points[0])
        arrow = Arrow(
            points,
            request.source.ref,
            request.target.ref,
            request.label,  # type: ignore[arg-type]
            head=not joined,
            tail=not forked,
            both=request.both,
        )
        if request.label and not forked:  # a branch shares its trunk's label
            # Place the label now; later arrows keep out of it where they can.
            drawn = [*self.arrows, arrow, *self.stubs.values()]
            at = choose_label(arrow, drawn, self.labels, self.scene, self.style, self.measure)
            arrow = dataclasses.replace(arrow, label_at=at)
            box = label_box(at, arrow.label, self.style, self.measure)
            self.labels.append(box)
            self.finder.soften(*box)
        self.arrows.append(arrow)
        return arrow


def route_page(
    geo: PageGeometry, requests: Sequence[Request], style: Style, measure: Measure
) -> list[Arrow] | None:
    """Route every request once, in priority order. An arrow that finds no room may,
    as last resorts, cross the place kept for a label (the label moves later if it
    can), then also run closer than a track gap beside others (never on them).
    Returns the arrows in request order, or None (the page must take fewer rows)."""
    order = sorted(range(len(requests)), key=lambda i: requests[i].priority)
    page_arrows = PageArrows(geo, style, measure)
    page_arrows.keep_label_room(requests)
    finder = page_arrows.finder
    arrows: dict[int, Arrow] = {}
    for i in order:
        for labels_open, mask in ((False, USED | CLOSE), (True, USED | CLOSE), (True, USED)):
            finder.open_reserved(labels_open)
            finder.mask = mask
            try:
                arrows[i] = page_arrows.route(requests[i])
                break
            except RoutingFailed:
                continue
            finally:
                finder.open_reserved(False)
                finder.mask = USED | CLOSE
        else:
            return None
    arrows_list = [arrows[i] for i in range(len(requests))]
    return place_labels(arrows_list, scene_of(geo), style, measure)
