#!/usr/bin/env bash
# Checks the GitHub workflows, which cannot run here:
# - against SchemaStore's github-workflow schema with action-validator (npm, @action-validator/cli,
#   installed into target/lint-tools on first use), which also checks globs and `needs`;
# - every action pinned to a full commit, with its version in a comment (`@<40 hex> # v1.2.3`);
# - every `run:` calls a script of the repo or Maven, so each step also runs on a laptop;
# - the scripts themselves with shellcheck where it is installed.
set -euo pipefail
cd "$(dirname "$0")/.."
tools=target/lint-tools
validator=$tools/node_modules/.bin/action-validator
if [[ ! -x $validator ]]; then
  command -v npm >/dev/null || { echo "lint-workflows: npm is needed (apt-get install npm)" >&2; exit 1; }
  npm install --silent --no-audit --no-fund --prefix "$tools" @action-validator/cli@0.6.0 @action-validator/core@0.6.0 >/dev/null
fi
status=0
for wf in .github/workflows/*.yml; do
  "$validator" "$wf" || { echo "lint-workflows: $wf does not match the workflow schema" >&2; status=1; }
  while IFS= read -r line; do
    [[ $line =~ uses:\ +[^@]+@[0-9a-f]{40}\ +#\ +v[0-9]+(\.[0-9]+)*$ ]] \
      || { echo "lint-workflows: $wf: not pinned to a commit with its version: $line" >&2; status=1; }
  done < <(grep -E '^\s*-?\s*uses:' "$wf")
  while IFS= read -r line; do
    [[ $line =~ run:\ +(bash\ \.ci/|mvn\ ) ]] \
      || { echo "lint-workflows: $wf: a step that is not a repo script or Maven: $line" >&2; status=1; }
  done < <(grep -E '^\s*-?\s*run:\s*\S' "$wf")
done
if command -v shellcheck >/dev/null; then
  shellcheck -S warning .ci/run .ci/*.sh tools/lint-workflows.sh || status=1
fi
[[ $status == 0 ]] && echo "lint-workflows: $(ls .github/workflows/*.yml | wc -l) workflow(s) OK"
exit $status
