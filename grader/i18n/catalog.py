"""Match English feedback against templates and rebuild it in another language, part by part.

A catalog maps English templates to translated ones. An English template is literal text with
``{name}`` or ``{name:kind}`` fields; each field becomes a capture group (``kind`` narrows what it
may capture, see KINDS) and the translation reuses the captured values by name. Every captured value
is itself translated when it is one of our texts (a nested template: "the gradient w.r.t. {n}"),
else kept as it is (numbers, shapes, the student's own exception messages); a field of a text kind
must translate, or the template does not match. Kinds matter most for a field that ends a template:
a free one would swallow whatever a message appends after it.

Feedback is often composed: a sentence, then a hint appended after ``" "``, ``": "`` or ``", "``. A
text no template matches whole is split there (the longest matching head first), and both sides must
translate. Feedback of several lines (grid.py: what fails where, the likely mistake, examples) is
translated line by line, before any template is tried across lines; a line no template covers stays as
it is.

A field of the ``levels`` kind holds a list (grid.py: the levels of a configuration, "shape (8, 5) with
axis=-1, dtype float32, data mean 1000, default arguments", or a condition on them joined by " or ", " and "
and "; "). It is translated item by item: from each item on, the shortest run of items a template covers
(a level may hold ", " itself: "shape (8, 5) with axis=-1"); an item no run from it translates is kept as
it is (code such as rate=0.3), and so is a separator without a translation.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Kind:
    regex: str
    text: bool = False
    """The value is one of our texts: the template matches only if it translates (when not empty)."""
    items: bool = False
    """The value is a list: translated item by item, see translate_items."""


KINDS = {
    "": Kind(r".+?"),
    "num": Kind(r"[\w.%+-]+"),  # a number (or a dtype): stops at ':', ')', ',' and spaces
    "shape": Kind(r"\([^()]*\)"),
    "axis": Kind(r"-?\d+|\[[-\d, ]*\]|\([-\d, ]*\)"),
    "ident": Kind(r"[A-Za-z_][\w.]*"),
    "code": Kind(r"[\w.<>-]+"),  # a function's qualified name or a file name: Scale.call, <module>, layers.py
    "trainable": Kind(r"(?:not )?trainable"),
    "lines": Kind(r"(?: \(line [\d, ]+\))?"),  # policy.py: where the forbidden built-in was used, if known
    "text": Kind(r".+?", text=True),
    "case": Kind(r"input of shape \([^()]*\), axis=(?:-?\d+|\[[-\d, ]*\])", text=True),  # the normalization cases
    "optext": Kind(r".*?", text=True),
    "place": Kind(r"(?: in .+?)?", text=True),  # pool.py: where a timed-out run stopped, if known
    "doing": Kind(r" while .+?", text=True),  # pool.py: which probe or import was running
    "levels": Kind(r".+?", items=True),  # grid.py: a configuration's levels, or a condition on them
}
_TOKEN = re.compile(r"\{\{|\}\}|\{(\w+)(?::(\w*))?\}")
_KOREAN_FIELD = re.compile(r"\{\{|\}\}|\{(\w+)\}")
# Tried in this order: a trailing field must not swallow the ':' of ": hint".
SEPARATORS = (": ", ", ", " ")
# What joins the items of a list (a field of the levels kind).
_ITEM_SEPARATOR = re.compile(r"(; |, | and | or )")


def skeleton(template: str) -> str:
    """The template with every field written ``{}``: what two spellings of one template share."""
    return _TOKEN.sub(lambda m: m.group(0) if m.group(1) is None else "{}", template).strip()


@dataclass(frozen=True)
class Entry:
    english: str
    translated: str
    regex: re.Pattern
    texts: tuple[str, ...]
    """Fields that must translate for the template to match."""
    anchors: tuple[str, ...]
    """Literal pieces the text must contain: a cheap test before the regex."""
    literal_length: int
    lists: tuple[str, ...] = ()
    """Fields whose value is a list, translated item by item."""

    @classmethod
    def parse(cls, english: str, translated: str) -> Entry:
        pattern, anchors, names, texts, lists, position, length = [], [], [], [], [], 0, 0
        for match in _TOKEN.finditer(english):
            literal = english[position:match.start()]
            position = match.end()
            if match.group(1) is None:
                literal += match.group(0)[0]
            pattern.append(re.escape(literal))
            anchors.append(literal)
            length += len(literal)
            if match.group(1) is not None:
                name, kind = match.group(1), match.group(2) or ""
                if kind not in KINDS:
                    raise ValueError(f"Invalid field kind in {english!r}: expected one of {sorted(KINDS)}. "
                                     f"Received: {kind!r}")
                pattern.append(f"(?P<{name}>{KINDS[kind].regex})")
                names.append(name)
                if KINDS[kind].text:
                    texts.append(name)
                if KINDS[kind].items:
                    lists.append(name)
        tail = english[position:]
        pattern.append(re.escape(tail))
        anchors.append(tail)
        length += len(tail)
        unknown = {m.group(1) for m in _KOREAN_FIELD.finditer(translated) if m.group(1)} - set(names)
        if unknown:
            raise ValueError(f"Invalid translation of {english!r}: fields {sorted(unknown)} are not in the English "
                             f"template. Received: {translated!r}")
        return cls(english, translated, re.compile("".join(pattern), re.DOTALL), tuple(texts),
                   tuple(a.strip() for a in anchors if len(a.strip()) >= 3), length, tuple(lists))

    def may_match(self, text: str) -> bool:
        return all(anchor in text for anchor in self.anchors)

    def render(self, match: re.Match, translate) -> str | None:
        """The translation, each field's value translated where ``translate`` can (else kept); None when
        a text field does not translate."""
        values = {}
        for name, value in match.groupdict().items():
            if name in self.lists:
                values[name] = translate_items(value, translate)
                continue
            translated = translate(value) if value else None
            if translated is None and value and name in self.texts:
                return None
            values[name] = value if translated is None else translated
        return _KOREAN_FIELD.sub(lambda m: m.group(0)[0] if m.group(1) is None else values[m.group(1)],
                                 self.translated)


def translate_items(text: str, translate) -> str:
    """A list (see the levels kind) with each item, or run of items, translated where ``translate`` can, the
    shortest run first (a level may hold ", " itself: "shape (8, 5) with axis=-1"; a longer run could be a
    level with the next ones swallowed), else kept; likewise each separator between them (" or ")."""
    tokens = _ITEM_SEPARATOR.split(text)
    items, separators = tokens[0::2], tokens[1::2]
    out, start = [], 0
    while start < len(items):
        for end in range(start + 1, len(items) + 1):
            run = items[start] + "".join(separators[i] + items[i + 1] for i in range(start, end - 1))
            found = translate(run) if run.strip() else None
            if found is not None:
                break
        else:
            end, found = start + 1, items[start]
        out.append(found)
        if end < len(items):
            out.append(translate(separators[end - 1]) or separators[end - 1])
        start = end
    return "".join(out)


class Catalog:
    def __init__(self, messages: dict[str, str], structural: dict[str, str]):
        """``messages``: our texts. ``structural``: shapes without words of ours (``Type: message``),
        matched only when no message template matches, so that their parts get translated."""
        key = lambda e: -e.literal_length  # the most specific template first
        self.entries = sorted((Entry.parse(e, t) for e, t in messages.items()), key=key)
        self.structural = sorted((Entry.parse(e, t) for e, t in structural.items()), key=key)
        # Reports repeat feedback (a failure shared by checks, the same mistake across a class).
        self.translate = functools.lru_cache(maxsize=4096)(self._translate)

    def match(self, text: str) -> Entry | None:
        """The message template that matches all of ``text`` (outer whitespace aside), if any; its text
        fields need not translate (``text`` may be a template with placeholder values)."""
        for candidate in (text, text.strip()):
            for entry in self.entries:
                if entry.may_match(candidate) and entry.regex.fullmatch(candidate):
                    return entry
        return None

    def _translate(self, text: str) -> str | None:
        """``text`` translated, or None when no template covers it."""
        if "\n" in text.strip():
            return self._lines(text)
        whole = self._whole(text, self.entries)
        if whole is not None:
            return whole
        core = text.strip()
        if not core:
            return None
        lead, trail = text[:len(text) - len(text.lstrip())], text[len(text.rstrip()):]
        found = (self._whole(core, self.entries) if core != text else None) or self._split(core) \
            or self._whole(core, self.structural)
        return None if found is None else lead + found + trail

    def _lines(self, text: str) -> str | None:
        """Each line translated, or kept where no template covers it; None when none is covered."""
        lines = text.split("\n")
        translated = [self.translate(line) if line.strip() else None for line in lines]
        if all(t is None for t in translated):
            return None
        return "\n".join(line if t is None else t for line, t in zip(lines, translated))

    def _whole(self, text: str, entries: list[Entry]) -> str | None:
        for entry in entries:
            if entry.may_match(text):
                match = entry.regex.fullmatch(text)
                rendered = match and entry.render(match, self.translate)
                if rendered:
                    return rendered
        return None

    def _split(self, text: str) -> str | None:
        for separator in SEPARATORS:
            cuts = [i for i in range(len(text) - 1, 0, -1) if text.startswith(separator, i)]  # longest head first
            for entry in self.entries:
                if not cuts or not entry.may_match(text):
                    continue
                for cut in cuts:
                    match = entry.regex.fullmatch(text, 0, cut)
                    head = match and entry.render(match, self.translate)
                    rest = head and self.translate(text[cut + len(separator):])
                    if rest:
                        return head + separator + rest
        return None
