"""api_diff: what changed in ticketkit's API between a git REF and the working tree, and whether it breaks users.

Three layers: the specs (specs/*.yaml), the Python API of every import package (griffe), and the requests on the
wire (tests/wire/ golden files). `python3 -m nox -s api_diff -- [REF]` runs it (see `__main__.py`); it suggests
the version bump and is the change gate of .ci/run.
"""
