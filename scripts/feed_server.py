#!/usr/bin/env python3
"""Serves N invented RSS feeds on 127.0.0.1, one port per feed (as if each were its own
site), with ETag validators so unchanged feeds answer 304. For benchmarks and soak tests.

Usage: feed_server.py N FIRST_PORT [ITEMS_PER_FEED] [CHANGE_EVERY_SECONDS]
With CHANGE_EVERY_SECONDS, one feed in a hundred publishes a new item that often, so some
scheduler passes fetch and rebuild while the rest answer 304.
Prints "ready" once every port listens; logs nothing else. GET /feed.xml on each port;
GET /stats on the first port returns JSON counts of 200s and 304s per port, and the time
of every poll (seconds since the server started) under "times"; its X-Now header is the
server's time of the answer on the same clock.
"""
import hashlib, json, sys, threading, time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

n, first = int(sys.argv[1]), int(sys.argv[2])
items = int(sys.argv[3]) if len(sys.argv) > 3 else 5
change_every = float(sys.argv[4]) if len(sys.argv) > 4 else 0
stats = {}
lock = threading.Lock()
started = time.monotonic()


def feed(k, revision=0):
    parts = ['<?xml version="1.0"?><rss version="2.0"><channel>'
             f"<title>Feed {k}</title>"]
    if revision:
        parts.append(
            f"<item><guid>feed-{k}-rev-{revision}</guid><title>Update {revision} from district {k}</title>"
            f"<pubDate>30 Apr 2026 {revision // 60 % 24:02}:{revision % 60:02}:00 GMT</pubDate>"
            f"<description>Inspectors said on update {revision} that the levee could fail if "
            f"the rain continues.</description></item>")
    for i in range(items):
        parts.append(
            f"<item><guid>feed-{k}-item-{i}</guid><title>Report {i} from district {k}</title>"
            f"<pubDate>0{1 + i % 9} Mar 2026 0{i % 9}:00:00 GMT</pubDate>"
            f"<description>Officials in district {k} said the river could rise further this "
            f"week. The council should open the northern shelters early, inspectors said. "
            f"Item {i} notes that pumps number {i + 3} are ready.</description></item>")
    parts.append("</channel></rss>")
    body = "".join(parts).encode()
    return body, '"' + hashlib.sha1(body).hexdigest() + '"'


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def do_GET(self):
        port = self.server.server_address[1]
        if self.path == "/stats":
            with lock:
                body = json.dumps(stats).encode()
            self.send_response(200)
            # the server's clock, so a client can tell how long ago each feed's last poll was
            self.send_header("X-Now", str(round(time.monotonic() - started, 3)))
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        k = port - first
        revision = int((time.monotonic() - started) // change_every) if change_every and k % 100 == 0 else 0
        body, etag = feed(k, revision) if revision else self.server.feed
        with lock:
            s = stats.setdefault(str(port), {"200": 0, "304": 0, "times": []})
            s["times"].append(round(time.monotonic() - started, 3))
            hit = self.headers.get("If-None-Match") == etag
            s["304" if hit else "200"] += 1
        if hit:
            self.send_response(304)
            self.send_header("ETag", etag)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml")
        self.send_header("ETag", etag)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


servers = []
for k in range(n):
    s = ThreadingHTTPServer(("127.0.0.1", first + k), Handler)
    s.daemon_threads = True
    s.feed = feed(k)
    servers.append(s)
    threading.Thread(target=s.serve_forever, daemon=True).start()
print("ready", flush=True)
threading.Event().wait()
