"""The path finder on small hand-built grids: straight lines, detours round a symbol,
occupancy (no shared pieces, parallel gap), joins onto an arrow into the same target."""

from sopgen.layout.estimate import distances
from sopgen.layout.geometry import Box
from sopgen.layout.pathfind import PathFinder
from sopgen.layout.tracks import DOWN, RIGHT, Costs, Port

COSTS = Costs(target_min=6.0, parallel_gap=4.0)
LINES = [float(v) for v in range(0, 101, 10)]  # a 11 x 11 grid, 10 pt apart


def finder(obstacles=()):
    return PathFinder(LINES, LINES, list(obstacles), COSTS, track_xs=LINES, track_ys=LINES)


NOBODY = Box(0, 0, 0, 0)  # a port's owner whose clearance the walk may cross


def source(x, y):
    return Port((x, y), DOWN, 0.0, NOBODY)


def target(x, y):
    return Port((x, y), DOWN, 0.0, NOBODY)


def test_facing_ports_on_one_line_give_a_straight_arrow():
    f = finder()
    found = f.route([source(50, 10)], [target(50, 90)])
    assert f.polyline(found.nodes) == ((50, 10), (50, 90))


def test_a_symbol_in_the_way_is_passed_round_with_few_bends():
    f = finder([Box(45, 45, 10, 10)])  # blocks the node (50, 50)
    found = f.route([source(50, 10)], [target(50, 90)])
    points = f.polyline(found.nodes)
    assert (50, 50) not in points and points[0] == (50, 10) and points[-1] == (50, 90)
    assert len(points) == 6  # down, aside, down, back, down: four bends
    xs = {x for x, _ in points}
    assert xs in ({50, 40}, {50, 60})  # the nearest line beside the symbol


def test_a_second_arrow_never_runs_alongside_closer_than_the_parallel_gap():
    f = PathFinder(sorted(LINES + [52.0]), LINES, [], COSTS)
    first = f.route([source(50, 10)], [target(50, 90)])
    f.commit(first.nodes)
    assert f.route([source(50, 10)], [target(50, 90)]) is None  # the same line: taken
    assert f.route([source(52, 10)], [target(52, 90)]) is None  # 2 pt beside it: too close
    second = f.route([source(60, 10)], [target(60, 90)])
    assert f.polyline(second.nodes) == ((60, 10), (60, 90))


def test_a_crossing_is_allowed_but_a_bend_on_another_arrow_is_not():
    f = finder()
    down = f.route([source(50, 10)], [target(50, 90)])
    f.commit(down.nodes)
    across = f.route([Port((10, 50), RIGHT, 0.0, NOBODY)], [Port((90, 50), RIGHT, 0.0, NOBODY)])
    assert f.polyline(across.nodes) == ((10, 50), (90, 50))
    f.commit(across.nodes)
    assert f.state[f.node((50, 50))]  # the crossing node is taken by both, straight through


def test_an_arrow_may_end_on_an_arrow_into_the_same_target():
    f = finder()
    first = f.route([source(50, 10)], [target(50, 90)])
    f.commit(first.nodes)
    n = f.node((50, 50))
    joined = f.route([source(20, 10)], [], joins=[(n, RIGHT, 0.0)])
    points = f.polyline(joined.nodes)
    assert points[-1] == (50, 50) and points[-2][1] == 50  # arrives across the first arrow


def test_a_box_over_every_track_is_passed_through_an_outer_channel_without_search(monkeypatch):
    # The box blocks the lines x = 20..80 at y = 50: a wall; only x = 0, 10, 90, 100 pass.
    f = finder([Box(15, 45, 70, 10)])
    assert f.walls

    def no_search(*args):
        raise AssertionError("the outer channel is a shape: no search needed")

    monkeypatch.setattr(PathFinder, "_search", no_search)
    found = f.route([source(50, 10)], [target(50, 90)])
    points = f.polyline(found.nodes)
    assert {x for x, _ in points} & {10, 90}  # beside the wall, not through it
    assert points[0] == (50, 10) and points[-1] == (50, 90)


def test_a_search_measures_the_way_round_a_wall_and_knows_when_there_is_none():
    bounds = (0, len(LINES) - 1, 0, len(LINES) - 1)
    f = finder([Box(-5, 45, 110, 10)])  # a wall from edge to edge
    start = f.walk(source(50, 10), DOWN, COSTS.source_min)
    goal = f.node((50, 80))
    far = distances(f, {goal: [([goal], target(50, 80))]}, bounds)
    assert far[start[-1]] == float("inf")
    assert f.route([source(50, 10)], [target(50, 90)]) is None
    open_ = finder([Box(15, 45, 70, 10)])  # a wall with a way past it on each side
    start = open_.walk(source(50, 10), DOWN, COSTS.source_min)
    goal = open_.node((50, 80))
    far = distances(open_, {goal: [([goal], target(50, 80))]}, bounds)
    # round the wall: 40 across and back, 60 down (never more than the true way)
    assert far[start[-1]] == 40 + 60 + 40
