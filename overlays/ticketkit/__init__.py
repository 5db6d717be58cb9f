"""ticketkit: one interface over the Routera, Intercom, Tickiti and Ankra helpdesk APIs.

The generated, typed clients ship beside this package as `routera_client`, `intercom_client`,
`tickiti_client` and `ankra_client`.
"""

__version__ = "0.1.0"

__all__ = ["__version__"]
