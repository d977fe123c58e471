#!/usr/bin/env python3
"""Runs tools/parse-check over test262 files, honouring the frontmatter: module tests
parse as modules, onlyStrict as strict scripts, and `negative: phase: parse` tests must
fail while every other test must parse. _FIXTURE files are not tests (some are invalid on
purpose, for the tests that import them): they are counted apart, for information.
Proposals (not ES2025) are skipped. Usage: parse-test262.py PARSE_CHECK TEST262_DIR [-v]"""
import os, re, subprocess, sys

PROPOSALS = ('import-defer', 'source-phase-imports', 'import-text', 'import-bytes')
PROPOSAL_DIRS = ('import-defer', 'source-phase-import', 'import-text', 'import-bytes')

def main():
    exe, root = sys.argv[1], sys.argv[2]
    verbose = '-v' in sys.argv
    ok = bad = 0
    counts = {'tests': [0, 0], 'fixtures': [0, 0]}
    for dirpath, _, files in os.walk(os.path.join(root, 'test')):
        for f in sorted(files):
            if not f.endswith('.js') and not f.endswith('.mjs'):
                continue
            path = os.path.join(dirpath, f)
            src = open(path, encoding='utf-8', errors='replace').read()
            m = re.search(r'/\*---(.*?)---\*/', src, re.S)
            meta = m.group(1) if m else ''
            flags = re.search(r'flags:\s*\[(.*?)\]', meta)
            flags = [x.strip() for x in flags.group(1).split(',')] if flags else []
            module = 'module' in flags or ('_FIXTURE' in f and not f.endswith('.js.map'))
            if '_FIXTURE' in f and 'script' in f.lower() and 'module' not in f.lower():
                module = False
            feats = re.search(r'features:\s*\[(.*?)\]', meta)
            feats = [x.strip() for x in feats.group(1).split(',')] if feats else []
            if any(x in PROPOSALS for x in feats) or any(x in path for x in PROPOSAL_DIRS):
                continue
            negative = re.search(r'negative:\s*\n\s*phase:\s*(\w+)', meta)
            expect_fail = negative is not None and negative.group(1) == 'parse'
            args = [exe, '--module' if module else '--script', path]
            if 'onlyStrict' in flags and not module:
                args.insert(1, '--strict')
            r = subprocess.run(args, capture_output=True, text=True)
            failed = r.returncode != 0
            kind = 'fixtures' if '_FIXTURE' in f else 'tests'
            if failed == expect_fail:
                ok += 1
                counts[kind][0] += 1
            else:
                bad += 1
                counts[kind][1] += 1
                if verbose:
                    print(('UNEXPECTED PASS ' if expect_fail else '') + (r.stdout.strip() or path))
    good, wrong = counts['fixtures']
    print(f'test262 fixtures (information only): {good} parse, {wrong} do not')
    good, wrong = counts['tests']
    print(f'test262: {good} as expected, {wrong} not ({good + wrong} tests)')

main()
