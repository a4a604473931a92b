#!/usr/bin/env python3
"""Adds or replaces texts in a resource pair (ADR-025): <base>.resx (English) and <base>.id.resx (Bahasa Indonesia).

Usage:
  scripts/text-add.py BASE KEY "English text {0}" "Teks Indonesia {0}" [KEY EN ID ...]
  scripts/text-add.py BASE --tsv FILE      (one KEY<TAB>EN<TAB>ID per line)
BASE is the path without extension, e.g. src/TaskForce.Domain/Resources/CasesText. Files are created when missing;
keys are kept sorted so that two branches adding keys merge line by line.
"""
import sys, os
import xml.etree.ElementTree as ET
from xml.sax.saxutils import escape

HEADER = '''<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
  <resheader name="version"><value>2.0</value></resheader>
  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
'''

def read(path):
    if not os.path.exists(path):
        return {}
    root = ET.parse(path).getroot()
    return {d.get('name'): (d.find('value').text or '') for d in root.findall('data')}

def write(path, items):
    os.makedirs(os.path.dirname(path) or '.', exist_ok=True)
    with open(path, 'w', encoding='utf-8', newline='\n') as f:
        f.write(HEADER)
        for k in sorted(items):
            f.write(f'  <data name="{escape(k)}" xml:space="preserve"><value>{escape(items[k])}</value></data>\n')
        f.write('</root>\n')

def main(argv):
    if len(argv) < 3:
        print(__doc__); return 2
    base = argv[1]
    rows = []
    if argv[2] == '--tsv':
        with open(argv[3], encoding='utf-8') as f:
            for n, line in enumerate(f, 1):
                line = line.rstrip('\n')
                if not line.strip():
                    continue
                parts = line.split('\t')
                if len(parts) != 3:
                    print(f'{argv[3]}:{n}: expected KEY<TAB>EN<TAB>ID'); return 2
                rows.append(parts)
    else:
        rest = argv[2:]
        if len(rest) % 3:
            print('give KEY EN ID triples'); return 2
        rows = [rest[i:i + 3] for i in range(0, len(rest), 3)]
    en, idn = read(base + '.resx'), read(base + '.id.resx')
    for k, e, i in rows:
        if not k.isidentifier():
            print(f'key {k!r} must be a C# identifier'); return 2
        en[k], idn[k] = e, i
    write(base + '.resx', en)
    write(base + '.id.resx', idn)
    return 0

sys.exit(main(sys.argv))
