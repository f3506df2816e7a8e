#!/usr/bin/env python3
"""Runs a command and samples /proc every 0.25 s for the CPU time of its whole process tree (processes that leave the
tree by being re-parented are still counted: rusage, what /usr/bin/time reports, misses them). Prints, on stderr:
CPUTREE <wall seconds> <cpu seconds> <cpu seconds by kind, as kind=seconds,...>. Exits with the command's code."""
import collections, os, subprocess, sys, time

HZ = os.sysconf('SC_CLK_TCK')

def parent_map():
    parents = {}
    for entry in os.listdir('/proc'):
        if entry.isdigit():
            try:
                stat = open(f'/proc/{entry}/stat').read()
                parents[int(entry)] = int(stat[stat.rfind(')') + 2:].split()[1])
            except OSError:
                pass
    return parents

def kind(pid):
    try:
        words = open(f'/proc/{pid}/cmdline', 'rb').read().replace(b'\0', b' ').decode(errors='replace').split()
    except OSError:
        return None
    if not words:
        return None
    if 'chromium' in words[0] or 'chrome' in words[0]:
        return 'chromium-' + next((w[7:] for w in words if w.startswith('--type=')), 'browser')
    if 'testhost' in ' '.join(words):
        return 'testhost'
    return os.path.basename(words[0])

def cpu(pid):
    try:
        stat = open(f'/proc/{pid}/stat').read()
        fields = stat[stat.rfind(')') + 2:].split()
        return (int(fields[11]) + int(fields[12])) / HZ
    except OSError:
        return None

start = time.time()
child = subprocess.Popen(sys.argv[1:])
seen, kinds, members = {}, {}, {child.pid}
while child.poll() is None:
    parents = parent_map()
    for pid, parent in parents.items():
        if parent in members:
            members.add(pid)
    for pid in list(members):
        used = cpu(pid)
        if used is None:
            continue
        kinds[pid] = kind(pid) or kinds.get(pid, '?')
        seen[pid] = max(seen.get(pid, 0), used)
    time.sleep(0.25)
by_kind = collections.Counter()
for pid, used in seen.items():
    by_kind[kinds.get(pid, '?')] += used
print(f'CPUTREE {time.time() - start:.1f} {sum(seen.values()):.1f} ' + ','.join(f'{k}={v:.0f}' for k, v in by_kind.most_common(8)), file=sys.stderr)
sys.exit(child.returncode)
