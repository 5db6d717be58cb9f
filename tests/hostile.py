"""Bodies a hostile or broken server can send (issue 12): deep nesting, huge strings, pathological HTML.

Shared by tests/test_hostile_servers.py (one scenario per finding, every vendor) and
tests/test_property_parsing.py (the same shapes planted in generated bodies).
"""

from __future__ import annotations

#: The deepest nesting a body may have (ticketkit._reading.MAX_NESTING, restated: a test must not follow a
#: change of the limit without saying so).
MAX_NESTING = 128


def pathological_html(size: int) -> dict[str, str]:
    """HTML of about `size` characters that a pattern scanning ahead for a closing mark reads in quadratic time
    (or worse) when it fails at every opening: "<!--" * 40000 as an Intercom part body took 24 s."""
    return {
        "unterminated comments": "<!--" * (size // 4),
        "unclosed scripts": "<script>" * (size // 8),
        "unclosed styles, mixed case": "<StYlE type=x>" * (size // 14),
        "script tags without >": "<script" * (size // 7) + ">",
        "tags without >": "<a" * (size // 2),
        "block tags without >": "<p" * (size // 2),
        "tags without > after a closed block": "<b>" + "<a" * (size // 2) + "</p>",
        "bare <": "<" * size,
        "< and spaces": "<" + " " * size + "1>",
        "comment openers inside scripts": "<script>x<!--" * (size // 13),
        "closing marks never quite closing": "</script " * (size // 9),
        "a long decimal reference": "&#" + "7" * size + ";",
        "named references that never match": ("&" + "x" * 31 + ";") * (size // 33),
        "nested junk": ("<div><!--<style><a " * (size // 20)) + ("-->" * 10),
    }


#: About 160 KB each.
PATHOLOGICAL_HTML = pathological_html(160_000)


def nested(depth: int) -> bytes:
    """JSON arrays `depth` deep around a 0, as text (json.dumps itself would give up past a few hundred)."""
    return b"[" * depth + b"0" + b"]" * depth
