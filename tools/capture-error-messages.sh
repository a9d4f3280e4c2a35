#!/usr/bin/env bash
# Captures the error messages real tools print for "address already in use", "connection refused"
# and "permission denied", for the diagnosis tests (src/test/resources/dev/portside/diagnose/).
#
#   tools/capture-error-messages.sh > src/test/resources/dev/portside/diagnose/captured-messages.txt
#
# Runs as root in a private network namespace (unshare -n: only a loopback, nothing of the machine's
# sockets is touched), holds a few ports with Python, then runs each tool against a held port or a
# free one. Tools that are not installed are skipped. Needs: node (and `npm install vite@5` in
# $VITE_DIR for the Vite case), python3, curl, wget, psql, postgres, redis-cli, redis-server, mysql
# (MariaDB client), nginx, ruby, go, php, ssh, java. Each block in the output is
#   ### name
#   # expect: port=N symptom=S        (port=none when the message names no port; "assumed" when
#                                     Portside takes the tool's usual port because the message names none)
#   # tool: the tool's version
#   the message, as the tool printed it
set -euo pipefail

if [[ ${1:-} != --inside ]]; then
  [[ $(id -u) -eq 0 ]] || { echo "capture-error-messages.sh: needs root (unshare -n, setpriv)" >&2; exit 1; }
  exec unshare --net -- "$0" --inside
fi

ip link set lo up
work=$(mktemp -d)
chmod 755 "$work"
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
VITE_DIR=${VITE_DIR:-/tmp/cap/vite}
nobody=(setpriv --reuid=65534 --regid=65534 --clear-groups)

# Holds TCP ports on :: (dual-stack) until killed: the "address already in use" cases.
hold() {
  /usr/bin/python3 - "$@" <<'PY' &
import socket, sys, time
held = []
for p in sys.argv[1:]:
    s = socket.socket(socket.AF_INET6)
    s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0)
    s.bind(("::", int(p)))
    s.listen()
    held.append(s)
time.sleep(3600)
PY
}
hold 3000 5000 5173 5432 6379 8000 8080 8081 3306
# wait until the holder listens
for _ in $(seq 50); do ss -Hltn 'sport = :8081' | grep -q . && break; sleep 0.1; done

have() { command -v "$1" >/dev/null 2>&1; }

# cap NAME EXPECT VERSION COMMAND...: runs the command (20 s at most) and prints its block.
cap() {
  local name=$1 expect=$2 version=$3
  shift 3
  local out
  out=$(cd "$work" && timeout 20 "$@" 2>&1 || true)
  printf '### %s\n# expect: %s\n# tool: %s\n%s\n\n' "$name" "$expect" "$version" "$out"
}

if have node; then
  v="node $(node --version)"
  cap "node listen EADDRINUSE" "port=3000 symptom=in-use" "$v" node -e "require('http').createServer().listen(3000)"
  cap "node http.get ECONNREFUSED" "port=3001 symptom=refused" "$v" node -e "require('http').get('http://localhost:3001/')"
  cap "node fetch failed, cause ECONNREFUSED" "port=3001 symptom=refused" "$v" \
    node -e "fetch('http://localhost:3001/api').catch(e => console.error(e))"
  cap "node connect ECONNREFUSED ::1" "port=3001 symptom=refused" "$v" node -e "require('net').connect(3001, '::1')"
  cap "node listen EACCES as an ordinary user" "port=80 symptom=permission-denied" "$v" \
    "${nobody[@]}" node -e "require('http').createServer().listen(80)"
  if [[ -x $VITE_DIR/node_modules/.bin/vite ]]; then
    v="vite $("$VITE_DIR/node_modules/.bin/vite" --version)"
    cap "vite strictPort in use" "port=5173 symptom=in-use" "$v" \
      bash -c "cd '$VITE_DIR' && NO_COLOR=1 timeout 8 node_modules/.bin/vite --port 5173 --strictPort </dev/null"
    # Vite moves on to the next free port: only the first lines matter (it keeps running).
    cap "vite moves to the next port" "port=5173 symptom=in-use" "$v" \
      bash -c "cd '$VITE_DIR' && (NO_COLOR=1 timeout 6 node_modules/.bin/vite --port 5173 </dev/null || true) | sed -n '1,8p'"
  fi
fi

if [[ -x /usr/bin/python3 ]]; then
  v="python $(/usr/bin/python3 --version 2>&1 | cut -d' ' -f2)"
  cap "python http.server in use" "port=none symptom=in-use" "$v" /usr/bin/python3 -m http.server 8000
  cap "python asyncio create_server in use" "port=8000 symptom=in-use" "$v" /usr/bin/python3 -c "
import asyncio
async def main():
    await asyncio.start_server(lambda r, w: None, '127.0.0.1', 8000)
asyncio.run(main())"
  cap "python urllib refused" "port=none symptom=refused" "$v" /usr/bin/python3 -c "
import urllib.request; urllib.request.urlopen('http://localhost:8001/')"
  cap "python asyncio open_connection refused" "port=8001 symptom=refused" "$v" /usr/bin/python3 -c "
import asyncio
asyncio.run(asyncio.open_connection('127.0.0.1', 8001))"
  cap "python http.client refused" "port=none symptom=refused" "$v" /usr/bin/python3 -c "
import http.client; c = http.client.HTTPConnection('localhost', 8001); c.request('GET', '/')"
  cap "python bind as an ordinary user" "port=none symptom=permission-denied" "$v" \
    "${nobody[@]}" /usr/bin/python3 -c "
import socket; s = socket.socket(); s.bind(('0.0.0.0', 80))"
  cap "python asyncio bind as an ordinary user" "port=80 symptom=permission-denied" "$v" \
    "${nobody[@]}" /usr/bin/python3 -c "
import asyncio
async def main():
    await asyncio.start_server(lambda r, w: None, '0.0.0.0', 80)
asyncio.run(main())"
fi

if /usr/bin/python3 -c 'import flask' 2>/dev/null; then
  v="flask $(/usr/bin/python3 -c 'import flask; print(flask.__version__)')"
  printf 'from flask import Flask\napp = Flask(__name__)\n' >"$work/app.py"
  cap "flask run in use" "port=5000 symptom=in-use" "$v" bash -c "cd '$work' && /usr/bin/python3 -m flask run --port 5000"
fi
if /usr/bin/python3 -c 'import django' 2>/dev/null; then
  v="django $(/usr/bin/python3 -c 'import django; print(django.get_version())')"
  (cd "$work" && /usr/bin/python3 -m django startproject site1 >/dev/null 2>&1)
  cap "django runserver in use" "port=8000 symptom=in-use" "$v" \
    bash -c "cd '$work/site1' && timeout 10 /usr/bin/python3 manage.py runserver 8000 --noreload"
fi
if /usr/bin/python3 -c 'import requests' 2>/dev/null; then
  v="requests $(/usr/bin/python3 -c 'import requests; print(requests.__version__)')"
  cap "python requests refused" "port=8001 symptom=refused" "$v" /usr/bin/python3 -c "
import requests; requests.get('http://localhost:8001/api')"
fi

if have java; then
  v="java $(java -version 2>&1 | head -1 | cut -d'"' -f2)"
  cat >"$work/Bind.java" <<'JAVA'
public class Bind {
    public static void main(String[] args) throws Exception {
        new java.net.ServerSocket(Integer.parseInt(args[0]));
    }
}
JAVA
  cat >"$work/Get.java" <<'JAVA'
public class Get {
    public static void main(String[] args) throws Exception {
        java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(args[0])).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    }
}
JAVA
  cat >"$work/Open.java" <<'JAVA'
public class Open {
    public static void main(String[] args) throws Exception {
        new java.net.URL(args[0]).openStream();
    }
}
JAVA
  cap "java ServerSocket BindException" "port=none symptom=in-use" "$v" java "$work/Bind.java" 8080
  cap "java HttpClient ConnectException" "port=none symptom=refused" "$v" java "$work/Get.java" http://localhost:8082/
  cap "java URL.openStream ConnectException" "port=none symptom=refused" "$v" java "$work/Open.java" http://localhost:8082/
  cap "java bind as an ordinary user" "port=none symptom=permission-denied" "$v" \
    "${nobody[@]}" java "$work/Bind.java" 80
fi

if have curl; then
  v="curl $(curl --version | head -1 | cut -d' ' -f2)"
  cap "curl localhost refused" "port=3001 symptom=refused" "$v" curl -sS http://localhost:3001/
  cap "curl ::1 refused" "port=3001 symptom=refused" "$v" curl -sS 'http://[::1]:3001/'
  cap "curl verbose refused" "port=3001 symptom=refused" "$v" curl -sSv http://127.0.0.1:3001/health
fi
have wget && cap "wget refused" "port=3001 symptom=refused" "wget $(wget --version | head -1 | cut -d' ' -f3)" \
  wget -O- http://localhost:3001/

if have psql; then
  v="psql $(psql --version | cut -d' ' -f3)"
  cap "psql tcp refused" "port=5433 symptom=refused" "$v" psql -h localhost -p 5433 -U postgres
  cap "psql unix socket missing" "port=5432 symptom=socket-file-missing" "$v" psql -h /var/run/postgresql -U postgres
fi
if have postgres && have initdb; then
  v="postgres $(postgres --version | cut -d' ' -f3)"
  mkdir -p "$work/pg" && chown 65534:65534 "$work/pg"
  "${nobody[@]}" env HOME="$work" initdb -D "$work/pg/data" -U postgres >/dev/null 2>&1
  cap "postgres server port in use" "port=5432 symptom=in-use" "$v" \
    "${nobody[@]}" postgres -D "$work/pg/data" -p 5432 -k "$work/pg" -c listen_addresses=localhost
fi

have redis-cli && cap "redis-cli refused" "port=6380 symptom=refused" "redis-cli $(redis-cli --version | cut -d' ' -f2)" \
  redis-cli -p 6380 ping
have redis-server && cap "redis-server port in use" "port=6379 symptom=in-use" \
  "redis-server $(redis-server --version | cut -d' ' -f3 | cut -d= -f2)" \
  redis-server --port 6379 --save '' --appendonly no --dir "$work"

if have mysql; then
  v="mysql $(mysql --version | sed 's/.*Distrib \([^,]*\),.*/\1/')"
  cap "mysql tcp refused" "port=3306 symptom=refused assumed" "$v" mysql -h 127.0.0.1 -P 3307 -u root
  cap "mysql socket missing" "port=3306 symptom=socket-file-missing assumed" "$v" mysql -u root
fi

if have nginx; then
  v="nginx $(nginx -v 2>&1 | cut -d/ -f2)"
  mkdir -p "$work/nginx/logs"
  printf 'error_log stderr;\npid %s/nginx.pid;\nevents {}\nhttp { access_log off; server { listen %s; } }\n' \
    "$work/nginx" 8080 >"$work/nginx/in-use.conf"
  printf 'error_log stderr;\npid %s/nginx.pid;\nevents {}\nhttp { access_log off; server { listen %s; } }\n' \
    "$work/nginx" 80 >"$work/nginx/low.conf"
  chmod -R a+rwX "$work/nginx"
  cap "nginx bind in use" "port=8080 symptom=in-use" "$v" nginx -p "$work/nginx" -c "$work/nginx/in-use.conf" -g 'daemon off;'
  cap "nginx bind as an ordinary user" "port=80 symptom=permission-denied" "$v" \
    "${nobody[@]}" nginx -p "$work/nginx" -c "$work/nginx/low.conf" -g 'daemon off;'
fi

if have ruby; then
  v="ruby $(ruby -e 'print RUBY_VERSION')"
  cap "ruby TCPServer in use" "port=3000 symptom=in-use" "$v" ruby -rsocket -e 'TCPServer.new(3000)'
  cap "ruby Net::HTTP refused" "port=3001 symptom=refused" "$v" ruby -rnet/http -e 'Net::HTTP.get(URI("http://localhost:3001/"))'
fi

if have go; then
  v="$(go version | cut -d' ' -f3)"
  mkdir -p "$work/go" && cd "$work/go"
  cat >listen.go <<'GO'
package main

import (
	"log"
	"net/http"
)

func main() { log.Fatal(http.ListenAndServe(":8080", nil)) }
GO
  cat >get.go <<'GO'
package main

import (
	"log"
	"net/http"
)

func main() {
	if _, err := http.Get("http://localhost:8082/"); err != nil {
		log.Fatal(err)
	}
}
GO
  cat >dial6.go <<'GO'
package main

import (
	"log"
	"net"
)

func main() {
	if _, err := net.Dial("tcp", "[::1]:8082"); err != nil {
		log.Fatal(err)
	}
}
GO
  export GOCACHE=$work/go/cache GOPATH=$work/go/path
  cap "go ListenAndServe in use" "port=8080 symptom=in-use" "$v" go run "$work/go/listen.go"
  cap "go http.Get refused" "port=8082 symptom=refused" "$v" go run "$work/go/get.go"
  cap "go dial [::1] refused" "port=8082 symptom=refused" "$v" go run "$work/go/dial6.go"
  cd - >/dev/null
fi

have php && cap "php built-in server in use" "port=8000 symptom=in-use" "php $(php -r 'echo PHP_VERSION;')" \
  php -S localhost:8000
have ssh && cap "ssh refused" "port=22 symptom=refused" "$(ssh -V 2>&1 | cut -d, -f1)" \
  ssh -T -o BatchMode=yes -o StrictHostKeyChecking=no localhost
