# A parent that listens on a loopback TCP port and forks a child that inherits the listening
# socket, as pre-fork servers do (gunicorn, uvicorn --workers, php-fpm): both hold the one socket.
# Prints "CHILD <pid>" and "LISTENING <port>", then both wait until they are ended. The parent does
# not collect its child: a child ended before its parent stays a zombie until the parent ends.
import os
import signal
import socket
import sys

listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
listener.bind(("127.0.0.1", int(sys.argv[1]) if len(sys.argv) > 1 else 0))
listener.listen(16)
child = os.fork()
if child == 0:
    while True:
        signal.pause()
print(f"CHILD {child}", flush=True)
print(f"LISTENING {listener.getsockname()[1]}", flush=True)
while True:
    signal.pause()
