#!/usr/bin/env python3
"""Serves N invented RSS feeds on 127.0.0.1, one port per feed (as if each were its own
site), with ETag validators so unchanged feeds answer 304. For benchmarks and soak tests.

Usage: feed_server.py N FIRST_PORT [ITEMS_PER_FEED]
Prints "ready" once every port listens; logs nothing else. GET /feed.xml on each port;
GET /stats on the first port returns JSON counts of 200s and 304s per port.
"""
import hashlib, json, sys, threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

n, first = int(sys.argv[1]), int(sys.argv[2])
items = int(sys.argv[3]) if len(sys.argv) > 3 else 5
stats = {}
lock = threading.Lock()


def feed(k):
    parts = ['<?xml version="1.0"?><rss version="2.0"><channel>'
             f"<title>Feed {k}</title>"]
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
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        body, etag = self.server.feed
        with lock:
            s = stats.setdefault(str(port), {"200": 0, "304": 0})
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
