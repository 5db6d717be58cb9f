"""HTML and plain text, both ways: the text of a vendor's HTML body, and HTML for a plain-text one we send."""

from __future__ import annotations

import html
import re

# HTML to text with three regular expressions: several times faster than html.parser on ticket bodies (the
# hot path of a 50-part Intercom thread), and enough for what a plain-text preview needs.
#
# In linear time on any input. A pattern that scans ahead for a closing `>`, `-->` or `</script>` reads the
# rest of the text each time it fails, so "<!--" * 40000, or "<a" * 40000 with no `>`, took time quadratic in
# their length (a 160 KB part body: 24 s). A text longer than SHORT_HTML is therefore not given to a pattern
# where it could fail that way: the tag patterns run on the text up to its last `>` only (past it nothing can
# end a tag, so nothing there is dropped), and comments, scripts and styles are found by `_drop_hidden`,
# which looks for each closing mark once. A shorter text takes the patterns as they are (at most
# SHORT_HTML² / 2 steps, and no added cost on the common short reply). Either way the output is what
# `re.sub` gives with the three patterns (tests/test_hostile_servers.py compares the two): only the time
# changed.
SHORT_HTML = 256
_HIDDEN = re.compile(r"<(script|style)\b[^>]*>.*?</\1\s*>|<!--.*?-->", re.IGNORECASE | re.DOTALL)
_HIDDEN_START = re.compile(r"<(?:(script|style)\b|!--)", re.IGNORECASE)
_HIDDEN_END = {
    "script": re.compile(r"</script\s*>", re.IGNORECASE),
    "style": re.compile(r"</style\s*>", re.IGNORECASE),
    "comment": re.compile(r"-->"),
    "tag": re.compile(r">"),
}
_BLOCK = re.compile(r"</?(?:br|p|div|li|tr|h[1-6]|blockquote)\b[^>]*>", re.IGNORECASE)
_TAG = re.compile(r"</?[A-Za-z!][^>]*>")
# html.unescape raises ValueError on a decimal character reference longer than int() converts (4,300 digits).
_LONG_REFERENCE = re.compile(r"&#([0-9]{8,})")


def html_to_text(markup: str | None) -> str | None:
    """Plain text from an HTML body: tags dropped, entities decoded, one blank-free line per block."""
    if markup is None:
        return None
    text = markup
    if "<" in text:
        short = len(text) <= SHORT_HTML
        if "<!" in text or "<s" in text or "<S" in text:  # a comment, a script or a style: rare, and costly
            text = _HIDDEN.sub("", text) if short else _drop_hidden(text)
        if short:
            text = _BLOCK.sub("\n", text)
            text = _TAG.sub("", text)
        else:
            text = _drop_tags(_BLOCK, "\n", text)
            text = _drop_tags(_TAG, "", text)
    if "&" in text:
        if "&#" in text and _LONG_REFERENCE.search(text):  # html.unescape raises ValueError on one
            text = _LONG_REFERENCE.sub(_shorter_reference, text)
        text = html.unescape(text)
    text = text.strip()
    if "\n" not in text and "\r" not in text:  # one line: the common case, a single paragraph
        return " ".join(text.split())
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def looks_like_html(text: str) -> bool:
    """Whether `text` holds a tag (`<p>`, `</ div>`...): the test for a field that may be HTML or plain text."""
    end = text.rfind(">") + 1  # a tag ends with ">": none can start past the last one
    return end > 0 and _TAG_LIKE.search(text, 0, end) is not None


# `<\s*/?\s*[a-zA-Z][^>]*>` as it was written backtracks over a run of spaces quadratically; this is the same set.
_TAG_LIKE = re.compile(r"<\s*(?:/\s*)?[a-zA-Z][^>]*>")


def _drop_tags(pattern: re.Pattern[str], replacement: str, text: str) -> str:
    """`pattern.sub(replacement, text)` for a pattern ending in `[^>]*>`, in linear time: it runs on the text up
    to the last ">" only, where each match it tries succeeds as soon as it finds a ">"."""
    end = text.rfind(">") + 1
    if text.find("<", end) < 0:  # no "<" past the last ">" (the usual case): nothing there to try
        return pattern.sub(replacement, text)
    return text if end == 0 else pattern.sub(replacement, text[:end]) + text[end:]


def _drop_hidden(text: str) -> str:
    """Comments, scripts and styles removed, each up to its first closing mark, in linear time; one that never
    closes stays (and loses its tags later, like any text). What `_HIDDEN.sub("", text)` gives."""
    found: dict[str, tuple[int, re.Match[str] | None]] = {}  # per closing mark: searched from, first match
    kept: list[str] = []
    copied = position = 0
    while (start := _HIDDEN_START.search(text, position)) is not None:
        name = start.group(1)
        if name is None:  # <!-- ... -->
            end = _end_after(found, "comment", text, start.start() + 4)
        else:  # <script ...> ... </script>: the opening tag's ">", then the closing tag
            opened = _end_after(found, "tag", text, start.end())
            kind = "script" if name[1] in "cC" else "style"
            end = -1 if opened < 0 else _end_after(found, kind, text, opened)
        if end < 0:  # never closed: not hidden; look again one character on
            position = start.start() + 1
            continue
        kept.append(text[copied : start.start()])
        copied = position = end
    if not kept:
        return text
    kept.append(text[copied:])
    return "".join(kept)


def _end_after(found: dict[str, tuple[int, re.Match[str] | None]], mark: str, text: str, position: int) -> int:
    """The end of the first `mark` starting at or after `position` (-1: none), searching the text once: the
    positions asked for never decrease, and a search from `since` that found its first match at `m` (or
    none) answers every position from `since` to `m`'s start (or to the end)."""
    since, match = found.get(mark, (-1, None))
    if since < 0 or position < since or (match is not None and match.start() < position):
        match = _HIDDEN_END[mark].search(text, position)
        found[mark] = (position, match)
    return -1 if match is None else match.end()


def _shorter_reference(match: re.Match[str]) -> str:
    """A decimal reference of eight digits or more (leading zeros aside) is past U+10FFFF, which html.unescape
    turns into U+FFFD; so is 1114112, which int() converts at once."""
    digits = match.group(1).lstrip("0")
    return "&#" + (digits if len(digits) <= 7 else "1114112")  # 1114112: U+10FFFF + 1, out of range


def escape_text(text: str) -> str:
    """HTML for a plain-text body: escaped, with line breaks kept."""
    return "<br>".join(html.escape(line) for line in text.split("\n"))
