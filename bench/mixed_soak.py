#!/usr/bin/env python3
"""Mixed-load soak: does lectern-server's resident memory level off under a mix of writes?

    bench/mixed_soak.py [PATH/TO/lectern-server]      (default build/release/server/lectern-server)

Starts the server on a fresh SQLite data folder with the demo organisation and courses, and for
MINUTES (default 30) keeps WORKERS threads (default 8, each with its own keep-alive connection)
busy with what a school day looks like: instructors create, rename, edit and delete modules and
lessons over REST and by sync push, students record progress and pull, everyone lists courses,
opens outlines and searches. Every SAMPLE seconds it reads the server's VmRSS from /proc.

At the end it prints the samples per tenth of the run and judges the curve: memory has levelled
off when the peak of the last fifth of the run is within LEVEL_PERCENT (default 5 %) of the peak of
the fifth before it, and every peak is under BUDGET_MIB (default 128). Exit 0 when both hold, 1
otherwise, 2 when the run could not start. Any 4xx or 5xx answer is counted and fails the run too
(access tokens are refreshed as the desktop client does).

Loopback only; bounded in time; stops by itself. Environment: MINUTES, WORKERS, SAMPLE, PORT
(18520), BUDGET_MIB, LEVEL_PERCENT, KEEP=1 (keep the work folder).
"""

import http.client
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import uuid

SERVER = sys.argv[1] if len(sys.argv) > 1 else "build/release/server/lectern-server"
MINUTES = float(os.environ.get("MINUTES", "30"))
WORKERS = int(os.environ.get("WORKERS", "8"))
SAMPLE = float(os.environ.get("SAMPLE", "5"))
PORT = int(os.environ.get("PORT", "18520"))
BUDGET_MIB = float(os.environ.get("BUDGET_MIB", "128"))
LEVEL_PERCENT = float(os.environ.get("LEVEL_PERCENT", "5"))
PASSWORD = "lectern-demo"


class Client:
    """One keep-alive connection, as one person."""

    def __init__(self, email=None):
        self.conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=30)
        self.token = None
        self.refresh_token = None
        if email:
            body = self.call("POST", "/api/v1/auth/login", {"email": email, "password": PASSWORD})
            self.token = body["data"]["accessToken"]
            self.refresh_token = body["data"]["refreshToken"]

    def call(self, method, path, body=None):
        status, answer = self.send(method, path, body)
        if status == 401 and self.refresh_token:
            # Access tokens are short-lived: refresh as the desktop client does, then retry.
            self.token = None
            refreshed = self.send("POST", "/api/v1/auth/refresh",
                                  {"refreshToken": self.refresh_token})[1]
            self.token = refreshed["data"]["accessToken"]
            self.refresh_token = refreshed["data"]["refreshToken"]
            status, answer = self.send(method, path, body)
        Stats.count(status)
        return answer

    def send(self, method, path, body=None):
        headers = {"Content-Type": "application/json"}
        if self.token:
            headers["Authorization"] = "Bearer " + self.token
        data = json.dumps(body).encode() if body is not None else None
        for attempt in range(2):
            try:
                self.conn.request(method, path, body=data, headers=headers)
                response = self.conn.getresponse()
                raw = response.read()
                break
            except (http.client.HTTPException, ConnectionError, OSError):
                self.conn.close()
                self.conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=30)
                if attempt == 1:
                    raise
        return response.status, (json.loads(raw) if raw else {})


class Stats:
    lock = threading.Lock()
    requests = 0
    by_status = {}

    @classmethod
    def count(cls, status):
        with cls.lock:
            cls.requests += 1
            cls.by_status[status] = cls.by_status.get(status, 0) + 1


def rss_kib(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def courses_of(client):
    return [c["id"] for c in client.call("GET", "/api/v1/courses?limit=50").get("data", [])]


def first_lesson(client, course):
    outline = client.call("GET", f"/api/v1/courses/{course}").get("data", {})
    for module in outline.get("modules", []):
        for item in module.get("items", module.get("contents", [])):
            if item.get("type") == "lesson":
                return item["id"]
    return None


def instructor_work(stop, seed, me):
    rng = random.Random(seed)
    course = courses_of(me)[0]
    device = str(uuid.uuid4())
    seq = 0
    while not stop.is_set():
        action = rng.random()
        if action < 0.5:
            # REST: a module with a lesson, edited, then removed (the course does not grow for ever).
            module = me.call("POST", f"/api/v1/courses/{course}/modules",
                             {"title": f"Soak module {rng.randrange(10**6)}"}).get("data", {}).get("id")
            if not module:
                continue
            lesson = me.call("POST", f"/api/v1/modules/{module}/contents",
                             {"type": "lesson", "title": "Soak lesson",
                              "body": "# Soak\n\n" + "Text of the lesson. " * rng.randrange(5, 200)}
                             ).get("data", {}).get("id")
            me.call("PUT", f"/api/v1/modules/{module}", {"title": "Renamed soak module"})
            if lesson:
                me.call("PUT", f"/api/v1/contents/{lesson}", {"body": "Edited " * rng.randrange(1, 500)})
            me.call("DELETE", f"/api/v1/modules/{module}")
        else:
            # Sync: a few modules made offline, pushed in one batch, then deleted by op.
            ops = []
            made = []
            for _ in range(rng.randrange(1, 20)):
                seq += 1
                module = str(uuid.uuid4())
                made.append(module)
                ops.append({"opId": str(uuid.uuid4()), "deviceSeq": seq,
                            "hlc": f"{int(time.time() * 1000):012x}-{seq % 10**6:06d}-soak",
                            "entity": "module", "entityId": module, "kind": "create", "baseRev": None,
                            "patch": {"courseId": {"new": course}, "title": {"new": "Pushed module"}}})
            me.call("POST", "/api/v1/sync/push", {"deviceId": device, "ops": ops})
            for module in made:
                me.call("DELETE", f"/api/v1/modules/{module}")


def student_work(stop, seed, me):
    rng = random.Random(seed)
    courses = courses_of(me)
    lessons = [lesson for lesson in (first_lesson(me, c) for c in courses) if lesson]
    cursor = 0
    while not stop.is_set():
        action = rng.random()
        if action < 0.4 and lessons:
            me.call("POST", f"/api/v1/contents/{rng.choice(lessons)}/progress",
                    {"kind": "position", "position": round(rng.random(), 2),
                     "seconds": rng.randrange(1, 120)})
        elif action < 0.6:
            page = me.call("GET", f"/api/v1/sync/pull?cursor={cursor}")
            cursor = page.get("data", {}).get("cursor", cursor) if rng.random() < 0.9 else 0
        elif action < 0.8 and courses:
            me.call("GET", f"/api/v1/courses/{rng.choice(courses)}")
        else:
            me.call("GET", "/api/v1/search?q=" + rng.choice(["cell", "energy", "essay", "data", "zz"]))


def admin_work(stop, seed, me):
    rng = random.Random(seed)
    while not stop.is_set():
        action = rng.random()
        if action < 0.4:
            me.call("GET", "/api/v1/courses?limit=20")
        elif action < 0.7:
            me.call("GET", "/api/v1/users?limit=50&q=" + rng.choice(["student", "demo", "x"]))
        else:
            me.call("GET", "/api/v1/cohorts")


def main():
    if not os.access(SERVER, os.X_OK):
        print(f"mixed_soak: no lectern-server at {SERVER} (build the release preset first)",
              file=sys.stderr)
        return 2
    work = tempfile.mkdtemp(prefix="lectern-soak-")
    log = open(os.path.join(work, "server.log"), "w")
    server = subprocess.Popen([SERVER, "--data-dir", os.path.join(work, "data"),
                               "--listen", f"127.0.0.1:{PORT}", "--demo", "--demo-courses"],
                              stdout=log, stderr=subprocess.STDOUT,
                              env=dict(os.environ, LECTERN_LOG_FORMAT="text"))
    try:
        for _ in range(100):
            try:
                Client().call("GET", "/healthz")
                break
            except OSError:
                time.sleep(0.1)
        stop = threading.Event()
        # Everyone logs in first: a login verifies an argon2id hash, which takes 64 MiB for a
        # moment by design; the soak measures what the work costs, not the logins.
        students = ["student1@demo.lectern", "student2@demo.lectern", "student3@demo.lectern"]
        people = []
        for i in range(max(1, WORKERS // 4)):
            people.append(lambda s=stop, i=i, c=Client("instructor@demo.lectern"):
                          instructor_work(s, i, c))
        for i in range(max(1, WORKERS // 2)):
            people.append(lambda s=stop, i=i, c=Client(students[i % 3]):
                          student_work(s, 100 + i, c))
        for i in range(max(1, WORKERS - len(people))):
            people.append(lambda s=stop, i=i, c=Client("admin@demo.lectern"):
                          admin_work(s, 200 + i, c))
        errors = []

        def run(work_of):
            try:
                work_of()
            except Exception as error:  # a worker that dies is a finding, not a crash of the soak
                errors.append(repr(error))

        threads = [threading.Thread(target=run, args=(p,), daemon=True) for p in people]
        start = time.monotonic()
        samples = [(0.0, rss_kib(server.pid))]
        for thread in threads:
            thread.start()
        end = start + MINUTES * 60
        while time.monotonic() < end and server.poll() is None:
            time.sleep(min(SAMPLE, max(0.0, end - time.monotonic())))
            samples.append((time.monotonic() - start, rss_kib(server.pid)))
            if len(samples) % max(1, int(60 / SAMPLE)) == 0:
                print(f"  {samples[-1][0] / 60:5.1f} min  {samples[-1][1] / 1024:6.1f} MiB  "
                      f"{Stats.requests:8d} requests", flush=True)
        stop.set()
        for thread in threads:
            thread.join(timeout=35)
        if server.poll() is not None:
            print(f"mixed_soak: the server exited with {server.returncode}", file=sys.stderr)
            return 1

        tenths = [[] for _ in range(10)]
        for at, kib in samples:
            tenths[min(9, int(at / (MINUTES * 60) * 10))].append(kib)
        print(f"{Stats.requests} requests in {MINUTES:g} min with {len(threads)} workers;"
              f" statuses {dict(sorted(Stats.by_status.items()))}")
        print("resident memory, peak per tenth of the run (MiB):")
        print("  " + "  ".join(f"{max(t) / 1024:.1f}" if t else "-" for t in tenths))
        fifths = [tenths[2 * i] + tenths[2 * i + 1] for i in range(5)]
        last, before = max(fifths[4] or [0]), max(fifths[3] or [0])
        growth = (last - before) / before * 100 if before else 0.0
        peak = max(kib for _, kib in samples) / 1024
        server_errors = sum(n for status, n in Stats.by_status.items() if status >= 500)
        # Every request of the mix is one the server should grant: a 4xx is a finding too.
        refused = sum(n for status, n in Stats.by_status.items() if 400 <= status < 500)
        levelled = growth <= LEVEL_PERCENT
        print(f"last fifth's peak {last / 1024:.1f} MiB vs the fifth before {before / 1024:.1f} MiB:"
              f" {growth:+.1f} % (levelled off: within {LEVEL_PERCENT:g} %: "
              f"{'yes' if levelled else 'no'}); peak {peak:.1f} MiB (budget {BUDGET_MIB:g} MiB);"
              f" 5xx answers {server_errors}; 4xx answers {refused}; workers that failed {len(errors)}")
        for error in errors[:5]:
            print("  worker error:", error)
        return 0 if levelled and peak <= BUDGET_MIB and server_errors == 0 and refused == 0 and not errors else 1
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()
        if os.environ.get("KEEP") == "1":
            print("work folder kept:", work)
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
