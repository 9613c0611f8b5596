"""Runs one command and prints its wall time, CPU time and peak memory as one JSON line.

Used by bench/measure.mjs: python3 bench/rusage.py STDOUT_FILE -- COMMAND [ARG...]

The clock starts just before the child is spawned and stops when wait4() returns it, so this
wrapper's own start-up is not counted. CPU time and peak RSS come from wait4()'s rusage of that
one child (Linux reports ru_maxrss in KiB). The child's stdin is inherited (the caller passes
/dev/null), its stdout goes to STDOUT_FILE, its stderr is inherited.
"""
import json
import os
import sys
import time


def main(argv):
    if len(argv) < 3 or argv[1] != "--":
        print("usage: rusage.py STDOUT_FILE -- COMMAND [ARG...]", file=sys.stderr)
        return 2
    stdout_file, command = argv[0], argv[2:]
    out = os.open(stdout_file, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    actions = [(os.POSIX_SPAWN_DUP2, out, 1), (os.POSIX_SPAWN_CLOSE, out)]
    start = time.perf_counter_ns()
    pid = os.posix_spawnp(command[0], command, os.environ, file_actions=actions)
    _, status, usage = os.wait4(pid, 0)
    wall_ns = time.perf_counter_ns() - start
    os.close(out)
    exit_code = os.waitstatus_to_exitcode(status)
    print(json.dumps({
        "wallSeconds": wall_ns / 1e9,
        "userSeconds": usage.ru_utime,
        "systemSeconds": usage.ru_stime,
        "peakRssKiB": usage.ru_maxrss,
        "exitCode": exit_code if exit_code >= 0 else None,
        "signal": -exit_code if exit_code < 0 else None,
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
