#!/usr/bin/env bash
# The second held-out set: see holdout_eval.sh.
exec bash "$(dirname "$0")/holdout_eval.sh" holdout2 "$@"
