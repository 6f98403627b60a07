#!/usr/bin/python3
"""Validates every tracepack in a folder against the tracepack JSON Schema.

usage: validate_tracepacks.py [--min-packs N] SCHEMA DIR

SCHEMA is docs/tracepack.schema.json (JSON Schema draft 2020-12); DIR holds *.tracepack.json
files, as the corpus test writes them (tests/core/tracepack_corpus_test.cpp with
ROOTLINE_PACK_OUT_DIR set). Every failure is printed as "FILE: $.json.path: message". Format
checking is off: "format" keywords are annotations here, as the draft's default says.

Exit status: 0 when DIR holds at least N packs (default 1) and all of them validate; 1 when a
pack is invalid, is not JSON, or there are fewer than N (so the check cannot pass on an empty
folder); 2 on bad usage, a missing or invalid schema, or no jsonschema module (Debian package
python3-jsonschema, scripts/install-deps.sh).
"""

import argparse
import json
import os
import sys


def json_path(error):
    """$.spans[3].attributes for the failing instance."""
    path = getattr(error, "json_path", None)  # jsonschema >= 4.0
    if path:
        return path
    out = "$"
    for part in error.absolute_path:
        out += "[%d]" % part if isinstance(part, int) else "." + str(part)
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--min-packs", type=int, default=1,
                        help="fail when DIR holds fewer packs than this (default 1)")
    parser.add_argument("schema")
    parser.add_argument("dir")
    args = parser.parse_args()

    try:
        from jsonschema import Draft202012Validator
    except ImportError as e:
        print("validate_tracepacks: the jsonschema module is missing (%s); install the Debian "
              "package python3-jsonschema (scripts/install-deps.sh)" % e, file=sys.stderr)
        return 2

    try:
        with open(args.schema, encoding="utf-8") as f:
            schema = json.load(f)
    except (OSError, ValueError) as e:
        print("validate_tracepacks: %s: cannot read the schema: %s" % (args.schema, e),
              file=sys.stderr)
        return 2
    try:
        Draft202012Validator.check_schema(schema)
    except Exception as e:  # jsonschema.exceptions.SchemaError
        print("validate_tracepacks: %s: not a valid 2020-12 schema: %s"
              % (args.schema, getattr(e, "message", e)), file=sys.stderr)
        return 2
    validator = Draft202012Validator(schema, format_checker=None)

    if not os.path.isdir(args.dir):
        print("validate_tracepacks: %s: no such folder (did the corpus test run with "
              "ROOTLINE_PACK_OUT_DIR set?)" % args.dir, file=sys.stderr)
        return 1
    files = sorted(n for n in os.listdir(args.dir) if n.endswith(".tracepack.json"))

    bad_files = 0
    failures = 0
    for name in files:
        path = os.path.join(args.dir, name)
        try:
            with open(path, encoding="utf-8") as f:
                pack = json.load(f)
        except (OSError, ValueError) as e:
            print("%s: not JSON: %s" % (path, e))
            bad_files += 1
            failures += 1
            continue
        errors = sorted(validator.iter_errors(pack), key=json_path)
        if errors:
            bad_files += 1
        for error in errors:
            failures += 1
            message = error.message
            if len(message) > 300:  # the message quotes the instance, which may be a whole span
                message = message[:300] + "…"
            print("%s: %s: %s" % (path, json_path(error), message))

    print("validate_tracepacks: %d packs in %s, %d invalid (%d errors), schema %s"
          % (len(files), args.dir, bad_files, failures, args.schema))
    if len(files) < args.min_packs:
        print("validate_tracepacks: expected at least %d packs, found %d"
              % (args.min_packs, len(files)), file=sys.stderr)
        return 1
    return 1 if bad_files else 0


if __name__ == "__main__":
    sys.exit(main())
