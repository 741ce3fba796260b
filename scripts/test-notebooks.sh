#!/usr/bin/env bash
# Execute every notebook in notebooks/ end to end with the tslab (TypeScript) Jupyter kernel and fail
# on any failing cell.
#
#   bash scripts/test-notebooks.sh            # run all notebooks into a temp folder (npm run test:notebooks)
#   bash scripts/test-notebooks.sh --update   # also write the executed notebooks back (refresh the committed outputs)
#   bash scripts/test-notebooks.sh notebooks/cdnow-walkthrough.ipynb   # only the notebooks named
#
# Needs Debian's jupyter-nbconvert and python3-ipykernel (installed here with apt-get when missing and
# running as root) and the tslab kernel registered with Jupyter (registered here when missing).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

update=0
notebooks=()
for arg in "$@"; do
  case "$arg" in
    --update) update=1 ;;
    -h|--help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "test-notebooks: unknown option $arg" >&2; exit 2 ;;
    *) notebooks+=("$arg") ;;
  esac
done
if [ ${#notebooks[@]} -eq 0 ]; then
  shopt -s nullglob
  notebooks=(notebooks/*.ipynb)
  shopt -u nullglob
fi
if [ ${#notebooks[@]} -eq 0 ]; then
  echo "test-notebooks: no notebooks found in notebooks/" >&2
  exit 1
fi

# Jupyter must run on Debian's Python: the first python3 on PATH may be another interpreter without it.
py=/usr/bin/python3

# 1. Jupyter (nbconvert) and the IPython kernel machinery, from Debian.
if ! command -v jupyter-nbconvert >/dev/null 2>&1 || ! "$py" -c 'import ipykernel' >/dev/null 2>&1; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "test-notebooks: installing jupyter-nbconvert and python3-ipykernel with apt-get" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq -o DPkg::Lock::Timeout=300 jupyter-nbconvert python3-ipykernel >/dev/null
  else
    echo "test-notebooks: jupyter-nbconvert (and python3-ipykernel) are needed to run the notebooks." >&2
    echo "  Install them as root:  apt-get install -y jupyter-nbconvert python3-ipykernel" >&2
    exit 1
  fi
fi

# 2. The tslab kernel. Its kernelspec starts the command `tslab`, found through PATH.
if [ ! -x node_modules/.bin/tslab ]; then
  echo "test-notebooks: node_modules/.bin/tslab is missing; run npm install (tslab is a devDependency)" >&2
  exit 1
fi
export PATH="$root/node_modules/.bin:$PATH"
has_tslab_kernel() {
  "$py" -c 'import sys; from jupyter_client.kernelspec import find_kernel_specs; sys.exit(0 if "tslab" in find_kernel_specs() else 1)'
}
if ! has_tslab_kernel; then
  echo "test-notebooks: registering the tslab kernel (npx tslab install --python=$py)" >&2
  npx --no-install tslab install --python="$py"
  has_tslab_kernel || { echo "test-notebooks: the tslab kernel is still not registered with Jupyter" >&2; exit 1; }
fi

# 3. The notebooks load clvkit as a package (`load('clvkit')`, `load('clvkit/report')`): its dist/ build.
[ -f dist/index.js ] && [ -f dist/report/index.js ] || npm run build >&2

# 4. Run each notebook. tsx's loader lets the kernel's Node process load the project's .ts sources; it is
# given as a file URL because the kernel starts in the notebook's folder, where `--import tsx` would not resolve.
tsx_loader="$(node --input-type=module -e "console.log(import.meta.resolve('tsx'))")"
export NODE_OPTIONS="--import $tsx_loader${NODE_OPTIONS:+ $NODE_OPTIONS}"
out="$(mktemp -d "${TMPDIR:-/tmp}/clvkit-notebooks.XXXXXX")"
trap 'rm -rf "$out"' EXIT

elapsed() { local ms=$(( ($(date +%s%N) - $1) / 1000000 )); printf '%d.%d s' $((ms / 1000)) $((ms % 1000 / 100)); }

# Print the error outputs and the stderr of the cells of an executed notebook (tslab writes a failing
# cell's message there); exit status 1 when there is any.
report_errors() {
  "$py" - "$1" <<'PY'
import json, sys
nb = json.load(open(sys.argv[1], encoding='utf-8'))
bad = 0
for i, cell in enumerate(nb['cells']):
    for o in cell.get('outputs', []):
        if o['output_type'] == 'error':
            text = f"{o.get('ename')}: {o.get('evalue')}"
        elif o['output_type'] == 'stream' and o.get('name') == 'stderr':
            text = ''.join(o['text']) if isinstance(o['text'], list) else o['text']
        else:
            continue
        bad += 1
        if bad <= 3:
            lines = text.strip().splitlines()
            print(f"  cell {i} (id {cell.get('id')}): " + '\n    '.join(lines[:15] + (['…'] if len(lines) > 15 else [])), file=sys.stderr)
sys.exit(1 if bad else 0)
PY
}

# What any viewer needs from an executed notebook: every chart output (SVG) carries a PNG rendition in
# the same output, every code cell has its execution count, and every relative link in the Markdown
# cells names a file that exists. Prints what is missing; exit status 1 when anything is.
check_viewable() { # executed notebook, source notebook (for relative links)
  "$py" - "$1" "$2" <<'PY'
import json, os, re, sys
nb = json.load(open(sys.argv[1], encoding='utf-8'))
base = os.path.dirname(os.path.abspath(sys.argv[2]))
problems = []
charts = 0
for i, cell in enumerate(nb['cells']):
    if cell['cell_type'] == 'code':
        if cell.get('execution_count') is None:
            problems.append(f'cell {i}: no execution count')
        for o in cell.get('outputs', []):
            data = o.get('data', {})
            if 'image/svg+xml' in data:
                charts += 1
                if 'image/png' not in data:
                    problems.append(f'cell {i}: a chart without a PNG rendition')
    elif cell['cell_type'] == 'markdown':
        text = ''.join(cell['source'])
        for target in re.findall(r'\]\(([^)#\s]+)', text) + re.findall(r'`((?:\.\./)*docs/[^`\s]+\.md)`', text):
            if re.match(r'^[a-z]+:', target):
                continue
            if not os.path.exists(os.path.join(base, target)):
                problems.append(f'cell {i}: link to {target}, which does not exist')
for p in problems[:10]:
    print('  ' + p, file=sys.stderr)
print(f'  {charts} charts, each with SVG and PNG' if not problems else f'  {len(problems)} problems', file=sys.stderr)
sys.exit(1 if problems else 0)
PY
}

# nbclient records a cell's execution count from the kernel's execute_input message, which tslab does not
# send (it gives the count only in its execute_reply); the cells ran top to bottom in one kernel, so their
# counts are 1, 2, 3, … in order: write them, and the same count on each execute_result.
number_cells() { # executed notebook
  "$py" - "$1" <<'PY'
import json, sys
path = sys.argv[1]
nb = json.load(open(path, encoding='utf-8'))
n = 0
for cell in nb['cells']:
    if cell['cell_type'] != 'code' or not ''.join(cell['source']).strip():
        continue
    n += 1
    if cell.get('execution_count') is None:
        cell['execution_count'] = n
    for o in cell.get('outputs', []):
        if o.get('output_type') == 'execute_result' and o.get('execution_count') is None:
            o['execution_count'] = cell['execution_count']
with open(path, 'w', encoding='utf-8') as f:
    json.dump(nb, f, indent=1, ensure_ascii=False)
    f.write('\n')
PY
}

execute() { # notebook, output name, extra nbconvert options...
  local nb="$1" name="$2"
  shift 2
  jupyter nbconvert --to notebook --execute "$nb" --output-dir "$out" --output "$name" \
    --ExecutePreprocessor.timeout=300 --ExecutePreprocessor.kernel_name=tslab \
    --ExecutePreprocessor.record_timing=False "$@"
}

failed=0
for nb in "${notebooks[@]}"; do
  name="$(basename "$nb")"
  start=$(date +%s%N)
  # No --allow-errors: nbconvert exits non-zero at the first cell that fails (tslab reports type errors
  # and exceptions as a failed execution). Then, belt and braces, the executed notebook must hold no
  # error output and nothing written to stderr.
  if execute "$nb" "$name" --log-level=WARN 2>"$out/log"; then
    number_cells "$out/$name"
    if report_errors "$out/$name" && check_viewable "$out/$name" "$nb"; then
      printf 'ok    %-40s %s\n' "$name" "$(elapsed "$start")"
      if [ "$update" -eq 1 ]; then cp "$out/$name" "$nb"; fi
    else
      printf 'FAIL  %-40s %s  (errors or outputs a viewer cannot show, above)\n' "$name" "$(elapsed "$start")"
      failed=$((failed + 1))
    fi
    continue
  fi
  printf 'FAIL  %-40s %s\n' "$name" "$(elapsed "$start")"
  failed=$((failed + 1))
  # nbconvert's message from the failing cell's source on (or the end of its log), without its traceback.
  if grep -q 'An error occurred while executing' "$out/log"; then
    sed -n '/An error occurred while executing/,$p' "$out/log" | grep -v '^<Error>: *$' | sed 's/^/  /' >&2
  else
    tail -n 15 "$out/log" | sed 's/^/  /' >&2
  fi
  # tslab gives nbconvert an empty error ("<Error>:") and prints the real one on the cell's stderr: run the
  # notebook again with --allow-errors, only to show that.
  if execute "$nb" "failed-$name" --allow-errors --log-level=ERROR >/dev/null 2>&1; then
    report_errors "$out/failed-$name" || true
  fi
done

if [ "$failed" -gt 0 ]; then
  echo "test-notebooks: $failed of ${#notebooks[@]} notebooks failed" >&2
  echo "notebooks: $(( ${#notebooks[@]} - failed )) passed, $failed failed"
  exit 1
fi
echo "test-notebooks: all ${#notebooks[@]} notebooks ran without errors"
echo "notebooks: ${#notebooks[@]} passed, 0 failed"
