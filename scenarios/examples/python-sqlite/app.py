#!/usr/bin/env python3
"""A crash-only key store in Python (standard library only), for crashtest's worked example.

PUT or POST /put?key=K   stores K (idempotent: the same key twice is one key); answers 201 only after the
                         transaction is committed to SQLite (WAL, synchronous=FULL): an acknowledged key
                         survives a kill -9 at any instant.
GET /keys                every stored key, one per line (the no_loss probe)
GET /stats               {"keys": n, "indexed": n, "pending": n} (progress and converge probes)
GET /health              200 once the store is open

A background indexer marks stored keys "indexed" in small transactions; its queue is the table itself, so
a restart simply continues where the killed process stopped. There is no shutdown code: stopping is crashing.
Usage: python3 app.py --port PORT --db FILE
"""
import argparse
import json
import sqlite3
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse


def connect(path):
    db = sqlite3.connect(path, timeout=10, isolation_level=None, check_same_thread=False)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=FULL")
    return db


def open_store(path):
    db = connect(path)
    db.execute("CREATE TABLE IF NOT EXISTS keys (key TEXT PRIMARY KEY, indexed INTEGER NOT NULL DEFAULT 0)")
    return db


def index_forever(path):
    """Marks pending keys indexed, a few per transaction; what a kill interrupts is simply redone."""
    db = connect(path)
    while True:
        db.execute("BEGIN IMMEDIATE")
        db.execute("UPDATE keys SET indexed = 1 WHERE key IN (SELECT key FROM keys WHERE indexed = 0 LIMIT 20)")
        db.execute("COMMIT")
        time.sleep(0.05)


class Handler(BaseHTTPRequestHandler):
    store_path = ""

    def answer(self, status, text, kind="text/plain"):
        body = text.encode()
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def put(self):
        url = urlparse(self.path)
        if url.path != "/put":
            return self.answer(404, "not found\n")
        key = (parse_qs(url.query).get("key") or [self.headers.get("Idempotency-Key", "")])[0]
        if not key:
            return self.answer(400, "a key is needed: /put?key=K\n")
        db = connect(self.store_path)
        try:
            # The answer comes after the commit: acknowledged means durable.
            db.execute("INSERT INTO keys (key) VALUES (?) ON CONFLICT (key) DO NOTHING", (key,))
        finally:
            db.close()
        self.answer(201, "stored\n")

    do_POST = put
    do_PUT = put

    def do_GET(self):
        path = urlparse(self.path).path
        if path == "/put":
            return self.put()
        if path == "/health":
            return self.answer(200, "ok\n")
        db = connect(self.store_path)
        try:
            if path == "/keys":
                rows = db.execute("SELECT key FROM keys ORDER BY key").fetchall()
                return self.answer(200, "".join(f"{key}\n" for (key,) in rows))
            if path == "/stats":
                total, indexed = db.execute("SELECT COUNT(*), COALESCE(SUM(indexed), 0) FROM keys").fetchone()
                stats = {"keys": total, "indexed": indexed, "pending": total - indexed}
                return self.answer(200, json.dumps(stats) + "\n", "application/json")
        finally:
            db.close()
        self.answer(404, "not found\n")

    def log_message(self, *args):
        pass  # one line per request would drown the log


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--db", required=True)
    args = parser.parse_args()
    open_store(args.db).close()
    Handler.store_path = args.db
    threading.Thread(target=index_forever, args=(args.db,), daemon=True).start()
    server = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    print(f"listening on {args.port}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
