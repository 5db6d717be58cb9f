"""ticketkit as a dlt (data load tool) source: `pip install 'ticketkit[dlt]'`.

```python
import dlt
import ticketkit
from ticketkit.dlt import ticketkit_source

with ticketkit.connect("intercom", token="...") as desk:
    pipeline = dlt.pipeline("tickets", destination="duckdb", dataset_name="support")
    pipeline.run(ticketkit_source(desk))  # run it again: only what changed is loaded, merged on the ids
```
"""

from ._source import table_columns, ticketkit_source

__all__ = ["table_columns", "ticketkit_source"]
