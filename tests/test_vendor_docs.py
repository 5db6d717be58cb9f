"""The fixtures in tests/fixtures/vendor_docs/ are the vendor documents' own examples, verbatim.

Each fixture file names its source document; an example may list `added_fields` (fields the document's
sample leaves out though its own schema requires them) with the reason. Everything else must equal a JSON
object printed in that document, so a fixture cannot drift from the primary source.
"""

from __future__ import annotations

import pytest
from support import FIXTURES, doc_json_blocks, load_fixture, shared_dir

FIXTURE_FILES = sorted(p.name for p in (FIXTURES / "vendor_docs").glob("*.json"))


def test_every_vendor_document_has_a_fixture() -> None:
    shared = shared_dir()
    if shared is None:
        pytest.skip("shared/vendor-docs is not beside this checkout (it is in CI)")
    documents = {p.name for p in (shared / "vendor-docs").glob("*.txt")}
    sources = {load_fixture(f"vendor_docs/{name}")["source"] for name in FIXTURE_FILES}
    assert documents <= sources, f"no fixture for {sorted(documents - sources)}"


@pytest.mark.parametrize("fixture", FIXTURE_FILES)
def test_fixture_examples_are_the_documents_own(fixture: str) -> None:
    if shared_dir() is None:
        pytest.skip("shared/vendor-docs is not beside this checkout (it is in CI)")
    data = load_fixture(f"vendor_docs/{fixture}")
    blocks = doc_json_blocks(data["source"])
    assert data["examples"], fixture
    for name, example in data["examples"].items():
        added = example.get("added_fields", {})
        assert not added or example.get("why"), f"{fixture}:{name} adds fields without saying why"
        value = {k: v for k, v in example["value"].items() if k not in added}
        assert value in blocks, f"{fixture}:{name} is not printed in {data['source']}"
        assert all(example["value"][k] == v for k, v in added.items()), f"{fixture}:{name}"


def test_doc_block_extraction_handles_the_intercom_trailing_comma() -> None:
    if shared_dir() is None:
        pytest.skip("shared/vendor-docs is not beside this checkout (it is in CI)")
    blocks = doc_json_blocks("intercom-retrieve-ticket.txt")
    tickets = [b for b in blocks if b.get("type") == "ticket"]
    assert tickets and tickets[0]["contacts"] == {"type": "contact.list"}
