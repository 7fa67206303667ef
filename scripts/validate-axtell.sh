#!/usr/bin/env bash
# Reproduces the figures of docs/VALIDATION.md: the Axtell replication at 1,000,000 persons
# (seeds 1-3), its dependence on scale (100 thousand and 10 million persons) and on the update
# scheme (substeps 1, 4, 16 and one-at-a-time). About 10-15 minutes on 2 cores.
#   scripts/validate-axtell.sh [OUTDIR]     (default runs/validation)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="${1:-$ROOT/runs/validation}"
mkdir -p "$OUT"
run() {  # name, then run flags
  local name="$1"; shift
  if [ ! -f "$OUT/$name/summary.json" ]; then
    echo "== $name: $*" >&2
    "$ROOT/ownerscape" run --preset axtell --months 600 --burn-in 0 --threads 2 --out "$OUT/$name" "$@" >&2
  fi
}
for s in 1 2 3; do run "n1m-k4-s$s" --persons 1000000 --seed "$s"; done
for s in 1 2 3; do run "n100k-k4-s$s" --persons 100000 --seed "$s"; done
run "n1m-k1-s1" --persons 1000000 --seed 1 --substeps 1
run "n1m-k16-s1" --persons 1000000 --seed 1 --substeps 16
run "n1m-seq-s1" --persons 1000000 --seed 1 --sequential
run "n10m-k4-s1" --persons 10000000 --seed 1
python3 - "$OUT" <<'PY'
import json, os, sys, statistics
out = sys.argv[1]
runs = {d: json.load(open(os.path.join(out, d, "summary.json")))
        for d in sorted(os.listdir(out)) if os.path.isfile(os.path.join(out, d, "summary.json"))}
classes = ["1-4", "5-9", "10-19", "20-99", "100-499", "500+"]
def row(name, s):
    p = s["parameters"]
    scheme = "sequential" if p["sequential"] else f"substeps {p['substeps']}"
    return (f"| {name} | {s['persons']:,} | {s['seed']} | {scheme} | {s['zipf_alpha']:.3f} | {s['zipf_smin']} | "
            f"{s['mean_employer_firm_size']:.1f} | {s['largest_firm']:,} | {s['job_to_job_rate']:.4f} | "
            f"{s['size_classes']['500+']['employment_share']:.3f} | {s['seconds']:.0f} |")
print("| run | persons | seed | scheme | zipf_alpha | zipf_smin | mean employer size | largest firm | job-to-job / month | 500+ employment share | seconds |")
print("|---|---|---|---|---|---|---|---|---|---|---|")
for name, s in runs.items():
    print(row(name, s))
print()
print("| size class | " + " | ".join(f"firms {n}" for n in runs) + " | SUSB firms |")
print("|---|" + "---|" * (len(runs) + 1))
any_run = next(iter(runs.values()))
for c in classes:
    vals = " | ".join(f"{100 * s['size_classes'][c]['firm_share']:.1f}%" for s in runs.values())
    print(f"| {c} | {vals} | {100 * any_run['size_classes'][c]['susb_firm_share']:.1f}% |")
print()
print("| size class | " + " | ".join(f"employment {n}" for n in runs) + " | SUSB employment |")
print("|---|" + "---|" * (len(runs) + 1))
for c in classes:
    vals = " | ".join(f"{100 * s['size_classes'][c]['employment_share']:.1f}%" for s in runs.values())
    print(f"| {c} | {vals} | {100 * any_run['size_classes'][c]['susb_employment_share']:.1f}% |")
PY
