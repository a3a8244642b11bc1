#!/usr/bin/env python3
"""Writes the sync protocol's test vectors (sync-protocol/vectors/*.json).

The vectors are data: this script only spares writing stamps and ids by hand. The expected
results in it were worked out from the merge rule in ../README.md, and the server's tests
(Tests/FolioServerTests/VectorTests.swift) check every file against the real server.
Run it again after editing: ./make-vectors.py
"""
import json
import os

NOW = 1_700_000_000_000  # the server's wall clock during every vector (Unix ms)
SITE_A = "00000000000000a1"
SITE_B = "00000000000000b2"


def hlc(offset_ms, counter=0):
    """A stamp `offset_ms` after NOW - 60 s (so small offsets are in the past)."""
    return "%016x" % (((NOW - 60_000 + offset_ms) << 16) | counter)


def rid(n):
    return "0190f3a4-5b6c-7d8e-9fa0-%012x" % n


def batch(n):
    return "0190f3a4-0000-7000-8000-%012x" % n


def change(record, field, value, at, site=SITE_A, kind="application", parent=None, counter=0):
    return {"id": rid(record), "kind": kind, "parent": None if parent is None else rid(parent),
            "field": field, "value": value, "hlc": hlc(at, counter), "site": site}


def push(changes, site=SITE_A, batch_no=1, status=200, body=None, error=None):
    step = {"action": "push", "request": {"site": site, "batch_id": batch(batch_no), "changes": changes},
            "expect": {"status": status}}
    if body is not None:
        step["expect"]["body"] = body
    if error is not None:
        step["expect"]["error"] = error
    return step


def ok(acked, cursor, duplicate=False):
    return {"acked": acked, "cursor": str(cursor), "duplicate": duplicate}


def pull(since, limit=None, status=200, changes=None, cursor=None, more=None, error=None):
    query = {"since": since}
    if limit is not None:
        query["limit"] = limit
    step = {"action": "pull", "query": query, "expect": {"status": status}}
    if status == 200:
        step["expect"]["body"] = {"changes": changes, "cursor": str(cursor), "more": more}
    if error is not None:
        step["expect"]["error"] = error
    return step


VECTORS = []


def vector(name, description, steps, final_state):
    VECTORS.append({"name": name, "description": description, "server_now_ms": NOW,
                    "steps": steps, "final_state": final_state})


# 1
acme = change(1, "company", "Acme", 10, SITE_A)
globex = change(1, "company", "Globex", 5, SITE_B)
initech = change(1, "company", "Initech", 20, SITE_B)
vector("concurrent-edits-one-field",
       "Two devices write the same field. The later stamp wins whatever order the pushes arrive in; "
       "a losing write is acknowledged but takes no counter value.",
       [push([acme], SITE_A, 1, body=ok(1, 1)),
        push([globex], SITE_B, 2, body=ok(1, 1)),
        pull("0", changes=[acme], cursor=1, more=False),
        push([initech], SITE_B, 3, body=ok(1, 2)),
        pull("1", changes=[initech], cursor=2, more=False)],
       [initech])

# 2
from_b = change(1, "title", "From B", 7, SITE_B)
from_a = change(1, "title", "From A", 7, SITE_A)
vector("equal-stamps-tie-broken-by-site",
       "Two writes with the same HLC from different sites: the higher site id (compared as 16 hex digits, "
       "i.e. as an unsigned 64-bit number) wins.",
       [push([from_b], SITE_B, 1, body=ok(1, 1)),
        push([from_a], SITE_A, 2, body=ok(1, 1)),
        pull("0", changes=[from_b], cursor=1, more=False)],
       [from_b])

# 3
kept = change(1, "notes", "kept", 3)
null_loses = change(1, "notes", None, 3)
null_first = change(2, "notes", None, 3)
value_wins = change(2, "notes", "wins", 3)
vector("null-lowest-at-equal-stamp",
       "Same stamp and same site, one write null and one a value: the value wins (null is the lowest value), "
       "in either arrival order.",
       [push([kept], SITE_A, 1, body=ok(1, 1)),
        push([null_loses], SITE_A, 2, body=ok(1, 1)),
        push([null_first], SITE_A, 3, body=ok(1, 2)),
        push([value_wins], SITE_A, 4, body=ok(1, 3)),
        pull("0", changes=[kept, value_wins], cursor=3, more=False)],
       [kept, value_wins])

# 4
apple = change(1, "company", "apple", 4)
banana = change(1, "company", "banana", 4)
nine = change(2, "salary", "9", 4)
ten = change(2, "salary", 10, 4)
vector("equal-stamp-values-by-encoded-bytes",
       "Same stamp and site, two non-null values: the larger stable JSON encoding wins, compared byte by byte "
       "(\"banana\" > \"apple\"; the number 10, encoded 10, beats the string \"9\", encoded \"9\", because '1' > '\"').",
       [push([banana], SITE_A, 1, body=ok(1, 1)),
        push([apple], SITE_A, 2, body=ok(1, 1)),
        push([nine], SITE_A, 3, body=ok(1, 2)),
        push([ten], SITE_A, 4, body=ok(1, 3)),
        pull("0", changes=[banana, ten], cursor=3, more=False)],
       [banana, ten])

# 5
created = change(1, "@cl", 1, 1)
company = change(1, "company", "Acme", 1)
delete_a = change(1, "@cl", 2, 10, SITE_A)
delete_b = change(1, "@cl", 2, 8, SITE_B)
undelete_b = change(1, "@cl", 3, 9, SITE_B)
stale = change(1, "@cl", 1, 100, SITE_A)
vector("delete-undelete-causal-length",
       "`@cl` is a causal length merged by the larger length, then the later stamp: a concurrent delete with an "
       "earlier stamp loses, an undelete (length 3) beats a delete (length 2) even with an earlier stamp, and a "
       "late write of length 1 loses to everything longer.",
       [push([created, company], SITE_A, 1, body=ok(2, 2)),
        push([delete_a], SITE_A, 2, body=ok(1, 3)),
        push([delete_b], SITE_B, 3, body=ok(1, 3)),
        push([undelete_b], SITE_B, 4, body=ok(1, 4)),
        push([stale], SITE_A, 5, body=ok(1, 4)),
        pull("0", changes=[company, undelete_b], cursor=4, more=False)],
       [company, undelete_b])

# 6
one = change(1, "company", "Acme", 1)
two = change(1, "role", "Engineer", 1)
three = change(2, "company", "Globex", 2)
vector("duplicate-batch",
       "A batch is identified by (site, batch_id). Sending it again is a no-op that answers like the first time "
       "with duplicate: true, even after other batches moved the cursor.",
       [push([one, two], SITE_A, 1, body=ok(2, 2)),
        push([three], SITE_A, 2, body=ok(1, 3)),
        push([one, two], SITE_A, 1, body=ok(2, 2, duplicate=True)),
        pull("0", changes=[one, two, three], cursor=3, more=False)],
       [one, two, three])

# 7
good = change(1, "company", "Acme", 1)
bad_hlc = dict(change(2, "company", "Bad", 1), hlc="not-a-stamp")
bad_cl = change(2, "@cl", 0, 1)
bad_field = change(2, "@secret", "x", 1)
vector("malformed-change-rejects-whole-batch",
       "One malformed change (a bad stamp, a causal length below 1, a reserved field name) refuses the whole "
       "batch with 422 invalid-change; nothing of it is applied and the cursor does not move.",
       [push([good, bad_hlc], SITE_A, 1, status=422, error="invalid-change"),
        push([good, bad_cl], SITE_A, 2, status=422, error="invalid-change"),
        push([good, bad_field], SITE_A, 3, status=422, error="invalid-change"),
        pull("0", changes=[], cursor=0, more=False)],
       [])

# 8
hologram = change(2, "beam", "on", 1, kind="hologram")
vector("unknown-kind",
       "A change of a record kind the server does not know refuses the whole batch with 422 unknown-kind.",
       [push([good, hologram], SITE_A, 1, status=422, error="unknown-kind"),
        pull("0", changes=[], cursor=0, more=False)],
       [])

# 9
too_far = change(1, "company", "Future", 120_001)  # NOW + 60 001 ms
at_limit = change(1, "company", "Edge", 120_000, counter=5)  # NOW + 60 000 ms
vector("clock-skew",
       "A stamp more than 60 000 ms ahead of the server's wall clock is refused with 422 clock-skew (nothing "
       "applied); one exactly 60 000 ms ahead is accepted.",
       [push([good, too_far], SITE_A, 1, status=422, error="clock-skew"),
        push([at_limit], SITE_A, 2, body=ok(1, 1)),
        pull("0", changes=[at_limit], cursor=1, more=False)],
       [at_limit])

# 10
five = [change(n, "company", "Company %d" % n, n) for n in range(1, 6)]
rewrite = change(1, "company", "Renamed", 50)
vector("paging-across-limit",
       "Pull pages of at most `limit` changes in counter order; `more` says whether to ask again from the "
       "returned cursor. A field written again gets a new counter value, so it comes again after the cursor.",
       [push(five, SITE_A, 1, body=ok(5, 5)),
        pull("0", limit=2, changes=five[0:2], cursor=2, more=True),
        pull("2", limit=2, changes=five[2:4], cursor=4, more=True),
        pull("4", limit=2, changes=five[4:5], cursor=5, more=False),
        push([rewrite], SITE_A, 2, body=ok(1, 6)),
        pull("5", limit=2, changes=[rewrite], cursor=6, more=False),
        pull("0", limit=5000, changes=five[1:] + [rewrite], cursor=6, more=False)],
       five[1:] + [rewrite])

# 11
app = change(1, "company", "Acme", 1)
as_note = change(1, "text", "x", 2, kind="note")
new_parent = change(1, "role", "x", 2, parent=9)
fresh = change(2, "company", "Globex", 2)
vector("conflicting-identity",
       "A record's kind and parent are fixed when it is first written. A change that gives a held record another "
       "kind or parent refuses its batch with 409 conflicting-change, as does a batch that disagrees with itself.",
       [push([app], SITE_A, 1, body=ok(1, 1)),
        push([fresh, as_note], SITE_A, 2, status=409, error="conflicting-change"),
        push([fresh, new_parent], SITE_A, 3, status=409, error="conflicting-change"),
        push([change(3, "a", 1, 2), change(3, "b", 2, 2, kind="note")], SITE_A, 4, status=409, error="conflicting-change"),
        pull("0", changes=[app], cursor=1, more=False)],
       [app])

# 12
vector("cursor-not-handed-out-must-reset",
       "A cursor this server did not hand out answers 409 must-reset: one past the space's counter (\"5\"), "
       "one that is not a cursor (\"x\"), a bare counter value without its generation (servers before "
       "generations handed those out). The client drops its cursor and pulls from \"0\"; the handed-out "
       "cursor at position 1 still works.",
       [push([good], SITE_A, 1, body=ok(1, 1)),
        pull("5", status=409, error="must-reset"),
        pull("x", status=409, error="must-reset"),
        pull("1.", status=409, error="must-reset"),
        pull("1", changes=[], cursor=1, more=False)],
       [good])

# 13
low = change(1, "company", "Low", 1)
high = change(1, "company", "High", 2)
low2 = change(2, "company", "Low", 1)
high2 = change(2, "company", "High", 2)
vector("writes-to-one-field-within-a-batch",
       "Changes in a batch merge in order. High then low: the low write loses (one counter value). Low then high: "
       "both win in turn (two counter values), and the field is pulled once, with the high value.",
       [push([high, low], SITE_A, 1, body=ok(2, 1)),
        push([low2, high2], SITE_A, 2, body=ok(2, 3)),
        pull("0", changes=[high, high2], cursor=3, more=False)],
       [high, high2])

here = os.path.dirname(os.path.abspath(__file__))
for number, item in enumerate(VECTORS, 1):
    path = os.path.join(here, "%02d-%s.json" % (number, item["name"]))
    with open(path, "w") as handle:
        json.dump(item, handle, indent=2, sort_keys=False)
        handle.write("\n")
print("wrote %d vectors" % len(VECTORS))
