#!/usr/bin/env python3
"""The sync client's speed: a new device running `folio sync` pulls 100,000 changes from a
folio-server into its replica (the issue's target: caught up in under 3 s), and how long a
caught-up device's next sync takes. Prints each figure and its ratio to the target.

usage: bench/sync-client-bench.py PATH/TO/folio PATH/TO/folio-server [CHANGES]
"""
import json, os, shutil, socket, subprocess, sys, tempfile, time, urllib.request, uuid

def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]

def call(url, path, body, token=None):
    request = urllib.request.Request(url + path, data=json.dumps(body).encode(), method="POST",
                                     headers={"Content-Type": "application/json"})
    if token:
        request.add_header("Authorization", "Bearer " + token)
    with urllib.request.urlopen(request, timeout=60) as reply:
        return json.loads(reply.read() or b"{}")

def seed(url, token, space, changes):
    """Notes of another device, two changes each (text, @cl), pushed in batches of 5000."""
    site, now = "00000000000000b2", int(time.time() * 1000) - 10_000
    batch = []
    for n in range(changes // 2):
        record, hlc = str(uuid.uuid4()), format((now << 16) | (n % 60000), "016x")
        for field, value in (("text", "note %d from another device" % n), ("@cl", 1)):
            batch.append({"id": record, "kind": "note", "parent": None, "field": field, "value": value,
                          "hlc": hlc, "site": site})
        if len(batch) >= 5000:
            call(url, "/v1/spaces/%s/push" % space, {"site": site, "batch_id": str(uuid.uuid4()), "changes": batch}, token)
            batch = []
    if batch:
        call(url, "/v1/spaces/%s/push" % space, {"site": site, "batch_id": str(uuid.uuid4()), "changes": batch}, token)

def timed(folio, args, env):
    start = time.monotonic()
    result = subprocess.run([folio] + args, env=env, capture_output=True, text=True)
    elapsed = time.monotonic() - start
    if result.returncode != 0:
        sys.exit("folio %s failed: %s" % (" ".join(args), result.stderr))
    return elapsed, result.stdout.strip()

def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    folio, server_bin = sys.argv[1], sys.argv[2]
    changes = int(sys.argv[3]) if len(sys.argv) > 3 else 100_000
    work = tempfile.mkdtemp(prefix="folio-sync-client-bench-")
    port = free_port()
    server = subprocess.Popen([server_bin, "serve", "--host", "127.0.0.1", "--port", str(port), "--db",
                               os.path.join(work, "server.sqlite"), "--log-level", "warning"], stdout=subprocess.DEVNULL)
    url = "http://127.0.0.1:%d" % port
    try:
        for _ in range(300):
            try:
                urllib.request.urlopen(url + "/health", timeout=1)
                break
            except OSError:
                time.sleep(0.1)
        auth = call(url, "/v1/auth/register", {"email": "bench@example.com", "password": "benchmark-pass", "device": "seeder"})
        seed(url, auth["token"], auth["space"], changes)
        env = dict(os.environ, FOLIO_CREDENTIALS=os.path.join(work, "credentials.json"), FOLIO_PASSWORD="benchmark-pass")
        store = ["--store", os.path.join(work, "device.sqlite")]
        timed(folio, ["login", "--server", url, "--email", "bench@example.com"] + store, env)
        pull, said = timed(folio, ["sync"] + store, env)
        print("sync-client: new device pulls %d changes with folio sync: %.2f s (%s); target 3 s: %.2fx the target"
              % (changes, pull, said, pull / 3.0))
        if os.environ.get("FOLIO_BENCH_PROFILE"):  # a perf profile of one more new device's sync
            timed(folio, ["login", "--server", url, "--email", "bench@example.com", "--store", os.path.join(work, "profiled.sqlite")], env)
            subprocess.run(["perf", "record", "-g", "-o", os.environ["FOLIO_BENCH_PROFILE"], folio, "sync",
                            "--store", os.path.join(work, "profiled.sqlite")], env=env, capture_output=True)
        again, said = timed(folio, ["sync"] + store, env)
        print("sync-client: a caught-up device syncs again: %.3f s (%s)" % (again, said))
    finally:
        server.terminate()
        server.wait()
        shutil.rmtree(work, ignore_errors=True)

if __name__ == "__main__":
    main()
