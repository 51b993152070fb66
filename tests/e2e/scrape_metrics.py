#!/usr/bin/env python3
"""Scrapes a sample's /metrics endpoint as a Prometheus server would.

    scrape_metrics.py DUMP_METRICS

Starts `DUMP_METRICS --serve` (it serves the service's registry with
prometheus::Exposer on 127.0.0.1, on a port the system picks, and prints
"port PORT"), fetches http://127.0.0.1:PORT/metrics over HTTP, closes the
server's standard input so it exits, and prints what was served: the
exposer's own families (exposer_*: bytes sent, scrapes, latencies of this
very request) left out, wall-clock values (*_seconds_sum, and the
*_seconds_bucket counts below +Inf) printed as `elapsed` as dump_metrics
does, lines sorted (families are served in
registration order, which the migration changes). Every step is bounded
in time; a failure exits 1 with what went wrong.
"""
import subprocess
import sys
import threading
import urllib.request

START_SECONDS = 30
FETCH_SECONDS = 10


def fail(message, server=None):
    if server is not None and server.poll() is None:
        server.kill()
    sys.exit(f"scrape_metrics.py: {message}")


def metric_name(line):
    if line.startswith("# HELP ") or line.startswith("# TYPE "):
        return line.split(" ")[2]
    end = min((i for i in (line.find("{"), line.find(" ")) if i >= 0), default=len(line))
    return line[:end]


def normalize(line):
    name = metric_name(line)
    if line.startswith("#"):
        return line
    wall_clock = name.endswith("_seconds_sum") or (
        name.endswith("_seconds_bucket") and 'le="+Inf"' not in line)
    if not wall_clock:
        return line
    head, _, _ = line.rpartition(" ")
    return f"{head} elapsed"


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    server = subprocess.Popen([sys.argv[1], "--serve"], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    first = []
    reader = threading.Thread(target=lambda: first.append(server.stdout.readline()), daemon=True)
    reader.start()
    reader.join(START_SECONDS)
    if not first or not first[0].startswith("port "):
        fail(f"no 'port N' line from {sys.argv[1]} --serve within {START_SECONDS} s "
             f"(got {first[0].strip() if first else 'nothing'!r})", server)
    port = int(first[0].split()[1])
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics",
                                    timeout=FETCH_SECONDS) as response:
            body = response.read().decode()
    except OSError as e:
        fail(f"GET http://127.0.0.1:{port}/metrics: {e}", server)
    server.stdin.close()
    try:
        server.wait(FETCH_SECONDS)
    except subprocess.TimeoutExpired:
        fail("the server did not stop when its input closed", server)
    lines = [normalize(line) for line in body.splitlines()
             if line and not metric_name(line).startswith("exposer_")]
    sys.stdout.write("".join(line + "\n" for line in sorted(lines)))


if __name__ == "__main__":
    main()
