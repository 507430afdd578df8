#!/usr/bin/env python3
# Writes sunlight-design.json from validate_doc_update.js (the function
# without its leading comment lines). Run it after editing the .js; the
# sync tests check that the two agree.
import json
import os
import sys

here = os.path.dirname(os.path.abspath(__file__))


def function_text():
    with open(os.path.join(here, "validate_doc_update.js"), encoding="utf-8") as f:
        lines = f.read().splitlines()
    while lines and lines[0].startswith("//"):
        lines.pop(0)
    return "\n".join(lines) + "\n"


def design():
    return {
        "_id": "_design/sunlight",
        "language": "javascript",
        "validate_doc_update": function_text(),
    }


if __name__ == "__main__":
    out = os.path.join(here, "sunlight-design.json")
    text = json.dumps(design(), indent=2, ensure_ascii=False) + "\n"
    if len(sys.argv) > 1 and sys.argv[1] == "--check":
        with open(out, encoding="utf-8") as f:
            sys.exit(0 if f.read() == text else 1)
    with open(out, "w", encoding="utf-8") as f:
        f.write(text)
