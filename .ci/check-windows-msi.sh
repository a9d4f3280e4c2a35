#!/usr/bin/env bash
# Windows (Git Bash, as administrator): installs target/dist/Portside-*.msi quietly, checks the
# install folder holds Portside.exe (the window) and portside.com (the console), runs the installed
# portside.com through smoke-launcher.sh, uninstalls and checks the folder is gone. Run by
# `.ci/package.sh --install`. It changes the machine: meant for CI runners and test machines.
set -euo pipefail
cd "$(dirname "$0")/.."
fail() { echo "check-windows-msi: $*" >&2; exit 1; }
msi=$(ls target/dist/Portside-*.msi)
dir="$(cygpath -u "${PROGRAMFILES:-C:\\Program Files}")/Portside"
[[ ! -e $dir ]] || fail "$dir exists already; uninstall Portside first"
# msiexec's own switches start with "/": keep Git Bash from turning them into paths.
MSYS_NO_PATHCONV=1 powershell.exe -NoProfile -Command \
  "\$p = Start-Process msiexec.exe -ArgumentList '/i','$(cygpath -w "$msi")','/qn','/norestart','/l*v','$(cygpath -w "$PWD/target/dist/msi-install.log")' -Wait -PassThru; exit \$p.ExitCode" \
  || fail "msiexec /i exited $? (target/dist/msi-install.log)"
for f in Portside.exe portside.com app/Portside.cfg runtime/bin/java.exe; do
  [[ -f $dir/$f ]] || fail "the installed folder lacks $f"
done
bash .ci/smoke-launcher.sh "$dir/portside.com"
MSYS_NO_PATHCONV=1 powershell.exe -NoProfile -Command \
  "\$p = Start-Process msiexec.exe -ArgumentList '/x','$(cygpath -w "$msi")','/qn','/norestart' -Wait -PassThru; exit \$p.ExitCode" \
  || fail "msiexec /x exited $?"
[[ ! -e $dir/Portside.exe ]] || fail "uninstalling left $dir"
echo "check-windows-msi: installed, ran $dir/portside.com, uninstalled"
