#!/usr/bin/env python3
"""`make fuzz`: fills fuzz/corpus/<target>/ (git-ignored) with its seeds before a run, so nothing is
kept twice in git: the import fixtures of tests/fixtures, the hand-written seeds of fuzz/seeds/<target>/
and every crash kept as a regression fixture in tests/fixtures/fuzz/<target>/.
Usage: seed_corpus.py TARGET..."""
import glob
import json
import os
import shutil
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
IMPORT = os.path.join(ROOT, "tests", "fixtures", "import")
# Larger files only slow every execution down; the importer sniffs the first 64 KiB.
MAX_BYTES = 64 << 10
DATA = ("*.csv", "*.xlsx", "*.xls")


def fixtures(*patterns):
    out = []
    for folder in (IMPORT, os.path.join(IMPORT, "broken")):
        for p in patterns:
            out += glob.glob(os.path.join(folder, p))
    return sorted(f for f in out if os.path.getsize(f) <= MAX_BYTES)


def platform(prefix):
    return fixtures(*(prefix + "_" + ext for ext in DATA))


SOURCES = {
    "import_detect": lambda: fixtures(*DATA),
    "import_sheet": lambda: fixtures("*.xlsx", "*.xls"),
    "import_taobao": lambda: platform("taobao") + platform("duplicate_header_taobao"),
    "import_pinduoduo": lambda: platform("pdd"),
    "import_jd": lambda: platform("jd"),
    "import_douyin": lambda: platform("douyin"),
    "import_shopify": lambda: platform("shopify") + fixtures("*shopify*.csv"),
    "import_woocommerce": lambda: platform("woocommerce"),
    "import_etsy": lambda: platform("etsy"),
}


def generic_seeds(out):
    """The generic target reads a mapping (first line, JSON) then the file: one seed per generic fixture."""
    for expect in glob.glob(os.path.join(IMPORT, "*.expect.json")) + glob.glob(os.path.join(IMPORT, "broken", "*.expect.json")):
        with open(expect, encoding="utf-8") as f:
            e = json.load(f)
        mapping = e.get("mapping")
        data = expect[: -len(".expect.json")]
        files = [data + ext for ext in (".csv", ".xlsx") if os.path.exists(data + ext)]
        if not mapping or not files or os.path.getsize(files[0]) > MAX_BYTES:
            continue
        with open(files[0], "rb") as f:
            body = f.read()
        with open(os.path.join(out, os.path.basename(files[0])), "wb") as f:
            f.write(json.dumps(mapping, ensure_ascii=False).encode() + b"\n" + body)


def main():
    for target in sys.argv[1:]:
        out = os.path.join(ROOT, "fuzz", "corpus", target)
        os.makedirs(out, exist_ok=True)
        files = SOURCES.get(target, lambda: [])()
        files += glob.glob(os.path.join(ROOT, "fuzz", "seeds", target, "*"))
        files += glob.glob(os.path.join(ROOT, "tests", "fixtures", "fuzz", target, "*"))
        for f in files:
            shutil.copyfile(f, os.path.join(out, "seed-" + os.path.basename(f)))
        if target == "import_generic":
            generic_seeds(out)
        print(f"{target}: {len(os.listdir(out))} inputs in the corpus")


if __name__ == "__main__":
    main()
