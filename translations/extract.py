#!/usr/bin/env python3
"""Extracts tabel's user-facing strings from the C++ sources into translations/tabel_ru.ts.

Why not lupdate: tabel's sources translate through file-local helpers such as

    namespace {
    QString tr(const char* s) { return QCoreApplication::translate("tabel::node::Journal", s); }
    }

lupdate (Qt 6.4) takes every tr() for QObject::tr and files the string under whatever class or namespace
encloses the call ("Lesson", "std", "tabel::node", ...), and it does not see helpers with other names
(node/cli/commands.cpp uses t()). The .qm would then miss every such string at run time.

What is extracted, from shared/ sync/ web/ node/ hub/ (*.cpp, *.h), comments and raw strings skipped:
  * helpers: a function `NAME(const char* P)` whose body calls QCoreApplication::translate("CTX", P ...);
    in the same file every call NAME("literal") yields (CTX, literal). A helper that x.cpp defines and the
    x.h beside it declares counts likewise in every file that includes x.h, directly or through other project
    headers (hub/cli/cli.h: t() and tn() for every command file); a file's own helper of that name wins.
    Adjacent literals are joined ("a" "b" over several lines), escapes (\\" \\n ...) decoded. A call whose
    argument is not a literal (tr(what)) is skipped: such values must come from QT_TRANSLATE_NOOP("CTX",
    "literal") at their source.
    In `cond ? "a" : "b"` both literals are taken.
  * QCoreApplication::translate("CTX", "literal" [, "disambiguation" | nullptr [, n]]) calls; with the
    fourth argument the message is a plural one (numerus, %n).
  * QT_TRANSLATE_NOOP("CTX", "literal") and QT_TRANSLATE_NOOP3("CTX", "literal", "comment").
  A call of tr() in a file that defines no tr helper is an error: its context cannot be known.

Usage (from anywhere):
    python3 translations/extract.py            update tabel_ru.ts in place
    python3 translations/extract.py --check    exit 1 when a string of the code has no finished translation,
                                               or a translation's %1 %2 ... / %n differ from its source
    python3 translations/extract.py --list     print "context<TAB>source" of the code, one per line
                                               (newlines as \\n), sorted, for comparisons

Updating keeps every translation; strings new in the code are added as type="unfinished" (pre-filled, when a
vanished string of the same context is very similar, with its translation and <oldsource>); strings gone
from the code are kept as type="vanished" (--drop-vanished removes them). The file is written sorted by
context, then source, without line numbers, so diffs stay small. Standard library only.
"""

import argparse
import difflib
import os
import re
import sys
import xml.etree.ElementTree as ET

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TS_FILE = os.path.join(ROOT, "translations", "tabel_ru.ts")
SOURCE_DIRS = ("shared", "sync", "web", "node", "hub")
SOURCE_EXTS = (".cpp", ".h")
LANGUAGE = "ru_RU"
NUMERUS_FORMS = 3  # Russian: 1 / 2-4 / 5-20 (Qt's plural rules for ru)

# ---------------------------------------------------------------------------------------------------------
# C++ tokenizer: just enough C++ to find calls and their string literals.

INCLUDE_RE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)
TOKEN_RE = re.compile(
    r"""
      (?P<ws>\s+)
    | (?P<lcomment>//[^\n]*)
    | (?P<bcomment>/\*.*?\*/)
    | (?P<raw>(?:u8|u|U|L)?R"(?P<delim>[^()\\\s"]{0,16})\()
    | (?P<str>(?:u8|u|U|L)?"(?:[^"\\\n]|\\.)*")
    | (?P<chr>(?:u8|u|U|L)?'(?:[^'\\\n]|\\.)*')
    | (?P<num>\.?[0-9](?:[eEpP][+-]|[0-9A-Za-z_.'])*)
    | (?P<id>[A-Za-z_][A-Za-z0-9_]*)
    | (?P<op>::|->|.)
    """,
    re.VERBOSE | re.DOTALL,
)

ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "a": "\a", "b": "\b", "f": "\f", "v": "\v", "\\": "\\", '"': '"',
           "'": "'", "?": "?", "0": "\0"}


def decode_literal(body, where):
    """The value of a C string literal's body (between the quotes), as the program sees it (UTF-8 text)."""
    out = bytearray()
    i = 0
    while i < len(body):
        c = body[i]
        if c != "\\":
            out += c.encode("utf-8")
            i += 1
            continue
        n = body[i + 1]
        if n == "x":
            m = re.match(r"[0-9A-Fa-f]+", body[i + 2:])
            out.append(int(m.group(0), 16) & 0xFF)
            i += 2 + len(m.group(0))
        elif n in "01234567":
            m = re.match(r"[0-7]{1,3}", body[i + 1:])
            out.append(int(m.group(0), 8) & 0xFF)
            i += 1 + len(m.group(0))
        elif n in ESCAPES:
            out += ESCAPES[n].encode("utf-8")
            i += 2
        else:
            raise SyntaxError(f"{where}: unknown escape \\{n} in a string literal")
    return out.decode("utf-8", errors="replace")


class Tok:
    __slots__ = ("kind", "text", "value", "line")

    def __init__(self, kind, text, line, value=None):
        self.kind, self.text, self.line, self.value = kind, text, line, value

    def __repr__(self):
        return f"{self.kind}:{self.text!r}@{self.line}"


def tokenize(text, path):
    """Tokens without whitespace and comments; adjacent string literals are merged into one 'str' token."""
    toks = []
    pos, line = 0, 1
    while pos < len(text):
        m = TOKEN_RE.match(text, pos)
        for k in ("ws", "lcomment", "bcomment", "raw", "str", "chr", "num", "id", "op"):
            if m.group(k) is not None:
                kind = k
                break
        tok_text = m.group(0)
        if kind == "raw":
            close = ")" + m.group("delim") + '"'
            end = text.find(close, m.end())
            if end < 0:
                raise SyntaxError(f"{path}:{line}: unterminated raw string literal")
            tok_text = text[pos:end + len(close)]
            value = tok_text[len(m.group(0)):-len(close)]
            kind = "str"
        elif kind == "str":
            prefix_len = tok_text.index('"')
            value = decode_literal(tok_text[prefix_len + 1:-1], f"{path}:{line}")
        else:
            value = None
        if kind == "str" and toks and toks[-1].kind == "str":
            toks[-1].value += value  # "a" "b" is "ab"
            toks[-1].text += " " + tok_text
        elif kind not in ("ws", "lcomment", "bcomment"):
            toks.append(Tok(kind, tok_text, line, value))
        line += tok_text.count("\n")
        pos += len(tok_text)
    return toks


def split_args(toks, open_index):
    """For the '(' at open_index: (list of argument token lists, index of the matching ')')."""
    depth = 0
    args, cur = [], []
    i = open_index
    while i < len(toks):
        t = toks[i]
        if t.kind == "op" and t.text in "([{":
            depth += 1
            if depth > 1:
                cur.append(t)
        elif t.kind == "op" and t.text in ")]}":
            depth -= 1
            if depth == 0:
                if cur or args:
                    args.append(cur)
                return args, i
            cur.append(t)
        elif t.kind == "op" and t.text == "," and depth == 1:
            args.append(cur)
            cur = []
        else:
            cur.append(t)
        i += 1
    return args, i


def literals_of(arg):
    """The texts an argument can evaluate to: a literal, or the literal branches of a ?: ; else []."""
    if len(arg) == 1 and arg[0].kind == "str":
        return [arg[0].value]
    if any(t.kind == "op" and t.text == "?" for t in arg):
        return [t.value for j, t in enumerate(arg)
                if t.kind == "str" and j > 0 and arg[j - 1].kind == "op" and arg[j - 1].text in "?:"
                and (j + 1 == len(arg) or (arg[j + 1].kind == "op" and arg[j + 1].text == ":"))]
    return []


def is_translate_at(toks, i):
    """toks[i] is 'translate' of QCoreApplication::translate (or ::QCoreApplication::translate)."""
    return (toks[i].kind == "id" and toks[i].text == "translate" and i >= 2 and toks[i - 1].text == "::"
            and toks[i - 2].text == "QCoreApplication" and i + 1 < len(toks) and toks[i + 1].text == "(")


class Message:
    def __init__(self, context, source, comment="", numerus=False):
        self.context, self.source, self.comment, self.numerus = context, source, comment, numerus
        self.locations = set()

    @property
    def key(self):
        return (self.context, self.source, self.comment)


def project_includes(text, root, cache):
    """The project headers a source includes, directly or through other project headers ("hub/cli/cli.h").
    cache: include path -> the includes of that header, shared by the calls of one extraction."""
    seen, todo = set(), INCLUDE_RE.findall(text)
    while todo:
        inc = todo.pop()
        if inc in seen:
            continue
        seen.add(inc)
        if inc not in cache:
            path = os.path.join(root, inc)
            cache[inc] = []
            if os.path.isfile(path):
                with open(path, encoding="utf-8") as f:
                    cache[inc] = INCLUDE_RE.findall(f.read())
        todo.extend(cache[inc])
    return seen


def find_helpers(toks):
    """Helpers defined in a file: NAME ( const char * PARAM ) { ... translate("CTX", PARAM ...) ... }."""
    helpers = {}  # name -> (context, numerus)
    for i in range(len(toks) - 6):
        if not (toks[i].kind == "id" and toks[i + 1].text == "(" and toks[i + 2].text == "const"
                and toks[i + 3].text == "char" and toks[i + 4].text == "*" and toks[i + 5].kind == "id"):
            continue
        name, param = toks[i].text, toks[i + 5].text
        j = i + 6
        while j < len(toks) and toks[j].text not in ("{", ";", ")"):
            j += 1  # further parameters: (const char* s, int n)
        while j < len(toks) and toks[j].text not in ("{", ";"):
            j += 1
        if j >= len(toks) or toks[j].text != "{":
            continue
        depth, k = 0, j
        while k < len(toks):
            if toks[k].text == "{":
                depth += 1
            elif toks[k].text == "}":
                depth -= 1
                if depth == 0:
                    break
            if is_translate_at(toks, k):
                args, _ = split_args(toks, k + 1)
                if (len(args) >= 2 and len(args[0]) == 1 and args[0][0].kind == "str" and len(args[1]) == 1
                        and args[1][0].text == param):
                    helpers[name] = (args[0][0].value, len(args) >= 4)
            k += 1
    return helpers


def extract_file(path, rel, messages, errors, included_helpers=None):
    """included_helpers: {name: (context, numerus)} of the helpers the headers this file includes declare."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    if ("translate" not in text and "QT_TRANSLATE_NOOP" not in text and "tr(" not in text
            and not included_helpers):
        return
    toks = tokenize(text, rel)

    def add(ctx, source, comment="", numerus=False, line=0):
        if not source:
            return
        m = messages.get((ctx, source, comment))
        if m is None:
            m = messages[(ctx, source, comment)] = Message(ctx, source, comment, numerus)
        m.numerus = m.numerus or numerus
        m.locations.add(rel)

    # 1. Helpers defined in this file; then those of the headers it includes (a helper of its own wins).
    helpers = find_helpers(toks)
    for name, value in (included_helpers or {}).items():
        helpers.setdefault(name, value)

    # 2. Calls.
    for i, t in enumerate(toks):
        if t.kind != "id" or i + 1 >= len(toks) or toks[i + 1].text != "(":
            continue
        prev = toks[i - 1].text if i > 0 else ""
        if is_translate_at(toks, i):
            args, _ = split_args(toks, i + 1)
            if len(args) >= 2 and len(args[0]) == 1 and args[0][0].kind == "str":
                comment = args[2][0].value if len(args) >= 3 and len(args[2]) == 1 and args[2][0].kind == "str" else ""
                for s in literals_of(args[1]):
                    add(args[0][0].value, s, comment, len(args) >= 4, t.line)
            elif len(args) >= 2 and literals_of(args[1]):
                errors.append(f"{rel}:{t.line}: QCoreApplication::translate() with a context that is not a "
                              f"string literal; its strings cannot be extracted")
        elif t.text in ("QT_TRANSLATE_NOOP", "QT_TRANSLATE_NOOP3", "QT_TRANSLATE_N_NOOP", "QT_TRANSLATE_N_NOOP3"):
            args, _ = split_args(toks, i + 1)
            if len(args) >= 2 and len(args[0]) == 1 and args[0][0].kind == "str":
                comment = args[2][0].value if len(args) >= 3 and len(args[2]) == 1 and args[2][0].kind == "str" else ""
                for s in literals_of(args[1]):
                    add(args[0][0].value, s, comment, "_N_" in t.text, t.line)
        elif t.text in helpers and prev not in (".", "->", "::"):
            if i > 0 and toks[i - 1].kind == "id" and toks[i - 1].text not in ("return", "else", "case", "throw"):
                continue  # the helper's own definition or declaration: QString tr(...)
            ctx, numerus = helpers[t.text]
            args, _ = split_args(toks, i + 1)
            if args:
                for s in literals_of(args[0]):
                    add(ctx, s, "", numerus, t.line)
        elif t.text == "tr" and prev not in (".", "->", "::") and not (
                i > 0 and toks[i - 1].kind == "id" and toks[i - 1].text not in ("return", "else", "case", "throw")):
            args, _ = split_args(toks, i + 1)
            if args and literals_of(args[0]):
                errors.append(f"{rel}:{t.line}: tr(\"{literals_of(args[0])[0][:40]}\") without a tr helper "
                              f"in this file; define one with QCoreApplication::translate(\"CONTEXT\", s)")


def source_files(root):
    for d in SOURCE_DIRS:
        base = os.path.join(root, d)
        for dirpath, dirnames, filenames in os.walk(base):
            dirnames.sort()
            for fn in sorted(filenames):
                if fn.endswith(SOURCE_EXTS):
                    path = os.path.join(dirpath, fn)
                    yield path, os.path.relpath(path, root).replace(os.sep, "/")


def extract(root=ROOT):
    messages, errors = {}, []
    # Helpers that x.cpp defines and x.h declares count in every file that includes x.h, directly or through
    # other project headers (hub/cli/cli.h declares t() and tn() of cli.cpp for every command file).
    shared_helpers = {}  # "hub/cli/cli.h" -> {name: (context, numerus)}
    for path, rel in source_files(root):
        if not rel.endswith(".cpp"):
            continue
        header = rel[:-len(".cpp")] + ".h"
        if not os.path.isfile(os.path.join(root, header)):
            continue
        with open(path, encoding="utf-8") as f:
            text = f.read()
        if "translate" not in text:
            continue
        with open(os.path.join(root, header), encoding="utf-8") as f:
            declared = f.read()
        found = {name: v for name, v in find_helpers(tokenize(text, rel)).items()
                 if re.search(r"\b" + re.escape(name) + r"\s*\(\s*const\s+char\s*\*", declared)}
        if found:
            shared_helpers[header] = found
    include_cache = {}
    for path, rel in source_files(root):
        included = {}
        if shared_helpers:
            with open(path, encoding="utf-8") as f:
                for inc in sorted(project_includes(f.read(), root, include_cache)):
                    for name, value in shared_helpers.get(inc, {}).items():
                        included.setdefault(name, value)
        extract_file(path, rel, messages, errors, included)
    return messages, errors


# ---------------------------------------------------------------------------------------------------------
# The .ts file (Qt Linguist TS 2.1).

def element_text(el):
    """Text of <source>/<translation>/<numerusform>, with <byte value="xNN"/> turned back into characters."""
    if el is None:
        return ""
    parts = [el.text or ""]
    for child in el:
        if child.tag == "byte":
            v = child.get("value", "")
            parts.append(chr(int(v[1:], 16) if v.startswith("x") else int(v)))
        parts.append(child.tail or "")
    return "".join(parts)


class Entry:
    def __init__(self, context, source, comment=""):
        self.context, self.source, self.comment = context, source, comment
        self.oldsource = ""
        self.numerus = False
        self.type = "unfinished"  # "" (finished), unfinished, vanished, obsolete
        self.translation = ""
        self.forms = []
        self.translatorcomment = ""
        self.extracomment = ""
        self.locations = []

    @property
    def key(self):
        return (self.context, self.source, self.comment)

    def finished(self):
        if self.type:
            return False
        if self.numerus:
            return len(self.forms) == NUMERUS_FORMS and all(f.strip() for f in self.forms)
        return bool(self.translation.strip())


def read_ts(path):
    entries = {}
    if not os.path.exists(path):
        return entries
    root = ET.parse(path).getroot()
    for ctx_el in root.findall("context"):
        ctx = element_text(ctx_el.find("name"))
        for msg in ctx_el.findall("message"):
            e = Entry(ctx, element_text(msg.find("source")), element_text(msg.find("comment")))
            e.oldsource = element_text(msg.find("oldsource"))
            e.numerus = msg.get("numerus") == "yes"
            e.translatorcomment = element_text(msg.find("translatorcomment"))
            e.extracomment = element_text(msg.find("extracomment"))
            tr = msg.find("translation")
            if tr is not None:
                e.type = tr.get("type", "")
                if e.numerus:
                    e.forms = [element_text(f) for f in tr.findall("numerusform")]
                else:
                    e.translation = element_text(tr)
            entries[e.key] = e
    return entries


def protect(s):
    out = []
    for ch in s:
        c = ord(ch)
        if ch == '"':
            out.append("&quot;")
        elif ch == "&":
            out.append("&amp;")
        elif ch == ">":
            out.append("&gt;")
        elif ch == "<":
            out.append("&lt;")
        elif ch == "'":
            out.append("&apos;")
        elif (c < 0x20 or 0x7F < c < 0xA0) and ch not in "\n\t":
            out.append(f'<byte value="x{c:x}"/>')
        else:
            out.append(ch)
    return "".join(out)


def write_ts(path, entries):
    lines = ['<?xml version="1.0" encoding="utf-8"?>', "<!DOCTYPE TS>",
             f'<TS version="2.1" language="{LANGUAGE}" sourcelanguage="en_US">']
    by_ctx = {}
    for e in entries.values():
        by_ctx.setdefault(e.context, []).append(e)
    for ctx in sorted(by_ctx):
        lines.append("<context>")
        lines.append(f"    <name>{protect(ctx)}</name>")
        for e in sorted(by_ctx[ctx], key=lambda e: (e.source, e.comment)):
            lines.append('    <message numerus="yes">' if e.numerus else "    <message>")
            for loc in sorted(e.locations):
                lines.append(f'        <location filename="../{protect(loc)}"/>')
            lines.append(f"        <source>{protect(e.source)}</source>")
            if e.oldsource:
                lines.append(f"        <oldsource>{protect(e.oldsource)}</oldsource>")
            if e.comment:
                lines.append(f"        <comment>{protect(e.comment)}</comment>")
            if e.extracomment:
                lines.append(f"        <extracomment>{protect(e.extracomment)}</extracomment>")
            if e.translatorcomment:
                lines.append(f"        <translatorcomment>{protect(e.translatorcomment)}</translatorcomment>")
            type_attr = f' type="{e.type}"' if e.type else ""
            if e.numerus:
                forms = (e.forms + [""] * NUMERUS_FORMS)[:max(NUMERUS_FORMS, len(e.forms))]
                lines.append(f"        <translation{type_attr}>")
                for f in forms:
                    lines.append(f"            <numerusform>{protect(f)}</numerusform>")
                lines.append("        </translation>")
            else:
                lines.append(f"        <translation{type_attr}>{protect(e.translation)}</translation>")
            lines.append("    </message>")
        lines.append("</context>")
    lines.append("</TS>")
    data = "\n".join(lines) + "\n"
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="\n") as f:
        f.write(data)
    os.replace(tmp, path)


PLACEHOLDER_RE = re.compile(r"%(?:[0-9]{1,2}|n|L[0-9]{1,2})")


def placeholder_problem(e):
    """Why the translation's placeholders do not fit the source's, or ''."""
    want = sorted(set(PLACEHOLDER_RE.findall(e.source)))
    if e.numerus and "%n" not in want:
        want = sorted(set(want) | {"%n"})
    for text in (e.forms if e.numerus else [e.translation]):
        have = sorted(set(PLACEHOLDER_RE.findall(text)))
        if have != want:
            if e.numerus and "%n" in want and "%n" not in have and [h for h in have] == [w for w in want if w != "%n"]:
                continue  # a plural form may spell the number out ("одна") as long as the rest is there
            return f"placeholders {' '.join(have) or 'none'} where the source has {' '.join(want) or 'none'}"
    return ""


def update(messages, entries, drop_vanished):
    result = {}
    added = []
    for key, m in messages.items():
        e = entries.get(key)
        if e is None:
            e = Entry(m.context, m.source, m.comment)
            e.type = "unfinished"
            added.append(e)
        elif e.type in ("vanished", "obsolete"):
            e.type = "" if (e.forms if e.numerus else e.translation) else "unfinished"
        if not e.type:
            e.oldsource = ""  # reviewed: the hint for the translator has served
        if m.numerus and not e.numerus:
            e.numerus, e.forms, e.type = True, [e.translation] * NUMERUS_FORMS if e.translation else [], "unfinished"
        elif not m.numerus and e.numerus:
            e.numerus, e.translation, e.type = False, (e.forms or [""])[0], "unfinished"
        e.locations = sorted(m.locations)
        result[key] = e
    gone = [e for k, e in entries.items() if k not in messages]
    for e in added:  # a string edited slightly: offer the old translation to the translator
        candidates = [g for g in gone if g.context == e.context and g.numerus == e.numerus
                      and (g.translation or g.forms)]
        best, best_ratio = None, 0.0
        for g in candidates:
            r = difflib.SequenceMatcher(None, g.source, e.source).ratio()
            if r > best_ratio:
                best, best_ratio = g, r
        if best is not None and best_ratio >= 0.8:
            e.oldsource, e.translation, e.forms = best.source, best.translation, list(best.forms)
    if not drop_vanished:
        for e in gone:
            if e.translation or e.forms:
                e.type, e.locations = "vanished", []
                result[e.key] = e
    return result, added, gone


def check(messages, entries):
    problems = []
    for key in sorted(messages):
        m = messages[key]
        e = entries.get(key)
        where = ", ".join(sorted(m.locations))
        label = f"[{m.context}] «{m.source}»" + (f" ({m.comment})" if m.comment else "")
        if e is None:
            problems.append(f"{where}: {label} is missing from the .ts")
        elif e.numerus != m.numerus:
            problems.append(f"{where}: {label} is {'a plural' if m.numerus else 'not a plural'} message in the "
                            f"code but not in the .ts")
        elif not e.finished():
            problems.append(f"{where}: {label} has no finished translation")
        else:
            why = placeholder_problem(e)
            if why:
                problems.append(f"{where}: {label}: the translation has {why}")
    return problems


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true", help="verify, change nothing; exit 1 on any problem")
    ap.add_argument("--list", action="store_true", help="print context<TAB>source of the code, sorted")
    ap.add_argument("--drop-vanished", action="store_true", help="remove strings no longer in the code")
    ap.add_argument("--ts", default=TS_FILE, help="the .ts file (default: translations/tabel_ru.ts)")
    ap.add_argument("--root", default=ROOT, help="the source tree (default: this script's project)")
    a = ap.parse_args()

    messages, errors = extract(a.root)
    for err in errors:
        print(f"error: {err}", file=sys.stderr)
    if a.list:
        for ctx, src, comment in sorted(messages):
            src = src.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t")
            print(f"{ctx}\t{src}" + (f"\t{comment}" if comment else ""))
        return 0
    entries = read_ts(a.ts)
    if a.check:
        problems = check(messages, entries)
        for p in problems:
            print(p, file=sys.stderr)
        stale = sum(1 for k in entries if k not in messages and entries[k].type not in ("vanished", "obsolete"))
        if stale:
            print(f"note: {stale} translation(s) of strings no longer in the code; run translations/extract.py",
                  file=sys.stderr)
        if problems or errors:
            print(f"{len(problems) + len(errors)} problem(s); fix the code or translate in {os.path.relpath(a.ts)} "
                  f"(refresh it first: python3 translations/extract.py)", file=sys.stderr)
            return 1
        print(f"all {len(messages)} strings of the code are translated")
        return 0
    result, added, gone = update(messages, entries, a.drop_vanished)
    write_ts(a.ts, result)
    unfinished = sum(1 for e in result.values() if e.type == "unfinished")
    print(f"{os.path.relpath(a.ts)}: {len(messages)} strings in the code, {len(added)} new, "
          f"{len(gone)} no longer in the code{' (dropped)' if a.drop_vanished else ' (kept as vanished)'}, "
          f"{unfinished} unfinished")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
