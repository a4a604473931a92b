#!/usr/bin/env python3
"""Mechanical part of moving message literals to resource pairs (ADR-025).
Usage: l10n_convert.py scan FILES...   -> prints TSV rows (RES KEY EN) and writes plan /tmp/l10n_plan.json
       l10n_convert.py apply            -> rewrites sources from the plan
"""
import sys, re, json, os

TARGETS = {  # call prefix -> index of message argument (-1 = last)
    'new DomainValidationException(': -1,
    'new Domain.Common.DomainValidationException(': -1,
    'new TaskForce.Domain.Common.DomainValidationException(': -1,
    'Problems.Create(': 1,
    'new AccessDeniedException(': 0,
    'new ConcurrencyConflictException(': 0,
    'new PreconditionRequiredException(': 0,
    'new WorkflowNotFoundException(': 0,
    'new WorkflowInstanceLimitException(': 3,
    'new ErasureRefusedException(': 2,
    'new IdentityProtectionException(': 0,
    'new AlertChannelException(': 0,
}
SETUP_FILES = ('src/TaskForce.Hosting/', 'EmbeddedStorage.cs', 'LinkageSecret.cs', 'TaskForceTables.cs', 'IdentityProtector.cs')
SETUP_TARGETS = {'new InvalidOperationException(': 0, 'new ArgumentException(': 0}
SKIP = re.compile(r'/(Import|Serialization)/|SnapshotReport\.cs|SnapshotChart\.cs|ReportLabels\.cs|SnapshotFiles\.cs|/obj/|ApiSchemas\.cs|OpenApiFunctions\.cs')

def resource_of(path):
    if '/TaskForce.Storage/' in path: return 'src/TaskForce.Storage/Resources/StorageText'
    if '/TaskForce.Hosting/' in path: return 'src/TaskForce.Hosting/Resources/HostingText'
    if '/TaskForce.Functions/' in path: return 'src/TaskForce.Functions/Resources/HttpText'
    folder = path.split('/TaskForce.Application/')[1].split('/')[0]
    return 'src/TaskForce.Application/Resources/' + {
        'Cases': 'CasesAppText', 'Ports': 'CasesAppText', 'Alerts': 'AlertsText', 'Access': 'AccessText',
        'AccessLog': 'AccessText', 'Workflows': 'WorkflowsAppText', 'Detention': 'WorkflowsAppText',
        'Subjects': 'SubjectsText', 'Estimation': 'EstimationAppText', 'Snapshots': 'SnapshotsText',
        'Exports': 'SnapshotsText'}[folder]

def skip_string(s, i):
    """s[i] starts a string/char literal (possibly $, @, $@). Returns end index (exclusive)."""
    j = i; interp = verb = False
    while s[j] in '$@':
        interp |= s[j] == '$'; verb |= s[j] == '@'; j += 1
    if s[j] == "'":
        j += 1
        while s[j] != "'":
            j += 2 if s[j] == '\\' else 1
        return j + 1
    assert s[j] == '"', s[i:i+40]
    j += 1
    while True:
        c = s[j]
        if verb and c == '"' and s[j+1] == '"': j += 2; continue
        if not verb and c == '\\': j += 2; continue
        if c == '"': return j + 1
        if interp and c == '{':
            if s[j+1] == '{': j += 2; continue
            j = skip_hole(s, j + 1); continue
        j += 1

def skip_hole(s, j):
    depth = 0
    while True:
        c = s[j]
        if c in '"\'' or (c in '$@' and s[j+1] in '"$@'):
            j = skip_string(s, j); continue
        if c in '([{': depth += 1
        elif c in ')]}':
            if depth == 0: return j + 1
            depth -= 1
        j += 1

def split_args(s, i):
    """i after '('. returns (list of (start,end) of args, index after ')')."""
    args = []; depth = 0; start = i; j = i
    while True:
        c = s[j]
        if c in '"\'' or (c in '$@' and s[j+1] in '"$@'):
            j = skip_string(s, j); continue
        if c == '/' and s[j+1] == '/':
            j = s.index('\n', j); continue
        if c in '([{': depth += 1
        elif c in ')]}':
            if depth == 0:
                args.append((start, j)); return args, j + 1
            depth -= 1
        elif c == ',' and depth == 0:
            args.append((start, j)); start = j + 1
        j += 1

ESC = {'n': '\n', 't': '\t', '"': '"', '\\': '\\', "'": "'", '0': '\0', 'r': '\r'}

def parse_literal(text):
    """text is a full C# string literal. returns (template, [exprs]) or None"""
    text = text.strip()
    m = re.match(r'^(\$?@?|@\$)"', text)
    if not m: return None
    interp = '$' in m.group(1); verb = '@' in m.group(1)
    j = len(m.group(0)); out = []; exprs = []
    while True:
        c = text[j]
        if verb and c == '"' and text[j+1] == '"': out.append('"'); j += 2; continue
        if not verb and c == '\\': out.append(ESC[text[j+1]]); j += 2; continue
        if c == '"': 
            if j + 1 != len(text): return None
            break
        if c == '{':
            if interp:
                if text[j+1] == '{': out.append('{{'); j += 2; continue
                end = skip_hole(text, j + 1)
                hole = text[j+1:end-1]
                # split top-level ':' format spec
                depth = 0; k = 0; fmt = ''
                while k < len(hole):
                    ch = hole[k]
                    if ch in '"\'' or (ch in '$@' and k+1 < len(hole) and hole[k+1] in '"$@'):
                        k = skip_string(hole + ' ', k); continue
                    if ch in '([{': depth += 1
                    elif ch in ')]}': depth -= 1
                    elif ch == ':' and depth == 0 and not hole[k+1:k+2] == ':':
                        fmt = hole[k:]; hole = hole[:k]; break
                    k += 1
                out.append('{%d%s}' % (len(exprs), fmt)); exprs.append(hole.strip()); j = end; continue
            out.append('{{'); j += 1; continue
        if c == '}':
            if interp: out.append('}}'); j += 2; continue
            out.append('}}'); j += 1; continue
        out.append(c); j += 1
    return ''.join(out), exprs

def parse_message(arg):
    a = arg.strip()
    m = re.match(r'^string\.Create\(\s*CultureInfo\.InvariantCulture\s*,\s*(.*)\)$', a, re.S)
    if m: a = m.group(1).strip()
    r = parse_literal(a)
    if r: return r
    # concatenation "..." + expr + "..."
    parts = []; depth = 0; start = 0; j = 0; s = a + ' '
    while j < len(a):
        c = a[j]
        if c in '"\'' or (c in '$@' and a[j+1] in '"$@'):
            j = skip_string(s, j); continue
        if c in '([{': depth += 1
        elif c in ')]}': depth -= 1
        elif c == '+' and depth == 0:
            parts.append(a[start:j]); start = j + 1
        j += 1
    parts.append(a[start:])
    if len(parts) < 2: return None
    out = []; exprs = []; lit = False
    for p in parts:
        r = parse_literal(p)
        if r and not r[1]:
            out.append(r[0]); lit = True
        elif r:
            t, ex = r
            t = re.sub(r'\{(\d+)([^}]*)\}', lambda mm: '{%d%s}' % (int(mm.group(1)) + len(exprs), mm.group(2)), t)
            out.append(t); exprs.extend(ex); lit = True
        else:
            out.append('{%d}' % len(exprs)); exprs.append(p.strip())
    return (''.join(out), exprs) if lit else None

def keyname(path, en):
    stem = os.path.basename(path)[:-3].replace('UseCases', '').replace('UseCase', '').replace('Functions', '').replace('.', '')
    words = re.findall(r'[A-Za-z]+', re.sub(r'\{\d+[^}]*\}', ' ', en))
    stop = {'the', 'a', 'an', 'of', 'is', 'to', 'and', 'or', 'be', 'in', 'it', 'its', 's', 'e', 'g', 'no', 'not'}
    w = [x for x in words if x.lower() not in stop][:4]
    return stem + ''.join(x[:1].upper() + x[1:] for x in w)

def scan(files):
    plan = []; keys = {}  # (res, en) -> key
    used = {}
    for path in files:
        if SKIP.search(path): continue
        s = open(path, encoding='utf-8').read()
        targets = dict(TARGETS)
        if any(t in path for t in SETUP_FILES): targets.update(SETUP_TARGETS)
        for prefix, idx in targets.items():
            for m in re.finditer(re.escape(prefix), s):
                if prefix.startswith('new DomainValidationException') and s[m.start()-1:m.start()] == '.': continue
                args, end = split_args(s, m.end())
                if len(args) == 1 and s[args[0][0]:args[0][1]].strip() == '': continue
                k = idx if idx >= 0 else len(args) - 1
                if k >= len(args): continue
                a0, a1 = args[k]
                r = parse_message(s[a0:a1])
                if not r: continue
                tpl, exprs = r
                res = resource_of(path)
                key = keys.get((res, tpl))
                if not key:
                    base = keyname(path, tpl); key = base; n = 2
                    while (res, key) in used: key = base + str(n); n += 1
                    used[(res, key)] = tpl; keys[(res, tpl)] = key
                plan.append(dict(path=path, start=a0, end=a1, res=res, key=key, en=tpl, exprs=exprs, orig=s[a0:a1]))
    json.dump(plan, open('/tmp/l10n_plan.json', 'w'), indent=1)
    seen = set()
    for p in plan:
        if (p['res'], p['key']) in seen: continue
        seen.add((p['res'], p['key']))
        print(f"{p['res']}\t{p['key']}\t{p['en']}".replace('\n', '\\n'))

def apply():
    plan = json.load(open('/tmp/l10n_plan.json'))
    byfile = {}
    for p in plan: byfile.setdefault(p['path'], []).append(p)
    for path, ps in byfile.items():
        s = open(path, encoding='utf-8').read()
        for p in sorted(ps, key=lambda p: -p['start']):
            assert s[p['start']:p['end']] == p['orig']
            cls = os.path.basename(p['res'])
            lead = re.match(r'^\s*', p['orig']).group(0)
            expr = f"{cls}.{p['key']}" if not p['exprs'] else f"Texts.Format({cls}.{p['key']}, {', '.join(p['exprs'])})"
            s = s[:p['start']] + lead + expr + s[p['end']:]
        ns = {'Storage': 'TaskForce.Storage', 'Hosting': 'TaskForce.Hosting', 'Functions': 'TaskForce.Functions', 'Application': 'TaskForce.Application'}
        proj = path.split('src/TaskForce.')[1].split('/')[0]
        usings = [f'using {ns[proj]}.Resources;']
        if 'Texts.Format(' in s: usings.append('using TaskForce.Domain.Common;')
        for u in usings:
            if u not in s:
                lines = s.split('\n')
                idx = max((i for i, l in enumerate(lines) if l.startswith('using ')), default=-1)
                lines.insert(idx + 1, u)
                s = '\n'.join(lines)
        open(path, 'w', encoding='utf-8').write(s)

if sys.argv[1] == 'scan': scan(sys.argv[2:])
else: apply()
