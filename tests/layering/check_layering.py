#!/usr/bin/env python3
"""The layering rules of docs/ARCHITECTURE.md, checked on the #include lines
and printing calls of src/.

    check_layering.py SRC_DIR            exit 1 and list every violation
    check_layering.py --self-test SRC    copy SRC to a temporary folder, plant
                                         one violation per rule and check that
                                         each is reported (and the clean copy is not)

Rules (folder of the including file -> what it may not use):
  workload  includes nothing of spad but base/ and workload/
  model     no search/, sim/, io/, report/, cli/, study/, codegen/
  sim       no model/ header but the plain values (machine, traffic,
            accelerator, activity): never the model's formulas; no search/,
            io/, report/, cli/, study/, codegen/
  search    no sim/, io/, report/, cli/, study/, codegen/
  study     no io/, report/, cli/, codegen/ (io/ writes study's results, so
            study never uses io/: the dependency runs one way)
  any folder but cli/ and report/: no printing (<iostream>, std::cout,
            std::cerr, std::clog, printf/puts/fmt::print to a stream);
            base/output_sink, the one output sink, writes through ::write
"""
import re
import shutil
import sys
import tempfile
from pathlib import Path

LIB_FOLDERS = ["base", "workload", "schedule", "model", "sim", "search", "io", "study",
               "report", "codegen", "cli"]
MODEL_PLAIN_VALUES = {"model/machine.hpp", "model/traffic.hpp", "model/accelerator.hpp",
                      "model/memory_levels.hpp", "model/level_traffic.hpp",
                      "model/activity.hpp", "model/level_accelerator.hpp"}

# folder -> the only spad folders it may include
ONLY = {"workload": {"base", "workload"}, "base": {"base"}}
# folder -> the spad folders it may not include
FORBIDDEN = {
    "model": {"search", "sim", "io", "report", "cli", "study", "codegen"},
    "sim": {"search", "io", "report", "cli", "study", "codegen"},
    "search": {"sim", "io", "report", "cli", "study", "codegen"},
    "study": {"io", "report", "cli", "codegen"},
}
PRINTING_ALLOWED = {"cli", "report"}

INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]', re.M)
PRINTING = re.compile(r"\bstd::(cout|cerr|clog)\b|\bfmt::print\s*\(|(?<![\w:])(std::)?(printf|puts|"
                      r"fputs|fprintf|putchar)\s*\(")
STRING_OR_COMMENT = re.compile(r'R"(\w*)\((?:.|\n)*?\)\1"|"(?:\\.|[^"\\\n])*"|'
                               r"'(?:\\.|[^'\\\n])*'|//[^\n]*|/\*(?:.|\n)*?\*/")


def strip_strings(text):
    """Comments removed, string and character literals emptied (line count kept)."""
    return STRING_OR_COMMENT.sub(lambda m: "\n" * m.group(0).count("\n") +
                                 ("" if m.group(0).startswith("/") else '""'), text)


def violations(src):
    found = []
    for path in sorted(Path(src).rglob("*")):
        if path.suffix not in (".hpp", ".cpp", ".inc") or not path.is_file():
            continue
        rel = path.relative_to(src)
        folder = rel.parts[0]
        text = path.read_text(encoding="utf-8", errors="replace")
        for bracket, target in INCLUDE.findall(text):
            where = f"{rel}: #include {bracket}{target}{'>' if bracket == '<' else chr(34)}"
            if bracket == "<":
                if target == "iostream" and folder not in PRINTING_ALLOWED:
                    found.append(f"{where}: printing outside cli/ and report/")
                continue
            head = target.split("/")[0]
            if head not in LIB_FOLDERS:
                continue
            if folder in ONLY and head not in ONLY[folder]:
                found.append(f"{where}: {folder}/ may include only {sorted(ONLY[folder])}")
            if head in FORBIDDEN.get(folder, ()):
                found.append(f"{where}: {folder}/ may not include {head}/")
            if folder == "sim" and head == "model" and target not in MODEL_PLAIN_VALUES:
                found.append(f"{where}: sim/ may use only the model's plain values "
                             f"{sorted(MODEL_PLAIN_VALUES)}, never its formulas")
        if folder not in PRINTING_ALLOWED:
            code = strip_strings(text)
            for m in PRINTING.finditer(code):
                line = code.count("\n", 0, m.start()) + 1
                found.append(f"{rel}:{line}: {m.group(0).strip()}: printing outside cli/ and "
                             "report/")
    return found


# One planted violation per rule: (file to create, its text, what the report must name).
PLANTED = [
    ("workload/bad_a.hpp", '#include "model/machine.hpp"\n', "workload/ may include only"),
    ("model/bad_b.hpp", '#include "search/optimize.hpp"\n', "model/ may not include search/"),
    ("model/bad_c.hpp", '#include "io/json/layer_json.hpp"\n', "model/ may not include io/"),
    ("sim/bad_d.cpp", '#include "model/evaluate.hpp"\n', "never its formulas"),
    ("sim/bad_e.cpp", '#include "model/accel_cost.hpp"\n', "never its formulas"),
    ("search/bad_f.cpp", '#include "sim/tile_simulator.hpp"\n', "search/ may not include sim/"),
    ("search/bad_g.cpp", '#include "report/loop_nest.hpp"\n', "search/ may not include report/"),
    ("study/bad_h.cpp", "#include <iostream>\n", "printing outside"),
    ("io/json/bad_i.cpp", "void f() { std::cout << 1; }\n", "printing outside"),
    ("sim/bad_j.cpp", 'void f() { fmt::print("x"); }\n', "printing outside"),
    ("base/bad_k.hpp", '#include "workload/layer.hpp"\n', "base/ may include only"),
    ("study/bad_l.cpp", '#include "io/text/text_fields.hpp"\n', "study/ may not include io/"),
    ("study/bad_m.hpp", '#include "report/accel_table.hpp"\n', "study/ may not include report/"),
]
# Text that must not be reported: printing inside strings and comments
# (generated C code), snprintf into a buffer, the model's plain values in sim/.
CLEAN = [
    ("codegen/ok_a.cpp", 'const char* s = "printf(\\"%d\\", x);";  // std::cout\n'),
    ("io/ok_b.cpp", "void f(char* b) { std::snprintf(b, 4, \"%d\", 1); }\n"),
    ("sim/ok_c.hpp", '#include "model/activity.hpp"\n#include "model/machine.hpp"\n'),
    ("cli/ok_d.cpp", "#include <iostream>\nvoid f() { std::cout << 1; }\n"),
]


def self_test(src):
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "src"
        shutil.copytree(src, copy)
        base = violations(copy)
        if base:
            print("self-test: the real tree is not clean:\n  " + "\n  ".join(base))
            return 1
        for name, text in CLEAN:
            (copy / name).write_text(text)
        if (found := violations(copy)):
            print("self-test: clean text reported:\n  " + "\n  ".join(found))
            return 1
        failed = 0
        for name, text, expect in PLANTED:
            (copy / name).write_text(text)
            found = [v for v in violations(copy) if v.startswith(name)]
            if not any(expect in v for v in found):
                print(f"self-test: planted {name} ({text.strip()}) not reported as '{expect}'; "
                      f"got {found}")
                failed = 1
            (copy / name).unlink()
        print(f"self-test: {len(PLANTED)} planted violations reported, {len(CLEAN)} clean texts "
              "passed" if not failed else "self-test failed")
        return failed


def main(argv):
    if len(argv) == 3 and argv[1] == "--self-test":
        return self_test(Path(argv[2]))
    if len(argv) != 2:
        print(__doc__)
        return 2
    found = violations(Path(argv[1]))
    for v in found:
        print(v)
    print(f"{len(found)} layering violation(s)" if found else "layering: clean")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
