"""`shutdown-records review`: a local web app where a person turns a draft into a reviewed record.

Every change goes through `shutdown_records.curate.apply_edit`, the code behind `cite`.
"""

from .app import create_app

__all__ = ["create_app"]
