#!/usr/bin/env python3
"""The store's consistency checker, as checkers in the wild are: prints one line per violation and exits 1
when it found any, 0 when the store is sound, 2 when it could not check (a probe error, not a violation).
Usage: python3 check.py FILE"""
import sqlite3
import sys

try:
    db = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True, timeout=5)
    problems = [row for (row,) in db.execute("PRAGMA integrity_check") if row != "ok"]
    problems += [f"key {key!r}: indexed is {value!r}, expected 0 or 1"
                 for key, value in db.execute("SELECT key, indexed FROM keys WHERE indexed NOT IN (0, 1)")]
    problems += ["an empty key is stored" for _ in db.execute("SELECT 1 FROM keys WHERE key = ''")]
except sqlite3.Error as error:
    print(f"cannot check {sys.argv[1]}: {error}", file=sys.stderr)
    sys.exit(2)
for problem in problems:
    print(problem)
sys.exit(1 if problems else 0)
