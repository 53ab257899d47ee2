#!/usr/bin/env python3
"""A key store in Python whose state lives in PostgreSQL, reached through psql (standard library only).

POST or PUT /put?key=K   stores K (idempotent); answers 201 only once PostgreSQL has committed it, and
                         503 with Retry-After while the database is down (the client retries)
GET /health              200 once the table exists
The probes read PostgreSQL directly; the service keeps nothing in memory, so a kill costs it nothing.
Usage: python3 app.py --port PORT --db postgres://...
"""
import argparse
import subprocess
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

SCHEMA = "CREATE TABLE IF NOT EXISTS keys (key text PRIMARY KEY, stored_at timestamptz NOT NULL DEFAULT now())"
# psql fills :'key' as a quoted literal (stdin scripts only, not -c): no SQL injection by a key.
INSERT = "INSERT INTO keys (key) VALUES (:'key') ON CONFLICT (key) DO NOTHING;\n"


def psql(url, script, **variables):
    """Runs a script in one autocommit statement; True when PostgreSQL committed it."""
    argv = ["psql", url, "-X", "-q", "-v", "ON_ERROR_STOP=1"]
    for name, value in variables.items():
        argv += ["-v", f"{name}={value}"]
    done = subprocess.run(argv, input=script, text=True, capture_output=True, timeout=5)
    return done.returncode == 0


class Handler(BaseHTTPRequestHandler):
    db_url = ""

    def answer(self, status, text, headers=()):
        body = text.encode()
        self.send_response(status)
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def put(self):
        url = urlparse(self.path)
        key = (parse_qs(url.query).get("key") or [""])[0]
        if url.path != "/put" or not key:
            return self.answer(404, "PUT /put?key=K\n")
        try:
            stored = psql(self.db_url, INSERT, key=key)
        except subprocess.TimeoutExpired:
            stored = False
        if stored:
            self.answer(201, "stored\n")
        else:
            self.answer(503, "database unavailable\n", [("Retry-After", "1")])

    do_POST = put
    do_PUT = put

    def do_GET(self):
        self.answer(200, "ok\n") if self.path == "/health" else self.answer(404, "not found\n")

    def log_message(self, *args):
        pass


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--db", required=True)
    args = parser.parse_args()
    while not psql(args.db, SCHEMA + ";\n"):  # the database may be restarting: wait for it
        time.sleep(0.2)
    Handler.db_url = args.db
    server = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    print(f"listening on {args.port}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
