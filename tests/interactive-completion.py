#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
# Type a command line into an interactive bash on a pseudo-terminal, press
# TAB once, and print the line readline leaves: completion as a user meets
# it, COMP_WORDBREAKS and all (a function called with a made-up COMP_WORDS
# never sees "--show=NA" split at the "=").
#   interactive-completion.py COMPLETION-FILE 'LINE' ...
import os, pty, select, sys, time

def run(setup, line):
    pid, fd = pty.fork()
    if pid == 0:
        os.execvpe("bash", ["bash", "--norc", "--noprofile", "-i"],
                   dict(os.environ, TERM="dumb", PS1="$ ", INPUTRC="/dev/null"))
    out = b""
    def send(data):
        os.write(fd, data)
    def wait_for(token, timeout=10):
        nonlocal out
        end = time.time() + timeout
        while token not in out and time.time() < end:
            r, _, _ = select.select([fd], [], [], 0.1)
            if r:
                try:
                    out += os.read(fd, 4096)
                except OSError:
                    break
        return token in out
    send(setup.encode() + b"\n")
    send(b"echo READY\n")
    wait_for(b"READY\r\n$ ")
    out = b""
    send(line.encode() + b"\t\x14")
    ok = wait_for(b">>\r\n") and wait_for(b"\r\n$ ", 2)
    os.kill(pid, 9)
    os.waitpid(pid, 0)
    s = out.decode(errors="replace")
    i = s.rfind("LINE<<")
    return s[i + 6:s.find(">>", i)] if ok and i >= 0 else "(no line)"

comp = sys.argv[1]
setup = ("bind 'set bell-style none'; . %s; "
         "bind -x '\"\\C-t\": printf \"LINE<<%%s>>\\n\" \"$READLINE_LINE\"'" % comp)
for line in sys.argv[2:]:
    print("%s<TAB> -> %s" % (line, run(setup, line)))
