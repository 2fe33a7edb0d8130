#!/usr/bin/env bash
# Run one incremental newscrawl crawl, unless a run of the same spider is still going.
#
#   deploy/newscrawl-crawl.sh SPIDER [scrapy crawl options: -a name=value, -s NAME=value …]
#
# Meant for cron and systemd timers (see docs/scheduling.md). Runs never overlap: the script
# takes an exclusive flock on a lock file and, if another run holds it, logs one line and exits
# 0 without starting a crawl. The lock is released by the kernel when the crawl ends, however
# it ends (even kill -9), so there is never a stale lock to clean up.
#
# Environment (all optional):
#   NEWSCRAWL_HOME        project checkout to run in (default: the folder above this script)
#   NEWSCRAWL_PYTHON      interpreter with newscrawl installed (default: $NEWSCRAWL_HOME/.venv/bin/python)
#   NEWSCRAWL_STATE_DIR   crawl state (default: $NEWSCRAWL_HOME/.newscrawl)
#   NEWSCRAWL_OUTPUT_DIR  per-run JSONL files (default: $NEWSCRAWL_HOME/output)
#   NEWSCRAWL_LOCK_FILE   the lock (default: $NEWSCRAWL_STATE_DIR/run-SPIDER.lock)
#   NEWSCRAWL_CONTACT     your URL or e-mail, put in the User-Agent: set it for real sites
set -euo pipefail

if [[ $# -lt 1 || $1 == -* ]]; then
    echo "usage: $0 SPIDER [scrapy crawl options]" >&2
    exit 64
fi
spider=$1
shift

home=${NEWSCRAWL_HOME:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}
python=${NEWSCRAWL_PYTHON:-$home/.venv/bin/python}
export NEWSCRAWL_STATE_DIR=${NEWSCRAWL_STATE_DIR:-$home/.newscrawl}
export NEWSCRAWL_OUTPUT_DIR=${NEWSCRAWL_OUTPUT_DIR:-$home/output}
lock=${NEWSCRAWL_LOCK_FILE:-$NEWSCRAWL_STATE_DIR/run-$spider.lock}

mkdir -p "$NEWSCRAWL_STATE_DIR" "$(dirname "$lock")"
exec 9>>"$lock"
if ! flock --nonblock 9; then
    echo "newscrawl-crawl: a $spider run still holds $lock; skipping this run" >&2
    exit 0
fi

cd "$home"
echo "newscrawl-crawl: starting $spider (state $NEWSCRAWL_STATE_DIR, output $NEWSCRAWL_OUTPUT_DIR)" >&2
# exec keeps descriptor 9, and so the lock, for exactly as long as the crawl runs.
exec "$python" -m scrapy crawl "$spider" "$@"
