"""curator: build a curated newsletter issue, grouped by subject, from the feeds an editor follows."""

__version__ = "0.2.0"

import warnings as _warnings

# beautifulsoup4 warns, as it is imported, when soupsieve (its CSS selectors) is missing: curator
# selects nothing by CSS, so its absence changes nothing, and the warning leaked onto every run's
# stderr (walk175 #11). Only that one warning is silenced, for every module that imports bs4.
_warnings.filterwarnings(
    "ignore", message="The soupsieve package is not installed", category=UserWarning
)
