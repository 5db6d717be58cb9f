"""One module per vendor: its adapter (generated client <-> unified model) and `make_connection()`."""
