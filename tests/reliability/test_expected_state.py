"""The replay that judges a killed writer: whole writes pass, torn or lost ones do not."""

from __future__ import annotations

import copy

from hairjournal.store.records import MESSAGES, Failure
from tests.reliability.expected_state import Replay, Tally, Write
from tests.reliability.journal_state import State

COUNT = {"date": "2026-01-01", "protocol": "brush", "value": 40, "wash_day": 0, "notes": ""}
OTHER = {**COUNT, "date": "2026-01-02", "value": 55}


def _state(*rows: dict[str, object]) -> State:
    return {"shed_count": {number: {"id": number, **row} for number, row in enumerate(rows, 1)}}


def _add_many() -> Write:
    return Write({"intent": 1, "op": "add_many", "table": "shed_count", "rows": [COUNT, OTHER]})


def test_a_write_under_way_may_be_there_whole() -> None:
    tally = Tally()
    assert Replay(_state(), tally).settle(_add_many(), _state(COUNT, OTHER)) == []
    assert tally.in_flight_committed == 1


def test_a_write_under_way_may_be_missing_whole() -> None:
    tally = Tally()
    assert Replay(_state(), tally).settle(_add_many(), _state()) == []
    assert tally.in_flight_rolled_back == 1


def test_half_a_write_is_found() -> None:
    problems = Replay(_state(), Tally()).settle(_add_many(), _state(COUNT))
    assert problems == ["unexpected: shed_count 1 was never written"]


def test_half_a_change_is_found() -> None:
    change = Write(
        {"intent": 2, "op": "change", "table": "shed_count", "id": 1, "values": {"value": 90}}
    )
    change.intent["values"]["notes"] = "after the wash"
    torn = _state({**COUNT, "value": 90})
    problems = Replay(_state(COUNT), Tally()).settle(change, torn)
    assert problems == ["lost: shed_count 1 value is 90, expected 40"]


def test_an_acknowledged_write_that_is_missing_is_lost() -> None:
    add = Write(
        {"intent": 3, "op": "add", "table": "shed_count", "values": COUNT},
        [{"ack": 3, "id": 7}],
    )
    replay = Replay(_state(), Tally())
    replay.apply(add)
    assert replay.settle(None, _state()) == ["lost: shed_count 7 is missing"]


def test_removing_a_course_takes_its_sessions_and_undo_brings_them_back() -> None:
    course = {"id": 4, "kind": "exosome"}
    session = {"id": 9, "treatment_id": 4, "pain": 3}
    start: State = {"treatment": {4: course}, "session": {9: session}}
    replay = Replay(start, Tally())
    remove = Write(
        {"intent": 1, "op": "remove", "table": "treatment", "id": 4},
        [{"ack": 1, "removed": [["treatment", 4], ["session", 9]]}],
    )
    replay.apply(remove)
    assert replay.settle(None, {"treatment": {}, "session": {}}) == []
    replay.apply(Write({"intent": 2, "op": "restore", "table": "", "of": 1}, [{"ack": 2}]))
    assert replay.settle(None, copy.deepcopy(start)) == []
    assert replay.problems == []


def test_a_fault_must_fail_with_its_own_message() -> None:
    intent = {"intent": 5, "op": "add", "table": "event", "fault": "disk_full", "values": {}}
    said = {"ack": 5, "failed": "disk_full", "message": MESSAGES[Failure.DISK_FULL]}
    replay = Replay({}, Tally())
    replay.apply(Write(intent, [said]))
    assert replay.problems == []
    assert (replay.tally.faults, replay.tally.faults_reported) == (1, 1)

    replay.apply(Write(intent, [{"ack": 5, "id": 3}]))  # it claimed to have saved
    assert replay.problems == [f"disk_full was not reported as such: {[{'ack': 5, 'id': 3}]}"]
